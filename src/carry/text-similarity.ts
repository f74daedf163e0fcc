/**
 * How alike two task texts are, by their characters: the Dice coefficient of
 * their character bigrams after punctuation and spaces are dropped. A task
 * reworded from one year to the next (“推进” → “持续推进”, a clause added or cut)
 * keeps most of its bigrams; a different task shares few.
 */
export function textSimilarity(a: string, b: string): number {
  return gramSimilarity(textGrams(a), textGrams(b));
}

/** A text's bigrams and their count, made once for a text compared with many (matchItems compares every pair of two plans). */
export interface TextGrams {
  grams: Map<string, number>;
  size: number;
}

export function textGrams(text: string): TextGrams {
  const grams = bigrams(text);
  let size = 0;
  for (const count of grams.values()) size += count;
  return { grams, size };
}

/** textSimilarity of two texts from their bigrams. */
export function gramSimilarity(x: TextGrams, y: TextGrams): number {
  if (!x.grams.size && !y.grams.size) return 1;
  let shared = 0;
  for (const [gram, count] of x.grams) shared += Math.min(count, y.grams.get(gram) ?? 0);
  return (2 * shared) / (x.size + y.size);
}

/** Letters and digits only: punctuation, brackets and spaces differ between copies of the same text. */
function normalized(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const chars = [...normalized(text)];
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  if (chars.length === 1) grams.set(chars[0]!, 1);
  return grams;
}
