import type { Diagnostic } from '../diagnostic.js';
import type { CheckContext, CheckRule } from './check-rule.js';
import { clauseMismatch } from './rules/clause-mismatch.js';
import { dates } from './rules/dates.js';
import { deadlineTrail } from './rules/deadline-trail.js';
import { emptyText } from './rules/empty-text.js';
import { itemNumbers } from './rules/item-numbers.js';
import { noAccountable } from './rules/no-accountable.js';
import { registryEntries } from './rules/registry-entries.js';
import { roleConflict } from './rules/role-conflict.js';
import { unknownDepartment } from './rules/unknown-department.js';
import { unresolvedGroup } from './rules/unresolved-group.js';

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
];

/** Runs every check on a loaded ledger. */
export function checkLedger(context: CheckContext): Diagnostic[] {
  return CHECK_RULES.flatMap((rule) => rule(context));
}
