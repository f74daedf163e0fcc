import { describe, expect, it } from 'vitest';
import { beijingToday, dateOfEpochDay, epochDay } from '../../src/model/dates.js';
import { scaled } from '../helpers/scale.js';

describe('dates from instants', () => {
  it('every day of the years plans are made for (1900 to 2100 at full size) is written as toISOString writes it, and reads back to its number', () => {
    const [from, to] = scaled(['2015-12-25', '2032-01-05'], ['1900-01-01', '2100-12-31']);
    for (let day = epochDay(from); day <= epochDay(to); day++) {
      const text = dateOfEpochDay(day);
      expect(text).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
      expect(epochDay(text)).toBe(day);
    }
  });

  it("Beijing's date is the one Asia/Shanghai shows, at every hour around midnight of every month of a year", () => {
    const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let month = 0; month < 12; month++) {
      for (let hour = 12; hour < 20; hour++) {
        const instant = new Date(Date.UTC(2024, month, 28, hour, 30));
        expect(beijingToday(instant), instant.toISOString()).toBe(shanghai.format(instant));
      }
    }
  });
});
