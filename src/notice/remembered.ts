/**
 * A question about words, each answer worked out once: the importer asks the same of the same words again and
 * again (each cell for each way a table's rows may line up, each heading for every item beneath it, the clause a
 * plan repeats hundreds of times). Bounded: the answers are dropped when there are `entries` of them, and words
 * longer than `longest` are not kept (a long paragraph asked about at each of its 、 would keep each of its tails).
 * Answers are shared between callers: they read them, never change them.
 */
export function remembered<T>(answer: (words: string) => T, { entries = 50_000, longest = Infinity } = {}): (words: string) => T {
  const answers = new Map<string, T>();
  return (words) => {
    if (words.length > longest) return answer(words);
    if (answers.has(words)) return answers.get(words) as T;
    if (answers.size >= entries) answers.clear();
    const value = answer(words);
    answers.set(words, value);
    return value;
  };
}
