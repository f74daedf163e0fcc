/**
 * The pairing of rows with columns that maximises the total score, each row
 * and column used at most once (the Hungarian method, O(n³)): which of this
 * year's items continues which of last year's. Pairs scoring below `minimum`
 * are left unpaired.
 */
export function bestAssignment(scores: readonly (readonly number[])[], minimum: number): [number, number][] {
  const rows = scores.length;
  const columns = rows ? scores[0]!.length : 0;
  const n = Math.max(rows, columns);
  if (!n) return [];
  // Costs on a square matrix; padding costs nothing, so it never pulls a real pair apart.
  const cost = (i: number, j: number) => (i < rows && j < columns ? 1 - scores[i]![j]! : 0);
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const match = new Int32Array(n + 1); // match[j] = row (1-based) assigned to column j
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    match[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = match[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const reduced = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (reduced < minv[j]!) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[match[j]!] = u[match[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (match[j0] !== 0);
    do {
      const j1 = way[j0]!;
      match[j0] = match[j1]!;
      j0 = j1;
    } while (j0);
  }
  const pairs: [number, number][] = [];
  for (let j = 1; j <= n; j++) {
    const i = match[j]! - 1;
    if (i < rows && j - 1 < columns && scores[i]![j - 1]! >= minimum) pairs.push([i, j - 1]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}
