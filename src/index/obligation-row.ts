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

const JOINT = ROLES.indexOf('joint');

/** A department doing its share: 按职责分工负责 named outright, not only possibly concerned (as ownership.ts gives `own`). */
const isShare = (role: number, possible: 0 | 1) => role === JOINT && possible === 0;

/** As packed: every obligation's first three fields one after another, and the shares' own dates (0: none) in their order. */
export function packObligations(obligations: readonly ObligationRow[]): { flat: number[]; own: (string | 0)[] } {
  const flat: number[] = [];
  const own: (string | 0)[] = [];
  for (const [department, role, possible, date] of obligations) {
    flat.push(department, role, possible);
    if (isShare(role, possible)) own.push(date ?? 0);
  }
  return { flat, own };
}

/** The obligations packObligations packed. */
export function unpackObligations(flat: readonly number[], own: readonly (string | 0)[] | undefined): ObligationRow[] {
  const obligations: ObligationRow[] = [];
  let next = 0;
  for (let i = 0; i + 2 < flat.length; i += 3) {
    const row: ObligationRow = [flat[i]!, flat[i + 1]!, flat[i + 2] as 0 | 1];
    if (isShare(row[1], row[2])) row.push(own?.[next++] || null);
    obligations.push(row);
  }
  return obligations;
}
