import { describe, expect, it } from 'vitest';
import { dateOfEpochDay, epochDay } from '../../src/model/dates.js';
import { WorkingDayCounter, isWorkingDay } from '../../src/model/work-calendar.js';
import { workCalendar } from '../../src/read/read-calendar.js';

/** Working days after `from` up to and including `to`, counted one day at a time. */
function countDayByDay(calendar: ReturnType<typeof workCalendar>, from: string, to: string): number {
  let count = 0;
  for (let day = epochDay(from) + 1; day <= epochDay(to); day++) if (isWorkingDay(calendar, dateOfEpochDay(day))) count++;
  return count;
}

describe('working days counted from tables made a year at a time', () => {
  // An override far past the built-in years: the years in between count weekends only, as before.
  const calendar = workCalendar([{ file: 'calendar/2031.yaml', year: 2031, holidays: ['2031-01-01'], workdays: ['2031-01-04'] }]);
  const counter = new WorkingDayCounter(calendar);
  let seed = 7;
  const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  const someDay = () => dateOfEpochDay(epochDay('2019-06-01') + random(365 * 5));

  it('counts as a day-by-day count does, within a year and across years, forwards and backwards', () => {
    for (let i = 0; i < 300; i++) {
      const [from, to] = [someDay(), someDay()];
      const expected = from <= to ? countDayByDay(calendar, from, to) : -countDayByDay(calendar, to, from);
      expect(counter.between(from, to), `${from} → ${to}`).toBe(expected);
    }
    expect(counter.between('2020-12-31', '2021-01-04')).toBe(1);
  });

  it('finds the nth working day after a date, across the turn of the year, and none past the last known year', () => {
    for (let i = 0; i < 200; i++) {
      const from = someDay();
      const n = 1 + random(400);
      const found = counter.addWorkingDays(from, n)!;
      expect(isWorkingDay(calendar, found), `${from} + ${n}`).toBe(true);
      expect(countDayByDay(calendar, from, found), `${from} + ${n}`).toBe(n);
    }
    expect(counter.addWorkingDays('2031-12-20', 30)).toBeUndefined();
    expect(counter.addWorkingDays('2031-01-02', 1)).toBe('2031-01-03');
    expect(counter.addWorkingDays('2031-01-02', 2)).toBe('2031-01-04');
  });
});
