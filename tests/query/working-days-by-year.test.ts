import { describe, expect, it } from 'vitest';
import { dateOfEpochDay, epochDay } from '../../src/model/dates.js';
import { WorkingDayCounter, isWorkingDay } from '../../src/model/work-calendar.js';
import { builtInCalendar, workCalendar } from '../../src/read/read-calendar.js';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

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

  it('marks every day of every known year as the calendar says, a 调休 day listed as a holiday too counting as working', () => {
    // 2021-10-09 is a 调休 Saturday; listed as a holiday as well, it still works (isWorkingDay's order).
    const both = workCalendar([{ file: 'calendar/2021.yaml', year: 2021, holidays: ['2021-10-01', '2021-10-09'], workdays: ['2021-10-09'] }]);
    for (const marked of [calendar, both]) {
      const counter = new WorkingDayCounter(marked);
      for (const year of [...marked.years].sort()) {
        // Working days after 1 January up to each day of the year, one day at a time.
        let count = 0;
        for (let day = epochDay(`${year}-01-02`); day < epochDay(`${year + 1}-01-01`); day++) {
          if (isWorkingDay(marked, dateOfEpochDay(day))) count++;
          expect(counter.between(`${year}-01-01`, dateOfEpochDay(day)), dateOfEpochDay(day)).toBe(count);
        }
      }
    }
  });

  it('reads the built-in schedule whole: every date with the name of its holiday, every year it covers', () => {
    const { holidays, workdays, years } = builtInCalendar();
    const labels = data.holidays as Record<string, string>;
    expect([...holidays]).toEqual(Object.entries(labels).map(([date, label]) => [date, label.split(',')[1] ?? label]));
    expect([...workdays]).toEqual(Object.keys(data.workdays));
    expect([...years].sort()).toEqual([...new Set(Object.keys(labels).map((date) => Number(date.slice(0, 4))))].sort());
  });
});
