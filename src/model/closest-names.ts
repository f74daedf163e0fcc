/** Edit distance between two strings, by code point. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[y.length]!;
}

/**
 * The candidates closest to `wanted`, best first: those within a third of the
 * longer length, plus any that contain it or are contained in it (社会救助 → 社会救助司).
 */
export function closestNames(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored: { name: string; score: number }[] = [];
  const wantedLength = [...wanted].length;
  for (const name of new Set(candidates)) {
    if (name === wanted) continue;
    const nameLength = [...name].length;
    const contains = name.includes(wanted) || wanted.includes(name);
    const allowed = Math.max(1, Math.floor(Math.max(wantedLength, nameLength) / 3));
    // The distance is never less than the difference in length: a name that much longer or shorter, and not
    // containing or contained, cannot be close, and is not worth the count, which grows with the product of the
    // lengths (a pasted paragraph of 40,000 characters took a fifth of a second against the shipped registry).
    if (!contains && Math.abs(wantedLength - nameLength) > allowed) continue;
    const distance = editDistance(wanted, name);
    const close = distance <= allowed;
    if (contains || close) scored.push({ name, score: contains ? distance - 0.5 : distance });
  }
  // Shared characters mean something in Chinese words; in flags and English keys they are noise.
  if (!scored.length && /[^\x00-\x7f]/.test(wanted)) return sharingMost(wanted, candidates, limit);
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}

/**
 * Candidates sharing most of their characters with `wanted`, for words that
 * differ too much to be typos: 进行中 → 推进中 (进 and 中 shared). At least
 * half of the characters of both, by the Dice coefficient.
 */
function sharingMost(wanted: string, candidates: Iterable<string>, limit: number): string[] {
  const mine = [...wanted];
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(candidates)) {
    const theirs = [...name];
    const pool = [...theirs];
    let shared = 0;
    for (const ch of mine) {
      const at = pool.indexOf(ch);
      if (at >= 0) {
        shared++;
        pool.splice(at, 1);
      }
    }
    const score = (2 * shared) / (mine.length + theirs.length);
    if (score >= 0.5) scored.push({ name, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}

/** 「甲」、「乙」: a did-you-mean tail for a message, or '' when there is nothing close. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const close = closestNames(wanted, candidates);
  return close.length ? `；是否是${close.map((n) => `「${n}」`).join('、')}？` : '';
}
