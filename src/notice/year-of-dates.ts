import { toSimplified } from './clause/traditional.js';
import { foldWidth } from './text.js';

/** A year with the time of year after it, as deadlines write it (2022年11月底前, 2022年底, 2022年第三季度), not 2021年度 (a report's year). */
const DATED = /(?<!\d)((?:19|20)\d{2})\s*年\s*(?=\d{1,2}\s*月|底|内|中|末|前|上半年|下半年|第?[一二三四1-4]季度)/g;

/**
 * The plan's year for a notice with none in its title or signature (a fragment, a page's middle): the year its
 * dated words name most often (the earlier one on a tie: a plan's own year comes before next January's reports),
 * with the first words that name it, to say where the year came from.
 */
export function yearOfDates(text: string): { year: number; words: string } | undefined {
  const reading = foldWidth(toSimplified(text));
  const count = new Map<number, { n: number; words: string }>();
  for (const m of reading.matchAll(DATED)) {
    const year = Number(m[1]);
    const seen = count.get(year);
    const words = /^[^，,。;；\s]{0,10}/.exec(reading.slice(m.index))![0];
    count.set(year, { n: (seen?.n ?? 0) + 1, words: seen?.words ?? words });
  }
  const [best] = [...count].sort(([ya, a], [yb, b]) => b.n - a.n || ya - yb);
  return best ? { year: best[0], words: best[1].words } : undefined;
}
