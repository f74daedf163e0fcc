/** Dates are YYYY-MM-DD strings throughout: Beijing calendar dates, no time, no zone. */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a YYYY-MM-DD date that exists (2021-02-30 does not). */
export function isValidDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** True when the text has the YYYY-MM-DD form, whether or not the day exists. */
export function hasDateForm(text: string): boolean {
  return DATE_PATTERN.test(text);
}

/** Today's date in Beijing (Asia/Shanghai), whatever the machine's time zone. */
export function beijingToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Days since 1970-01-01 of a valid YYYY-MM-DD date; zone-free, so DST cannot shift it. */
export function epochDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** The YYYY-MM-DD date of an epoch day. */
export function fromEpochDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function calendarDaysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** The date `days` calendar days after `date`. */
export function addCalendarDays(date: string, days: number): string {
  return fromEpochDay(epochDay(date) + days);
}
