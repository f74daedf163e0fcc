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

/** Marks of a day in WorkingDayCounter's pass over a year. */
const HOLIDAY = 1;
const WORKDAY = 2;

function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/**
 * Counts working days with prefix sums, so a count is O(1) whatever the span (overdue runs it for every
 * item). The sums are made a year at a time, for the years a run asks about: making every known year's
 * (2004 on) at each start was the largest single cost of a run without the cache.
 */
export class WorkingDayCounter {
  /** The span counted: the first known year to the last (a year in between without a schedule counts weekends only). */
  private readonly firstYear: number;
  private readonly lastYear: number;
  /** Per year: working days of that year up to and including each day (index 0 is before 1 January). */
  private readonly sums = new Map<number, Int32Array>();

  constructor(readonly calendar: WorkCalendar) {
    const years = [...calendar.years];
    this.firstYear = years.length ? Math.min(...years) : 2000;
    this.lastYear = years.length ? Math.max(...years) : 1999;
  }

  /**
   * The prefix sums of one year of the span. The year's days are marked from the calendar's dates of that year
   * alone (a prefix test each, no parse of the other years' dates), then counted in one pass: a run asks for one
   * or two years, and grouping every known year's dates first was a good part of a cold view's calendar.
   */
  private yearSums(year: number): Int32Array {
    let sums = this.sums.get(year);
    if (sums) return sums;
    const first = epochDay(`${year}-01-01`);
    const days = epochDay(`${year + 1}-01-01`) - first;
    const prefix = `${year}-`;
    // Each day's mark: a 调休 working day wins over a holiday, as in isWorkingDay; unmarked days go by the weekday.
    const marks = new Uint8Array(days);
    for (const date of this.calendar.holidays.keys()) if (date.startsWith(prefix)) marks[epochDay(date) - first] = HOLIDAY;
    for (const date of this.calendar.workdays) if (date.startsWith(prefix)) marks[epochDay(date) - first] = WORKDAY;
    sums = new Int32Array(days + 1);
    for (let i = 0; i < days; i++) {
      const mark = marks[i];
      const working = mark === WORKDAY || (mark !== HOLIDAY && !isWeekend(first + i));
      sums[i + 1] = sums[i]! + (working ? 1 : 0);
    }
    this.sums.set(year, sums);
    return sums;
  }

  /** Working days of the span from its start up to and including `day` (an epoch day within the span). */
  private upTo(day: number, year: number): number {
    let total = 0;
    // Whole years before: in practice the plan year and the one before, so a few tables at most.
    for (let y = this.firstYear; y < year; y++) {
      const sums = this.yearSums(y);
      total += sums[sums.length - 1]!;
    }
    return total + this.yearSums(year)[day - epochDay(`${year}-01-01`) + 1]!;
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
    const fromYear = Number(from.slice(0, 4));
    const toYear = Number(to.slice(0, 4));
    if (fromYear === toYear) {
      const sums = this.yearSums(fromYear);
      const start = epochDay(`${fromYear}-01-01`);
      return sums[epochDay(to) - start + 1]! - sums[epochDay(from) - start + 1]!;
    }
    return this.upTo(epochDay(to), toYear) - this.upTo(epochDay(from), fromYear);
  }

  /**
   * The `n`th working day after `from` (`from` itself not counted), as in
   * 「送达后10个工作日内」; undefined when the schedule runs out before it.
   */
  addWorkingDays(from: string, n: number): string | undefined {
    if (!this.knows(from, from)) return undefined;
    let year = Number(from.slice(0, 4));
    let start = epochDay(`${year}-01-01`);
    let sums = this.yearSums(year);
    // Working days still to find after the days of the year already passed.
    let target = sums[epochDay(from) - start + 1]! + n;
    let low = epochDay(from) - start + 1;
    while (sums[sums.length - 1]! < target) {
      if (year >= this.lastYear) return undefined;
      target -= sums[sums.length - 1]!;
      year++;
      start = epochDay(`${year}-01-01`);
      sums = this.yearSums(year);
      low = 0;
    }
    // sums is non-decreasing: the first index reaching `target` is that working day.
    let high = sums.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sums[mid + 1]! >= target) high = mid;
      else low = mid + 1;
    }
    return dateOfEpochDay(start + low);
  }
}
