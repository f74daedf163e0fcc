import type { Diagnostic } from '../diagnostic.js';
import type { CheckContext, CheckRule } from './check-rule.js';
import type { Item } from '../model/ledger.js';
import { clauseMismatch } from './rules/clause-mismatch.js';
import { dates } from './rules/dates.js';
import { datesOutsideYear } from './rules/dates-outside-year.js';
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

/**
 * Checks that look at one item at a time (with the registry, plan and today):
 * an unchanged item's findings can be reused after a hand edit of another.
 */
const PER_ITEM: readonly CheckRule[] = [emptyText, unknownDepartment, noAccountable, roleConflict, clauseMismatch, unresolvedGroup];

/** Findings of the per-item checks kept between runs, by a fingerprint of the item (its model, place included). */
export interface ItemFindingsMemo {
  findings(itemFingerprint: string): Diagnostic[][] | undefined;
  keep(itemFingerprint: string, findings: Diagnostic[][]): void;
}

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
  datesOutsideYear,
  deadlineTrail,
  dueText,
];

/**
 * Runs the checks of a scope (by default every check) on a loaded ledger. With
 * a memo, the per-item checks run only on items not seen before, one item at a
 * time; the findings are the same, in the same order.
 */
export function checkLedger(context: CheckContext, scope: CheckScope = 'all', memo?: { store: ItemFindingsMemo; fingerprint: (item: Item) => string }): Diagnostic[] {
  const rules = CHECK_RULES.filter((rule) => scope === 'all' || !NOT_FOR_VIEWS.has(rule));
  if (!memo) return rules.flatMap((rule) => rule(context));
  const perItem = context.ledger.items.map((item) => {
    const fingerprint = memo.fingerprint(item);
    const known = memo.store.findings(fingerprint);
    if (known && known.length === PER_ITEM.length) return known;
    const alone = { ...context, ledger: { ...context.ledger, items: [item] } };
    const found = PER_ITEM.map((rule) => rule(alone));
    memo.store.keep(fingerprint, found);
    return found;
  });
  return rules.flatMap((rule) => {
    const index = PER_ITEM.indexOf(rule);
    return index < 0 ? rule(context) : perItem.flatMap((findings) => findings[index]!);
  });
}
