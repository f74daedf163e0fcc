/** Dates are YYYY-MM-DD strings throughout: Beijing calendar dates, no time, no zone. */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a YYYY-MM-DD date that exists (2021-02-30 does not). */
export function isValidDate(text: string): boolean {
  if (!DATE_PATTERN.test(text)) return false;
  // Read off the digits the pattern found, without slices or a table an item (a large ledger asks half a million times).
  const y = digitsAt(text, 0, 4);
  const m = digitsAt(text, 5, 7);
  const d = digitsAt(text, 8, 10);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[m - 1];
  return days !== undefined && d >= 1 && d <= days;
}

const DAYS_IN_MONTH: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the ASCII digits from `from` to `to`. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

/** True when the text has the YYYY-MM-DD form, whether or not the day exists. */
export function hasDateForm(text: string): boolean {
  return DATE_PATTERN.test(text);
}

/**
 * Today's date in Beijing (Asia/Shanghai), whatever the machine's time zone.
 * China has kept UTC+8 without daylight saving since 1991, so a fixed offset is
 * exact, and it avoids loading time-zone data (~20 ms) on every run.
 */
export function beijingToday(now: Date): string {
  return utcDateText(now.getTime() + 8 * 3_600_000);
}

/**
 * The YYYY-MM-DD of an instant (ms) in UTC: as toISOString().slice(0, 10) gives it for years 0 to 9999, from the
 * date's fields; toISOString's first call in a process costs about a millisecond, every run's start.
 */
function utcDateText(ms: number): string {
  const day = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(day.getUTCFullYear()).padStart(4, '0')}-${two(day.getUTCMonth() + 1)}-${two(day.getUTCDate())}`;
}

/** Days since 1970-01-01 of a valid YYYY-MM-DD date; zone-free, so DST cannot shift it. */
export function epochDay(date: string): number {
  let day = epochDays.get(date);
  if (day === undefined) {
    day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
    epochDays.set(date, day);
  }
  return day;
}

// A ledger repeats a few hundred dates across thousands of items.
const epochDays = new Map<string, number>();

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function calendarDaysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}


/** The YYYY-MM-DD date of a day number from epochDay. */
export function dateOfEpochDay(day: number): string {
  return utcDateText(day * 86_400_000);
}
