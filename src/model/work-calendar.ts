import { dateOfEpochDay, epochDay } from './dates.js';

/** Official holidays and 调休 working weekend days for the years it knows. */
export interface WorkCalendar {
  /** Years whose holiday schedule is known. */
  years: ReadonlySet<number>;
  /** Holiday dates (YYYY-MM-DD) → name, e.g. 国庆节. */
  holidays: ReadonlyMap<string, string>;
  /** Weekend dates that are working days (调休). */
  workdays: ReadonlySet<string>;
  /** Where the schedule came from, for messages. */
  source: string;
}

/** Whether a date is a working day in China: a weekday that is no holiday, or a 调休 weekend. */
export function isWorkingDay(calendar: WorkCalendar, date: string): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return !isWeekend(epochDay(date));
}

function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/**
 * Counts working days with prefix sums over the known years, so a count is
 * O(1) whatever the span (overdue runs it for every item).
 */
export class WorkingDayCounter {
  private readonly first: number;
  private readonly prefix: Int32Array;

  constructor(readonly calendar: WorkCalendar) {
    const years = [...calendar.years].sort((a, b) => a - b);
    const firstYear = years[0] ?? 2000;
    const lastYear = years[years.length - 1] ?? 1999;
    this.first = epochDay(`${firstYear}-01-01`);
    const last = epochDay(`${lastYear}-12-31`);
    this.prefix = new Int32Array(Math.max(0, last - this.first + 2));
    // Numbers, not date strings: this runs for every day of every known year at each start.
    const holidays = new Set([...calendar.holidays.keys()].map(epochDay));
    const workdays = new Set([...calendar.workdays].map(epochDay));
    for (let day = this.first; day <= last; day++) {
      const index = day - this.first;
      const working = workdays.has(day) || (!holidays.has(day) && !isWeekend(day));
      this.prefix[index + 1] = this.prefix[index]! + (working ? 1 : 0);
    }
  }

  /** Whether every date from `from` to `to` lies in a year with a known schedule. */
  knows(from: string, to: string): boolean {
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) if (!this.calendar.years.has(year)) return false;
    return true;
  }

  /**
   * Working days after `from` up to and including `to` (negative when `to` is
   * earlier); undefined when a year in between has no known schedule.
   */
  between(from: string, to: string): number | undefined {
    if (to < from) {
      const back = this.between(to, from);
      return back === undefined ? undefined : -back;
    }
    if (!this.knows(from, to)) return undefined;
    return this.prefix[epochDay(to) - this.first + 1]! - this.prefix[epochDay(from) - this.first + 1]!;
  }

  /**
   * The `n`th working day after `from` (`from` itself not counted), as in
   * 「送达后10个工作日内」; undefined when the schedule runs out before it.
   */
  addWorkingDays(from: string, n: number): string | undefined {
    if (!this.knows(from, from)) return undefined;
    const start = epochDay(from) - this.first;
    const target = this.prefix[start + 1]! + n;
    // prefix is non-decreasing: the first index reaching `target` is that working day.
    let low = start + 1;
    let high = this.prefix.length - 1;
    if (high < low || this.prefix[high]! < target) return undefined;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.prefix[mid + 1]! >= target) high = mid;
      else low = mid + 1;
    }
    return dateOfEpochDay(this.first + low);
  }
}
