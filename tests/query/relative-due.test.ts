import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkingDayCounter } from '../../src/model/work-calendar.js';
import { workCalendar } from '../../src/read/read-calendar.js';
import { FIXTURES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const VALID = readFileSync(join(FIXTURES, 'ledgers', 'valid.yaml'), 'utf8');

/** valid.yaml with item 1's deadline written as `due: <rule>`. */
function ledgerWithDue(rule: string): string {
  const dir = tempDir({ 'ledger.yaml': VALID.replace('        due: 2021-09-30\n', `        due: ${rule}\n`) });
  return join(dir, 'ledger.yaml');
}

describe('relative deadlines (N 个工作日内 after an event)', () => {
  const counter = new WorkingDayCounter(workCalendar([]));

  it('counts working days across National Day 2021, with the 调休 Saturday', () => {
    // 09-29 and 09-30 are days 1 and 2; 10-01…10-07 are holidays; 10-08 (Fri) is 3, 10-09 (调休 Sat) 4, then 10-11…10-15, 10-18.
    expect(counter.addWorkingDays('2021-09-28', 10)).toBe('2021-10-18');
    expect(counter.addWorkingDays('2021-09-30', 1)).toBe('2021-10-08');
    expect(counter.addWorkingDays('2021-10-08', 1)).toBe('2021-10-09');
    expect(counter.addWorkingDays('2021-10-09', 1)).toBe('2021-10-11');
    // Art. 33: 20 working days from a request received on Friday 2021-09-24; Sunday 09-26 was a 调休 working day.
    expect(counter.addWorkingDays('2021-09-24', 20)).toBe('2021-10-27');
  });

  it('gives no date when the holiday schedule has run out', () => {
    expect(counter.addWorkingDays('2099-01-05', 10)).toBeUndefined();
  });

  it('computes the item deadline in the ledger and keeps the rule in export', async () => {
    const file = ledgerWithDue('{ after: 2021-09-28, working_days: 10 }');
    const result = await runCli(['export', '--ledger', file, '--format', 'json']);
    expect(result.code, result.err).toBe(0);
    const item = JSON.parse(result.out).items.find((i: { number: string }) => i.number === '1');
    expect(item).toMatchObject({ due: '2021-10-18', due_is_default: false, due_after: { after: '2021-09-28', working_days: 10 } });
    expect((await runCli(['validate', '--strict', '--ledger', file])).code).toBe(0);
  });

  it('views count the computed deadline: 10 working days after 09-28 is late on 11-01 by 10 working days', async () => {
    const file = ledgerWithDue('{ after: 2021-09-28, working_days: 10 }');
    const result = await runCli(['status', '--dept', '政策法规司', '--ledger', file, '--as-of', '2021-11-01', '--format', 'json']);
    const row = JSON.parse(result.out).items.find((i: { number: string }) => i.number === '1');
    expect(row).toMatchObject({ due: '2021-10-18', state: 'overdue', days_left: -14, working_days_left: -10 });
  });

  it('warns when the calendar cannot compute it, and says which date it uses meanwhile', async () => {
    const file = ledgerWithDue('{ after: 2099-01-05, working_days: 10 }');
    const result = await runCli(['validate', '--ledger', file, '--format', 'json']);
    const codes = JSON.parse(result.out).diagnostics.map((d: { code: string; line: number }) => [d.code, d.line]);
    expect(codes).toContainEqual(['RELATIVE_DUE_UNKNOWN', 38]);
  });

  it('refuses a rule without the event date', async () => {
    const file = ledgerWithDue('{ working_days: 10 }');
    const result = await runCli(['validate', '--ledger', file]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('错误[MISSING_FIELD]');
    expect(result.out).toContain('after');
  });
});
