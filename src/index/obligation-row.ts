/**
 * How the per-item index keeps one department's obligation on an item: its
 * place in the registry, its role, whether it only possibly concerns the
 * department, and — for a department doing its share (按职责分工负责,
 * ownership.ts `own`) — the latest date of that department's own notes, by
 * which an ongoing item goes 久未更新 for it (query/deadline.ts shareFacts).
 */
import { lastProgressOf } from '../query/deadline.js';
import type { Obligation } from '../query/ownership.js';
import { ROLES } from '../model/role.js';

/** [department index in the registry, role index in ROLES, 1 when only possibly concerned, a share's own latest note date (null: none yet)]. */
export type ObligationRow = [department: number, role: number, possible: 0 | 1, own?: string | null];

/** The row of a department's obligation, as ownership.ts gives it. */
export function obligationRow(department: number, o: Obligation): ObligationRow {
  const row: ObligationRow = [department, ROLES.indexOf(o.role), o.possible ? 1 : 0];
  if (o.own) row.push(lastProgressOf(o.own) ?? null);
  return row;
}

/** As packed: every obligation's first three fields one after another, and each share's place among them with its own date (0: none). */
export function packObligations(obligations: readonly ObligationRow[]): { flat: number[]; own: (number | string)[] } {
  const flat: number[] = [];
  const own: (number | string)[] = [];
  obligations.forEach(([department, role, possible, date], i) => {
    flat.push(department, role, possible);
    if (date !== undefined) own.push(i, date ?? 0);
  });
  return { flat, own };
}

/** The obligations packObligations packed. */
export function unpackObligations(flat: readonly number[], own: readonly (number | string)[] | undefined): ObligationRow[] {
  const obligations: ObligationRow[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) obligations.push([flat[i]!, flat[i + 1]!, flat[i + 2] as 0 | 1]);
  for (let i = 0; own && i + 1 < own.length; i += 2) obligations[own[i] as number]?.push((own[i + 1] as string | 0) || null);
  return obligations;
}
