import type { Diagnostic } from '../diagnostic.js';
import type { CheckContext, CheckRule } from './check-rule.js';
import { clauseMismatch } from './rules/clause-mismatch.js';
import { dates } from './rules/dates.js';
import { deadlineTrail } from './rules/deadline-trail.js';
import { dueText } from './rules/due-text.js';
import { emptyText } from './rules/empty-text.js';
import { itemNumbers } from './rules/item-numbers.js';
import { noAccountable } from './rules/no-accountable.js';
import { registryEntries } from './rules/registry-entries.js';
import { roleConflict } from './rules/role-conflict.js';
import { unknownDepartment } from './rules/unknown-department.js';
import { unresolvedGroup } from './rules/unresolved-group.js';

/** Which checks to run: all (validate, edits) or only those whose findings can make a view wrong. */
export type CheckScope = 'all' | 'view';

/**
 * Checks a view can do without: the clause text against the roles (views read
 * the roles), empty texts and unresolved groups (warnings that change no figure).
 */
const NOT_FOR_VIEWS: ReadonlySet<CheckRule> = new Set([clauseMismatch, emptyText, unresolvedGroup]);

/** Every check, in the order their findings are listed. */
export const CHECK_RULES: readonly CheckRule[] = [
  registryEntries,
  itemNumbers,
  emptyText,
  unknownDepartment,
  noAccountable,
  roleConflict,
  clauseMismatch,
  unresolvedGroup,
  dates,
  deadlineTrail,
  dueText,
];

/** Runs the checks of a scope (by default every check) on a loaded ledger. */
export function checkLedger(context: CheckContext, scope: CheckScope = 'all'): Diagnostic[] {
  return CHECK_RULES.filter((rule) => scope === 'all' || !NOT_FOR_VIEWS.has(rule)).flatMap((rule) => rule(context));
}
