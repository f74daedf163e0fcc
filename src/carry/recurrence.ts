/**
 * Two years' instances of a recurring task (the 2026 年度报告 and the 2027
 * one, each year's 预算公开) read almost alike, yet they are different work:
 * last year's unfinished instance is carried on its own, never merged into
 * this year's. Two signs tell them apart, whatever the task:
 * - the texts name their own years: a year of the old text stands, in the new
 *   one, shifted by the plans' distance (2026年 → 2027年);
 * - both have deadlines of their own (not the year's end every undated item
 *   falls on) on the same day of the year, shifted by that distance
 *   (2027-01-31 → 2028-01-31).
 */
export interface DatedTask {
  text: string;
  /** YYYY-MM-DD of the task's own deadline; undefined when it has none (the plan's default). */
  due?: string;
}

const YEAR = /(?<![0-9０-９])((?:19|20)[0-9]{2})(?=\s*年)/gu;

/** The years a text names (2026年, 2026年度), in ASCII digits. */
export function yearsNamed(text: string): Set<number> {
  return new Set([...text.normalize('NFKC').matchAll(YEAR)].map((m) => Number(m[1])));
}

export function isNextInstance(old: DatedTask, next: DatedTask, distance: number): boolean {
  if (distance <= 0) return false;
  const before = yearsNamed(old.text);
  const after = yearsNamed(next.text);
  if ([...before].some((y) => !after.has(y) && after.has(y + distance))) return true;
  if (!old.due || !next.due || old.due === next.due) return false;
  const yearEnd = (date: string) => date.slice(5) === '12-31';
  if (yearEnd(old.due) || yearEnd(next.due)) return false;
  return old.due.slice(5) === next.due.slice(5) && Number(next.due.slice(0, 4)) - Number(old.due.slice(0, 4)) === distance;
}
