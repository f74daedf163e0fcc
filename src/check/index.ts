import type { Diagnostic } from '../diagnostic.js';
import type { CheckContext, CheckRule } from './check-rule.js';
import type { Item } from '../model/ledger.js';

/** Which checks to run: all (validate, edits) or only those whose findings can make a view wrong. */
export type CheckScope = 'all' | 'view';

interface RuleEntry {
  /** Loads the rule's module: only the rules a scope asks for are loaded (two read clause texts with the notice reader's grammar and opencc tables). */
  load: () => Promise<CheckRule>;
  /**
   * Whether a view needs it: a view can do without the clause text against the
   * roles (views read the roles), the due text against the due date, empty texts
   * and unresolved groups (warnings that change no figure).
   */
  forViews: boolean;
  /** Looks at one item at a time (with the registry, plan and today): an unchanged item's findings can be reused after a hand edit of another. */
  perItem: boolean;
}

/** Every check, in the order their findings are listed. */
const RULES: readonly RuleEntry[] = [
  { load: async () => (await import('./rules/registry-entries.js')).registryEntries, forViews: true, perItem: false },
  { load: async () => (await import('./rules/item-numbers.js')).itemNumbers, forViews: true, perItem: false },
  { load: async () => (await import('./rules/empty-text.js')).emptyText, forViews: false, perItem: true },
  { load: async () => (await import('./rules/unknown-department.js')).unknownDepartment, forViews: true, perItem: true },
  { load: async () => (await import('./rules/no-accountable.js')).noAccountable, forViews: true, perItem: true },
  { load: async () => (await import('./rules/role-conflict.js')).roleConflict, forViews: true, perItem: true },
  { load: async () => (await import('./rules/clause-mismatch.js')).clauseMismatch, forViews: false, perItem: true },
  { load: async () => (await import('./rules/unresolved-group.js')).unresolvedGroup, forViews: false, perItem: true },
  { load: async () => (await import('./rules/dates.js')).dates, forViews: true, perItem: false },
  { load: async () => (await import('./rules/dates-outside-year.js')).datesOutsideYear, forViews: true, perItem: false },
  { load: async () => (await import('./rules/deadline-trail.js')).deadlineTrail, forViews: true, perItem: false },
  { load: async () => (await import('./rules/due-text.js')).dueText, forViews: false, perItem: false },
];

/** The rules of a scope, loaded, in listing order. */
async function rulesOf(scope: CheckScope): Promise<{ rule: CheckRule; perItem: boolean }[]> {
  const entries = RULES.filter((entry) => scope === 'all' || entry.forViews);
  return Promise.all(entries.map(async (entry) => ({ rule: await entry.load(), perItem: entry.perItem })));
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
  const perItemRules = (scope === 'all' ? rules : await rulesOf('all')).filter((r) => r.perItem).map((r) => r.rule);
  const perItem = context.ledger.items.map((item) => {
    const fingerprint = memo.fingerprint(item);
    const known = memo.store.findings(fingerprint);
    if (known && known.length === perItemRules.length) return known;
    const alone = { ...context, ledger: { ...context.ledger, items: [item] } };
    const found = perItemRules.map((rule) => rule(alone));
    memo.store.keep(fingerprint, found);
    return found;
  });
  return rules.flatMap(({ rule }) => {
    const index = perItemRules.indexOf(rule);
    return index < 0 ? rule(context) : perItem.flatMap((findings) => findings[index]!);
  });
}
