/**
 * The shared score sheet's way of scoring an import (score-notices.py): hand-labelled
 * units matched to imported items in document order by their roles (numbering does
 * not matter); a deadline is an ISO date with `due`, or 'ongoing' with status 持续推进.
 */

export const ROLES = ['lead', 'joint', 'cooperate', 'sole'] as const;

export interface Unit {
  file: string;
  key: string;
  due?: string;
  lead?: string[];
  joint?: string[];
  cooperate?: string[];
  sole?: string[];
  note?: string;
  parts?: Omit<Unit, 'file' | 'key' | 'parts'>[];
}

export type ImportedItem = Record<string, unknown> & { number: string; status: string; due: string };

export function rolesOf(item: Record<string, unknown>): string {
  return ROLES.map((role) => {
    const names = ((item[role] as (string | { dept: string })[] | undefined) ?? []).map((n) => (typeof n === 'string' ? n : n.dept));
    return `${role}:${[...new Set(names)].sort().join('、')}`;
  }).join(' ');
}

/** A unit labelled in parts (several clauses in one paragraph, scoped leads): the roles of all its parts. */
export function expectedRoles(unit: Unit): string {
  const merged: Record<string, string[]> = {};
  for (const part of unit.parts ?? [unit]) for (const role of ROLES) merged[role] = [...(merged[role] ?? []), ...(part[role] ?? [])];
  return rolesOf(merged);
}

export function dueRight(item: ImportedItem, want: string | undefined): boolean {
  if (want === undefined) return true;
  return want === 'ongoing' ? item.status === '持续推进' : item.due === want;
}

/** Each unit of one notice with the item that matches its roles, in document order (undefined: none does). */
export function matchUnits(units: readonly Unit[], items: readonly ImportedItem[]): { unit: Unit; item: ImportedItem | undefined }[] {
  let position = 0;
  return units.map((unit) => {
    const want = expectedRoles(unit);
    const index = items.findIndex((item, i) => i >= position && rolesOf(item) === want);
    if (index >= 0) position = index + 1;
    return { unit, item: index >= 0 ? items[index] : undefined };
  });
}
