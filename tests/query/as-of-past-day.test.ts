import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { calendarFingerprint } from '../../src/cache/fingerprints.js';
import { indexedLedger } from '../../src/index/item-index.js';
import { runCli } from '../helpers/run-cli.js';
import { YEAR, scriptedYear } from '../year/scripted-year.js';

/**
 * `--as-of` a past day shows the ledger as it stood at the close of that day:
 * an item done later is not done (and is overdue once its deadline has passed),
 * cancelled later is not cancelled, a postponement approved later has not moved
 * the deadline yet. Checked against the scripted year (tests/year/scripted-year.ts),
 * whose every record carries its own date, in status, overdue, checklist and the
 * leaders' report, with the per-item index and without it.
 */
const inJanuary = (cache: string, cached: boolean) => ({ now: () => new Date('2022-01-10T02:00:00Z'), env: { ...process.env, NO_COLOR: '1', GONGKAI_LEDGER: '', GONGKAI_CACHE_DIR: cache, ...(cached ? {} : { GONGKAI_CACHE: 'off' }) } });

/** The items done, cancelled, postponed by the close of a day, read off the script itself. */
function recordedBy(day: string) {
  const done = new Set<string>();
  const cancelled = new Set<string>();
  for (const [date, args] of YEAR) {
    if (date > day) continue;
    if (args[0] === 'done') done.add(args[1]!);
    if (args[0] === 'set' && args.includes('已取消')) cancelled.add(args[1]!);
  }
  return { done, cancelled };
}

describe('views as of a past day', () => {
  it('count only what was recorded by that day: done later is not done, and overdue when its deadline had passed', async () => {
    const ledger = await scriptedYear();
    const cache = join(ledger, '..', '..', 'cache');
    const cli = async (cached: boolean, ...args: string[]) => {
      const result = await runCli(['--ledger', ledger, ...args], inJanuary(cache, cached));
      expect(result.code, `${args.join(' ')}\n${result.err}`).toBe(0);
      return result.out;
    };
    // A run without --as-of builds the per-item index; the runs after it may answer from it.
    await cli(true, 'status');
    // The index knows the last day anything was recorded: as of that day or later it answers, before it the whole load does.
    const dir = process.cwd();
    const indexed = await indexedLedger(new CacheStore(cache, 200 * 1024 * 1024), ledger, calendarFingerprint(ledger, dir), '2022-01-10', dir);
    expect(indexed?.lastRecord()).toBe(YEAR.map(([date]) => date).sort().at(-1));
    for (const day of ['2021-03-01', '2021-07-01', '2021-07-14', '2021-09-14', '2021-10-01', '2021-12-19']) {
      const { done, cancelled } = recordedBy(day);
      for (const cached of [true, false]) {
        const label = `as of ${day}${cached ? ' (index)' : ''}`;
        const status = JSON.parse(await cli(cached, 'status', '--as-of', day, '--format', 'json'));
        expect(status.totals.by_status.done, label).toBe(done.size);
        expect(status.totals.by_status.cancelled, label).toBe(cancelled.size);
        const dept = JSON.parse(await cli(cached, 'status', '--dept', '规划财务司', '--as-of', day, '--format', 'json'));
        const five = dept.items.find((i: { number: string }) => i.number === '5');
        // 5 was due 2021-06-30 and done 2021-07-14: before that, not done, and overdue from 07-01.
        expect(five.status === 'done', label).toBe(done.has('5'));
        if (!done.has('5')) expect(five.done_on, label).toBeUndefined();
        if (day >= '2021-07-01' && !done.has('5')) expect(five.state, label).toBe('overdue');
      }
      const overdue = JSON.parse(await cli(false, 'overdue', '--as-of', day, '--format', 'json'));
      const listed = new Set<string>(overdue.overdue.flatMap((g: { items: { number: string }[] }) => g.items.map((i) => i.number)));
      expect(listed.has('5'), day).toBe(day >= '2021-07-01' && !done.has('5'));
      // 22 was due 2021-09-30 until its postponement of 2021-10-08 (to 12-15), and done 12-20: overdue as of 10-01 and of 12-19.
      expect(listed.has('22'), day).toBe(day === '2021-10-01' || (day > '2021-12-15' && day < '2021-12-20'));
    }
    // The checklist and the leaders' report say the same of 5 as of 2021-07-01.
    const checklist = await cli(false, 'checklist', '--dept', '规划财务司', '--as-of', '2021-07-01');
    const row = checklist.split('\n').find((l) => l.includes('稳步扩大预决算公开范围'))!;
    expect(row).toContain('逾期');
    expect(row).not.toContain('已完成');
    const page = join(ledger, '..', '..', '报告.html');
    await cli(false, 'report', '--as-of', '2021-07-01', '-o', page);
    const html = readFileSync(page, 'utf8');
    const item5 = html.match(/<tr data-item="5">.*?<\/tr>/s)?.[0] ?? '';
    expect(item5).not.toContain('已完成');
    expect(html).not.toContain('2021-07-14');
  }, 120_000);
});
