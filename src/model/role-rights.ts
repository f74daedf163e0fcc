import { isAccountable, type Role } from './role.js';

/**
 * What a department may change on an item it is named on, by its role — the
 * one statement of it that the push policy (permissions/) and collect's plan
 * (query/collect-plan) both follow, so a form the office collects is never
 * refused by the shared repository. Everything else is the coordinator's
 * (办公厅): deadlines, clauses, texts, granting or refusing a postponement.
 */
const ACCOUNTABLE_FIELDS: ReadonlySet<string> = new Set(['status', 'done_on', 'progress', 'postponement_requests']);
/** 配合: its progress notes, and asking for more time for its part; the status is the accountable department's. */
const COOPERATING_FIELDS: ReadonlySet<string> = new Set(['progress', 'postponement_requests']);

/**
 * Lists whose entries name a department (`dept`): a department adds, corrects
 * or removes only entries in its own name — its progress notes; its requests
 * to postpone it only adds (a request once made stays on record for the office).
 */
export const OWN_ENTRY_FIELDS: ReadonlyMap<string, { mayRemove: boolean }> = new Map([
  ['progress', { mayRemove: true }],
  ['postponement_requests', { mayRemove: false }],
]);

/** True when a department in `role` may change `field` of the item (under OWN_ENTRY_FIELDS' terms for those fields). */
export function roleMayChange(role: Role, field: string): boolean {
  return (isAccountable(role) ? ACCOUNTABLE_FIELDS : COOPERATING_FIELDS).has(field);
}

/** True when some role lets a department change `field` (a change of another field is the coordinator's whatever the role). */
export function anyRoleMayChange(field: string): boolean {
  return ACCOUNTABLE_FIELDS.has(field);
}
