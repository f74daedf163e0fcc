import type { Diagnostic } from '../diagnostic.js';
import type { CheckContext, CheckRule } from './check-rule.js';
import type { Item } from '../model/ledger.js';

/** Which checks to run: all (validate, edits) or only those whose findings can make a view wrong. */
export type CheckScope = 'all' | 'view';

/**
 * What a rule's findings depend on:
 * - 'registry': the registry alone (no item);
 * - 'numbering': the numbers of all items together (duplicates, gaps): a cross-item rule;
 * - 'item': each item on its own (with the registry, the plan and today). Such a rule lists
 *   the findings about the plan first (if any), then each item's in ledger order, so its
 *   findings on a ledger are those on the ledger without items followed by each item's alone.
 */
export type RuleReach = 'registry' | 'numbering' | 'item';

interface RuleEntry {
  /** Loads the rule's module: only the rules a scope asks for are loaded (two read clause texts with the notice reader's grammar and opencc tables). */
  load: () => Promise<CheckRule>;
  /**
   * Whether a view needs it: a view can do without the clause text against the
   * roles (views read the roles), the due text against the due date, empty texts
   * and unresolved groups (warnings that change no figure).
   */
  forViews: boolean;
  reach: RuleReach;
}

/** Every check, in the order their findings are listed. */
const RULES: readonly RuleEntry[] = [
  { load: async () => (await import('./rules/registry-entries.js')).registryEntries, forViews: true, reach: 'registry' },
  { load: async () => (await import('./rules/item-numbers.js')).itemNumbers, forViews: true, reach: 'numbering' },
  { load: async () => (await import('./rules/empty-text.js')).emptyText, forViews: false, reach: 'item' },
  { load: async () => (await import('./rules/unknown-department.js')).unknownDepartment, forViews: true, reach: 'item' },
  { load: async () => (await import('./rules/no-accountable.js')).noAccountable, forViews: true, reach: 'item' },
  { load: async () => (await import('./rules/role-conflict.js')).roleConflict, forViews: true, reach: 'item' },
  { load: async () => (await import('./rules/clause-mismatch.js')).clauseMismatch, forViews: false, reach: 'item' },
  { load: async () => (await import('./rules/unresolved-group.js')).unresolvedGroup, forViews: false, reach: 'item' },
  { load: async () => (await import('./rules/dates.js')).dates, forViews: true, reach: 'item' },
  { load: async () => (await import('./rules/dates-outside-year.js')).datesOutsideYear, forViews: true, reach: 'item' },
  { load: async () => (await import('./rules/deadline-trail.js')).deadlineTrail, forViews: true, reach: 'item' },
  { load: async () => (await import('./rules/due-text.js')).dueText, forViews: false, reach: 'item' },
];

export interface LoadedRule {
  rule: CheckRule;
  reach: RuleReach;
}

/** The rules of a scope, loaded, in listing order. */
export async function rulesOf(scope: CheckScope): Promise<LoadedRule[]> {
  const entries = RULES.filter((entry) => scope === 'all' || entry.forViews);
  return Promise.all(entries.map(async (entry) => ({ rule: await entry.load(), reach: entry.reach })));
}

/** Findings of the per-item checks kept between runs, by a fingerprint of the item (its model, place included). */
export interface ItemFindingsMemo {
  findings(itemFingerprint: string): Diagnostic[][] | undefined;
  keep(itemFingerprint: string, findings: Diagnostic[][]): void;
}

/**
 * Runs the checks of a scope (by default every check) on a loaded ledger,
 * loading only those. With a memo (scope 'all'), the per-item checks run only
 * on items not seen before, one item at a time; the findings are the same, in
 * the same order.
 */
export async function checkLedger(context: CheckContext, scope: CheckScope = 'all', memo?: { store: ItemFindingsMemo; fingerprint: (item: Item) => string }): Promise<Diagnostic[]> {
  const rules = await rulesOf(scope);
  if (!memo) return rules.flatMap(({ rule }) => rule(context));
  const perItemRules = (scope === 'all' ? rules : await rulesOf('all')).filter((r) => r.reach === 'item').map((r) => r.rule);
  // What each per-item rule says of the plan alone comes before its items' findings, once.
  const planOnly = { ...context, ledger: { ...context.ledger, items: [] } };
  const planFindings = perItemRules.map((rule) => rule(planOnly));
  const perItem = context.ledger.items.map((item) => {
    const fingerprint = memo.fingerprint(item);
    const known = memo.store.findings(fingerprint);
    if (known && known.length === perItemRules.length) return known;
    const alone = { ...context, ledger: { ...context.ledger, items: [item] } };
    const found = perItemRules.map((rule, i) => rule(alone).slice(planFindings[i]!.length));
    memo.store.keep(fingerprint, found);
    return found;
  });
  return rules.flatMap(({ rule }) => {
    const index = perItemRules.indexOf(rule);
    return index < 0 ? rule(context) : [...planFindings[index]!, ...perItem.flatMap((findings) => findings[index]!)];
  });
}
