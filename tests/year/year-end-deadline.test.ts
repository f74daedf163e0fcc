import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LEDGER } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * A year-end deadline (12-31 of the plan year, the default of every item the
 * notice gives no date) is a deadline like another: 临期 within the configured
 * working days, due today on the day, overdue after it — and once the year is
 * over and the views count as of its last day, that day is over too: what was
 * due on it and is not done missed its deadline, it is not "due today".
 */
const at = (date: string) => ({ now: () => new Date(`${date}T02:00:00Z`) });
const json = async (args: string[], today = '2026-12-05') => {
  const result = await runCli(['--ledger', SHIPPED_LEDGER, ...args, '--format', 'json'], at(today));
  expect(result.code, result.err).toBe(0);
  return JSON.parse(result.out);
};
type Row = { number: string; state: string; days_left: number; working_days_left: number | null };
const rowsOf = (report: { overdue: { items: Row[] }[]; due_soon: { items: Row[] }[] }, kind: 'overdue' | 'due_soon') => report[kind].flatMap((group) => group.items);

describe('items due on the plan year’s last day', () => {
  it('are due soon within the configured working days, due today on the day, overdue after it', async () => {
    // 2021-12-20: 11 calendar days, 9 working days to 2021-12-31 — within 10 working days, not within 5.
    // 33 of the 35: 9 (全年动态公开) and 18 (密切关注…舆情) are ongoing, with no deadline to miss.
    const before = await json(['overdue', '--as-of', '2021-12-20']);
    expect(before.counts).toMatchObject({ overdue: 0, due_soon: 33 });
    expect(rowsOf(before, 'due_soon')[0]).toMatchObject({ state: 'due_soon', days_left: 11, working_days_left: 9 });
    expect((await json(['overdue', '--as-of', '2021-12-20', '--within', '5'])).counts).toMatchObject({ overdue: 0, due_soon: 0 });
    // On the day, asked for: the day is not over, the deadline can still be met.
    const onTheDay = await runCli(['--ledger', SHIPPED_LEDGER, 'status', '--dept', '信息中心', '--as-of', '2021-12-31'], at('2026-12-05'));
    expect(onTheDay.out).toContain('今天到期');
    expect(onTheDay.out).not.toContain('逾期 0 天');
    // 2022-01-05: five days late, two working days (1–3 January were the New Year holiday).
    const after = await json(['overdue', '--as-of', '2022-01-05']);
    expect(after.counts).toMatchObject({ overdue: 33, due_soon: 0 });
    expect(rowsOf(after, 'overdue')[0]).toMatchObject({ days_left: -5, working_days_left: -2 });
    // In the grace period the views count as of today: the same answer without --as-of.
    expect((await json(['overdue'], '2022-01-05')).counts).toMatchObject({ overdue: 33, due_soon: 0 });
  });

  it('once the year is over, the views count at the close of its last day: not done is overdue, not due today', async () => {
    // 2026: the plan year and its grace period are over; the views count as of 2021-12-31, and that day has ended.
    const overdue = await json(['overdue']);
    expect(overdue.as_of).toBe('2021-12-31');
    expect(overdue.counts).toMatchObject({ overdue: 33, due_soon: 0 });
    expect(rowsOf(overdue, 'overdue')[0]).toMatchObject({ state: 'overdue', days_left: 0 });
    // The day after the grace period says what the last day of it said: no jump back from 33 overdue to 33 due today.
    expect((await json(['overdue'], '2022-01-31')).counts.overdue).toBe((await json(['overdue'], '2022-02-01')).counts.overdue);
    const status = await json(['status']);
    expect(status.totals).toMatchObject({ overdue: 33, due_soon: 0 });
    const review = await json(['review']);
    expect(review.totals).toMatchObject({ ongoing: 2, unfinished: 33, overdue: 33 });

    const text = (await runCli(['--ledger', SHIPPED_LEDGER, 'status', '--dept', '信息中心'], at('2026-12-05'))).out;
    expect(text).toContain('2021 年度已结束，按 2021-12-31 统计');
    expect(text).toContain('未启动・逾期');
    expect(text).toContain('到期未完成');
    expect(text).not.toMatch(/今天到期|临期  |逾期 0 天/);

    // The edits judge the same way: moving the deadline of an item the year left undone is a postponement, not a silent rewrite.
    const copy = join(mkdtempSync(join(tmpdir(), 'gk-year-end-')), 'ledger.yaml');
    copyFileSync(SHIPPED_LEDGER, copy);
    copyFileSync(join(SHIPPED_LEDGER, '..', 'departments.yaml'), join(copy, '..', 'departments.yaml'));
    const moved = await runCli(['--ledger', copy, 'set', '22', '--due', '2022-03-31'], at('2026-12-05'));
    expect(moved.code).toBe(2);
    expect(moved.err).toContain('第 22 项已逾期（时限 2021-12-31）');

    const folder = mkdtempSync(join(tmpdir(), 'gk-year-end-'));
    const remind = await runCli(['--ledger', SHIPPED_LEDGER, 'remind', '--dept', '信息中心', '-o', folder], at('2026-12-05'));
    expect(remind.code, remind.err).toBe(0);
    const letter = readFileSync(join(folder, readdirSync(folder)[0]!), 'utf8');
    expect(letter).toContain('已到期，未完成');
    expect(letter).not.toMatch(/今天到期|已逾期：0 天/);
  });
});
