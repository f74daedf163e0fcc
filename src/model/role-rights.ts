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

/** Fields whose entries a department adds only in its own name (the entry's `dept`), and never removes or rewrites: a request once made stays on record. */
export const OWN_ENTRY_FIELDS: ReadonlySet<string> = new Set(['postponement_requests']);

/** True when a department in `role` may change `field` of the item (under OWN_ENTRY_FIELDS' terms for those fields). */
export function roleMayChange(role: Role, field: string): boolean {
  return (isAccountable(role) ? ACCOUNTABLE_FIELDS : COOPERATING_FIELDS).has(field);
}

/** True when some role lets a department change `field` (a change of another field is the coordinator's whatever the role). */
export function anyRoleMayChange(field: string): boolean {
  return ACCOUNTABLE_FIELDS.has(field);
}
