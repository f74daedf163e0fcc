import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { gitRepo } from '../helpers/temp.js';
import { fillForm } from '../helpers/fill-form.js';
import { defaultAsOf, planPeriod, recordDateRefusal } from '../../src/model/plan-year.js';

const files = () => ({ 'data/ledger.yaml': readFileSync(SHIPPED_LEDGER), 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY) });
const at = (date: string) => ({ now: () => new Date(`${date}T02:00:00Z`) });
const in2026 = at('2026-12-05');
const REFUSAL = '今天（2026-12-05）晚于 2021 年度计划的记录期（至 2022-01-31），未写入；请用 --on 写明 2021 年度内的日期，如 --on 2021-12-31';

describe('the plan year: one rule', () => {
  it('views count as of today during the year and its grace period, as of the year end after it, as of closed_on once closed', () => {
    const plan = { year: 2021, defaultDue: '2021-12-31' };
    expect(defaultAsOf(planPeriod(plan), '2021-10-08')).toEqual({ asOf: '2021-10-08' });
    expect(defaultAsOf(planPeriod(plan), '2022-01-31')).toEqual({ asOf: '2022-01-31' });
    expect(defaultAsOf(planPeriod(plan), '2022-02-01')).toEqual({ asOf: '2021-12-31', note: '2021 年度已结束，按 2021-12-31 统计', dayOver: true });
    expect(defaultAsOf(planPeriod(plan, 0), '2022-01-01').asOf).toBe('2021-12-31');
    expect(defaultAsOf(planPeriod({ ...plan, closedOn: '2022-01-15' }), '2022-01-20')).toEqual({ asOf: '2022-01-15', note: '2021 年度台账已于 2022-01-15 关闭，按 2022-01-15 统计', dayOver: true });
    // A plan for 2016–2020 runs to its last default date.
    expect(defaultAsOf(planPeriod({ year: 2016, defaultDue: '2020-12-31' }), '2026-12-05')).toEqual({ asOf: '2020-12-31', note: '2016—2020 年度已结束，按 2020-12-31 统计', dayOver: true });
    expect(recordDateRefusal(planPeriod({ year: 2016, defaultDue: '2020-12-31' }), '2026-12-05', '--on', { typed: false }, '2026-12-05')).toBe(
      '今天（2026-12-05）晚于 2016—2020 年度计划的记录期（至 2021-01-31），未写入；请用 --on 写明 2016—2020 年度内的日期，如 --on 2020-12-31',
    );
    // The refusal's suggested date is itself accepted.
    const period = planPeriod(plan);
    for (const day of ['2026-12-05', '2020-05-01']) {
      const suggested = /如 --on (\S+)$/.exec(recordDateRefusal(period, day, '--on', { typed: false }, day)!)![1]!;
      expect(recordDateRefusal(period, suggested, '--on', { typed: true }, day)).toBeUndefined();
    }
  });

  it('note, done, postpone, set and collect refuse a date outside the plan year with the same words; remind and forms count as of the year end', async () => {
    const repo = gitRepo(files());
    const ledger = join(repo, 'data', 'ledger.yaml');
    const cli = (...args: string[]) => runCli(['--ledger', ledger, ...args], in2026);
    const before = readFileSync(ledger);
    for (const args of [
      ['note', '22', '--dept', '信息中心', '接口已上线'],
      ['done', '22'],
      ['postpone', '22', '--to', '2022-03-31', '--reason', '等待'],
      ['set', '22', '--status', '已取消', '--reason', '并入'],
    ]) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toBe(`gongkai: 错误[DATE_OUTSIDE_PLAN_YEAR] ${REFUSAL}\n`);
    }
    // A date typed outside the year: refused the same way, naming the date.
    const typed = await cli('note', '22', '--dept', '信息中心', '--on', '2026-12-01', '接口已上线');
    expect(typed.err).toContain('--on 2026-12-01晚于 2021 年度计划的记录期（至 2022-01-31），未写入；请用 --on 写明 2021 年度内的日期，如 --on 2021-12-31');

    // forms count as of the year's end; a filled form collected without --on is refused with the same words.
    const forms = await cli('forms', '-o', join(repo, 'forms'), '--dept', '信息中心');
    expect(forms.code, forms.err).toBe(0);
    const form = join(repo, 'forms', '信息中心.xlsx');
    await fillForm(form, { '22': { 状态: '推进中', 本期进展: '接口联调' } });
    const collected = await cli('collect', form);
    expect(collected.code).toBe(2);
    expect(collected.err).toContain(REFUSAL);
    expect(readFileSync(ledger).equals(before)).toBe(true);
    // Following the advice works.
    const advised = await cli('collect', form, '--on', '2021-12-31');
    expect(advised.code, advised.err).toBe(0);
    expect(readFileSync(ledger, 'utf8')).toContain('{ date: 2021-12-31, dept: 信息中心, note: 接口联调 }');

    // remind: letters dated on the year's last day, not today.
    const remind = await cli('remind', '-o', join(repo, '催办'));
    expect(remind.code, remind.err).toBe(0);
    const letters = readdirSync(join(repo, '催办'));
    expect(letters.length).toBeGreaterThan(0);
    for (const letter of letters) {
      const text = readFileSync(join(repo, '催办', letter), 'utf8');
      expect(text).toMatch(/截至2021年12月31日/);
      expect(text.trimEnd().endsWith('2021年12月31日')).toBe(true);
      expect(text).not.toContain('2026');
    }
    // --as-of still wins.
    const asOf = JSON.parse((await cli('status', '--format', 'json', '--as-of', '2021-10-08')).out);
    expect(asOf.as_of).toBe('2021-10-08');
    expect(asOf.as_of_note).toBeUndefined();
  }, 60_000);

  it('gongkai.yaml sets the grace period; closed_on closes the year; validate flags record dates no command would write', async () => {
    const repo = gitRepo(files());
    const ledger = join(repo, 'data', 'ledger.yaml');
    const status = async (now: string) => JSON.parse((await runCli(['status', '--format', 'json'], { ...at(now), cwd: repo })).out);
    writeFileSync(join(repo, 'gongkai.yaml'), 'ledger: data/ledger.yaml\n');
    expect((await status('2022-01-20')).as_of).toBe('2022-01-20');
    writeFileSync(join(repo, 'gongkai.yaml'), 'ledger: data/ledger.yaml\nyear_end_grace_days: 10\n');
    expect((await status('2022-01-20')).as_of).toBe('2021-12-31');
    // Closing the ledger: after closed_on, views count as of it.
    writeFileSync(ledger, readFileSync(ledger, 'utf8').replace('  default_due: 2021-12-31\n', '  default_due: 2021-12-31\n  closed_on: 2022-01-05\n'));
    expect(await status('2022-01-07')).toMatchObject({ as_of: '2022-01-05', as_of_note: '2021 年度台账已于 2022-01-05 关闭，按 2022-01-05 统计' });
    // A note dated by hand in 2026, and one before the year: both flagged, with where they are.
    writeFileSync(ledger, readFileSync(ledger, 'utf8').replace(/(- number: "22"\n(?:.*\n)*?\s+status: 未启动\n)/, '$1        progress:\n          - { date: 2026-12-05, dept: 信息中心, note: 录入 }\n          - { date: 2020-12-01, dept: 信息中心, note: 上年 }\n'));
    const validated = JSON.parse((await runCli(['--ledger', ledger, 'validate', '--format', 'json'], in2026)).out);
    const flagged = validated.diagnostics.filter((d: { code: string }) => d.code === 'DATE_OUTSIDE_PLAN_YEAR');
    expect(flagged.map((d: { message: string }) => d.message)).toEqual([
      '第 22 项的进展日期 2026-12-05 晚于台账关闭的日期 2022-01-05；gongkai 的命令不会写入这样的日期，请核对',
      '第 22 项的进展日期 2020-12-01 早于 2021 年度计划（2021-01-01 起）；gongkai 的命令不会写入这样的日期，请核对',
    ]);
    expect(flagged[0].line).toBeGreaterThan(1);
  }, 60_000);
});
