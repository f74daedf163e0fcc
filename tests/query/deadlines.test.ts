import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkingDayCounter, isWorkingDay } from '../../src/model/work-calendar.js';
import { workCalendar } from '../../src/read/read-calendar.js';
import { beijingToday } from '../../src/model/dates.js';
import { FIXTURES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { readFileSync } from 'node:fs';

const LEDGER = join(FIXTURES, 'ledgers', 'mca-progress.yaml');

interface Row {
  number: string;
  state: string;
  days_left: number;
  working_days_left: number | null;
}
interface OwnerItems {
  owner: string;
  items: Row[];
}

async function overdue(args: string[], now?: Date) {
  const result = await runCli(['overdue', '--ledger', LEDGER, '--format', 'json', ...args], now ? { now: () => now } : {});
  expect(result.code, result.err).toBe(0);
  return JSON.parse(result.out) as { as_of: string; overdue: OwnerItems[]; due_soon: OwnerItems[]; stale: OwnerItems[] };
}

const item = (groups: OwnerItems[], number: string) => groups.flatMap((g) => g.items).find((i) => i.number === number);

describe('the Chinese working-day calendar', () => {
  const counter = new WorkingDayCounter(workCalendar([]));

  it('knows the 2021 National Day holiday and the 调休 Saturday 2021-10-09', () => {
    expect(isWorkingDay(counter.calendar, '2021-10-01')).toBe(false); // Friday, holiday
    expect(isWorkingDay(counter.calendar, '2021-10-07')).toBe(false); // Thursday, holiday
    expect(isWorkingDay(counter.calendar, '2021-10-09')).toBe(true); // Saturday, 调休
    expect(isWorkingDay(counter.calendar, '2021-09-26')).toBe(true); // Sunday, 调休
    expect(isWorkingDay(counter.calendar, '2021-10-10')).toBe(false); // Sunday
  });

  it('counts working days across the holiday', () => {
    // After 09-24 up to 10-11: 09-26 (调休), 09-27..30, 10-08, 10-09 (调休), 10-11. A weekends-only count says 11.
    expect(counter.between('2021-09-24', '2021-10-11')).toBe(8);
    expect(counter.between('2021-09-30', '2021-10-08')).toBe(1);
    expect(counter.between('2021-10-08', '2021-09-30')).toBe(-1);
  });

  it('does not pretend to know a year without a published schedule', () => {
    expect(counter.between('2026-12-01', '2027-01-15')).toBeUndefined();
  });

  it('takes a year from an override file beside the ledger', async () => {
    const ledger = readFileSync(LEDGER, 'utf8').replace('departments: ../../../data/departments.yaml', `departments: ${join(FIXTURES, '..', '..', 'data', 'departments.yaml')}`).replace('due: 2021-10-11', 'due: 2027-01-08');
    const dir = tempDir({
      'ledger.yaml': ledger,
      // 2027 is not in chinese-days yet; an office fills it in when the State Council publishes it.
      'calendar/2027.yaml': 'year: 2027\nholidays: [2027-01-01, 2027-01-04]\nworkdays: []\n',
    });
    const result = await runCli(['overdue', '--ledger', join(dir, 'ledger.yaml'), '--as-of', '2026-12-31', '--format', 'json', '--within', '30']);
    expect(result.err).toBe('');
    const row = item(JSON.parse(result.out).due_soon, '23')!;
    // After 12-31: 01-01 and 01-04 off, 01-02/03 weekend, 01-05..08 working.
    expect(row).toMatchObject({ days_left: 8, working_days_left: 4 });
  });

  it('warns, and shows no working-day count, for a year nobody knows', async () => {
    const result = await runCli(['overdue', '--ledger', LEDGER, '--as-of', '2027-03-01']);
    expect(result.code).toBe(0);
    expect(result.err).toContain('警告[HOLIDAYS_UNKNOWN] 2027 年的法定节假日安排未知');
    expect(result.out).toContain('? 个工作日');
  });

  it('names a long run of unknown years as one span, in one line (a mistyped --as-of 0001-01-01)', async () => {
    const result = await runCli(['status', '--ledger', LEDGER, '--as-of', '0001-01-01']);
    expect(result.err).toContain('警告[HOLIDAYS_UNKNOWN] 1—2003 年的法定节假日安排未知');
    expect(result.err.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('overdue and due soon around National Day 2021', () => {
  it('on 2021-10-08: item 22 (due 09-30) is 8 days and 1 working day late; item 23 (due 10-11) is due in 2 working days', async () => {
    const report = await overdue(['--as-of', '2021-10-08']);
    expect(item(report.overdue, '22')).toMatchObject({ state: 'overdue', days_left: -8, working_days_left: -1 });
    expect(item(report.due_soon, '23')).toMatchObject({ state: 'due_soon', days_left: 3, working_days_left: 2 });
  });

  it('on the 调休 Saturday 2021-10-09 a working day passes; on Sunday none does', async () => {
    expect(item((await overdue(['--as-of', '2021-10-09'])).overdue, '22')).toMatchObject({ days_left: -9, working_days_left: -2 });
    expect(item((await overdue(['--as-of', '2021-10-10'])).overdue, '22')).toMatchObject({ days_left: -10, working_days_left: -2 });
  });

  it('counts due soon in working days: 17 calendar days but 8 working days is within 10', async () => {
    const report = await overdue(['--as-of', '2021-09-24']);
    expect(item(report.due_soon, '23')).toMatchObject({ days_left: 17, working_days_left: 8 });
    expect(item((await overdue(['--as-of', '2021-09-24', '--within', '7'])).due_soon, '23')).toBeUndefined();
  });

  it('never calls an ongoing item overdue, but reports it stale without recent progress', async () => {
    const report = await overdue(['--as-of', '2022-03-01']);
    expect(item(report.overdue, '9')).toBeUndefined();
    expect(item(report.stale, '9')).toMatchObject({ state: 'ongoing' });
    expect(item((await overdue(['--as-of', '2021-10-08', '--stale-days', '100'])).stale, '9')).toBeUndefined();
  });

  it('exits 1 with --fail-on-overdue when anything is overdue, 0 when nothing is', async () => {
    expect((await runCli(['overdue', '--ledger', LEDGER, '--as-of', '2021-10-08', '--fail-on-overdue'])).code).toBe(1);
    expect((await runCli(['overdue', '--ledger', LEDGER, '--as-of', '2021-09-01', '--fail-on-overdue'])).code).toBe(0);
  });

  it('refuses an impossible --as-of', async () => {
    const result = await runCli(['overdue', '--ledger', LEDGER, '--as-of', '2021-02-30']);
    expect(result.code).toBe(2);
    expect(result.err).toBe('gongkai: 错误[OPTION_INVALID] --as-of：日期「2021-02-30」不存在\n');
  });
});

describe('today is the Beijing date, whatever the machine time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });
  // 2021-10-08 17:00 UTC is 2021-10-09 01:00 in Beijing and 2021-10-08 10:00 in Los Angeles.
  const instant = new Date('2021-10-08T17:00:00Z');

  it.each(['UTC', 'America/Los_Angeles', 'Asia/Shanghai'])('TZ=%s', async (tz) => {
    process.env.TZ = tz;
    expect(beijingToday(instant)).toBe('2021-10-09');
    const report = await overdue([], instant);
    expect(report.as_of).toBe('2021-10-09');
    expect(item(report.overdue, '22')).toMatchObject({ days_left: -9, working_days_left: -2 });
  });
});
