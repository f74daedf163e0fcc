/**
 * The checks taken apart by what their findings depend on (index.ts, RuleReach),
 * so that a run after a hand edit checks only the items that changed: the
 * findings about the plan and the registry, each item's own findings, and the
 * numbering over all items, put back together in the order one run over the
 * whole ledger lists them.
 */
import type { Diagnostic, PathSegment } from '../diagnostic.js';
import type { CheckContext } from './check-rule.js';
import { rulesOf, type LoadedRule } from './index.js';
import { itemNumbers } from './rules/item-numbers.js';

export type { LoadedRule };

/** Every rule of validate, in listing order. */
export const allRules = () => rulesOf('all');

/**
 * What each rule finds in a ledger without items: the registry's findings and
 * what the per-item rules say of the plan. `context.ledger.items` must be empty.
 */
export function planFindings(rules: readonly LoadedRule[], context: CheckContext): Diagnostic[][] {
  return rules.map(({ rule, reach }) => (reach === 'numbering' ? [] : rule(context)));
}

/**
 * Each item's own findings, rule by rule (per-item rules only), for a ledger
 * whose items all stand in `sections[0].items` (sections[0].items[j] is item j
 * of the result; `count` such places). What the rules say of the plan is left
 * out (planFindings has it).
 */
export function itemFindings(rules: readonly LoadedRule[], context: CheckContext, count: number): Diagnostic[][][] {
  const perItem = rules.filter((r) => r.reach === 'item');
  const out: Diagnostic[][][] = Array.from({ length: count }, () => perItem.map(() => []));
  perItem.forEach(({ rule }, r) => {
    for (const d of rule(context)) {
      const at = itemPlace(d.path);
      if (at !== undefined) out[at]![r]!.push(d);
    }
  });
  return out;
}

/** j of a path into sections[0].items[j]. */
function itemPlace(path: readonly PathSegment[] | undefined): number | undefined {
  return path && path[0] === 'sections' && path[1] === 0 && path[2] === 'items' && typeof path[3] === 'number' ? path[3] : undefined;
}

/** One item as the numbering rule sees it: its number, its section's number and where it stands. */
export interface NumberedItem {
  number: string;
  section: string;
  path: PathSegment[];
}

/** The numbering findings over all items (duplicates, gaps), from their numbers alone. */
export function numberingFindings(context: Omit<CheckContext, 'ledger'> & { file: string }, items: NumberedItem[]): Diagnostic[] {
  return itemNumbers({ ...context, ledger: { file: context.file, items } as unknown as CheckContext['ledger'] });
}

/**
 * The findings of every rule in the order a run over the whole ledger lists
 * them: rule by rule, each per-item rule's findings about the plan first, then
 * each item's in ledger order. `items(r)` gives item rule r's findings of
 * every item in ledger order.
 */
export function assembleFindings(rules: readonly LoadedRule[], plan: Diagnostic[][], numbering: Diagnostic[], items: (itemRule: number) => Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let itemRule = 0;
  rules.forEach(({ reach }, r) => {
    if (reach === 'numbering') out.push(...numbering);
    else out.push(...plan[r]!);
    if (reach === 'item') out.push(...items(itemRule++));
  });
  return out;
}
