/**
 * How alike two task texts are, by their characters: the Dice coefficient of
 * their character bigrams after punctuation and spaces are dropped. A task
 * reworded from one year to the next (“推进” → “持续推进”, a clause added or cut)
 * keeps most of its bigrams; a different task shares few.
 */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size && !y.size) return 1;
  let shared = 0;
  let sizeX = 0;
  let sizeY = 0;
  for (const count of x.values()) sizeX += count;
  for (const count of y.values()) sizeY += count;
  for (const [gram, count] of x) shared += Math.min(count, y.get(gram) ?? 0);
  return (2 * shared) / (sizeX + sizeY);
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
