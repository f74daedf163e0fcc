import { bestAssignment } from './assignment.js';
import { gramSimilarity, textGrams } from './text-similarity.js';

/** What matching needs of an item, from a ledger or from a draft. */
export interface MatchableItem {
  number: string;
  text: string;
  /** Accountable bodies (lead, joint, sole), by their registry names. */
  owners: string[];
}

export interface ItemPair<A, B> {
  from: A;
  to: B;
  /** Text similarity, 0–1. */
  similarity: number;
}

/** Below this a pair is two different tasks: chosen on real plans, where a reworded task keeps well over half its bigrams and unrelated tasks share under a quarter. */
export const SAME_TASK = 0.4;

/**
 * Pairs the items of two plans that are the same task, whatever their numbers:
 * by text similarity, the best assignment over all items at once (not each
 * item's nearest neighbour, which can take one task twice).
 */
export function matchItems<A extends MatchableItem, B extends MatchableItem>(
  from: readonly A[],
  to: readonly B[],
  minimum = SAME_TASK,
  /** Pairs that must not be made however alike their texts (two years' instances of a recurring task). */
  apart?: (a: A, b: B) => boolean,
): { pairs: ItemPair<A, B>[]; dropped: A[]; added: B[] } {
  // Each text's bigrams once, not once for each pair: two plans of 35 items made 2,450 sets of bigrams, not 70.
  const toGrams = to.map((b) => textGrams(b.text));
  const scores = from.map((a) => {
    const grams = textGrams(a.text);
    return to.map((b, j) => (apart?.(a, b) ? 0 : gramSimilarity(grams, toGrams[j]!)));
  });
  const pairs = bestAssignment(scores, minimum).map(([i, j]) => ({ from: from[i]!, to: to[j]!, similarity: scores[i]![j]! }));
  const pairedFrom = new Set(pairs.map((p) => p.from));
  const pairedTo = new Set(pairs.map((p) => p.to));
  return { pairs, dropped: from.filter((a) => !pairedFrom.has(a)), added: to.filter((b) => !pairedTo.has(b)) };
}
