import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

/**
 * An ongoing item several departments each do their share of (按职责分工负责):
 * each department goes 久未更新 by its own progress notes. One department's note
 * does not report another's share, and a department's 催办 quotes its own note,
 * never another department's. Item 3 of the shipped plan is such an item.
 */
const SHARES = ['规划财务司', '基层政权建设和社区治理司', '养老服务司'];
const AS_OF = ['--as-of', '2021-10-08', '--stale-days', '30'];
const at = { now: () => new Date('2021-10-08T02:00:00Z') };

type Row = { number: string; stale?: boolean; latest_note?: { dept: string; note: string } };
type Group = { owner: string; items: Row[] };

describe('久未更新 on a shared ongoing item', () => {
  it('is each department’s own: a fresh note by one leaves the others stale, and each 催办 quotes the department’s own note', async () => {
    for (const fresh of SHARES) {
      // `fresh` wrote on 10-01; the first other share wrote in July (stale after 30 days); the last never wrote.
      const [old, silent] = SHARES.filter((d) => d !== fresh) as [string, string];
      const text = readFileSync(SHIPPED_LEDGER, 'utf8').replace(
        /(- number: "3"\n(?:        .*\n)*?)        status: 未启动\n/,
        `$1        status: 持续推进\n        progress:\n          - { date: 2021-07-05, dept: ${old}, note: ${old}七月的进展 }\n          - { date: 2021-10-01, dept: ${fresh}, note: ${fresh}十月的进展 }\n`,
      );
      expect(text).toContain(`${fresh}十月的进展`);
      const dir = tempDir({ 'ledger.yaml': text, 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
      const cache = join(dir, 'cache');
      const cli = async (cached: boolean, ...args: string[]) => {
        const result = await runCli(['--ledger', join(dir, 'ledger.yaml'), ...args, ...AS_OF], { ...at, env: { ...process.env, NO_COLOR: '1', GONGKAI_LEDGER: '', GONGKAI_CACHE_DIR: cache, ...(cached ? {} : { GONGKAI_CACHE: 'off' }) } });
        expect(result.code, `${args.join(' ')}\n${result.err}`).toBe(0);
        return result.out;
      };
      const label = `fresh ${fresh}`;
      const staleOwners = (report: { stale: Group[] }) => report.stale.filter((g) => g.items.some((i) => i.number === '3')).map((g) => g.owner).sort();

      // With and without the per-item index (built by the first cached run), the same answers.
      for (const cached of [true, true, false]) {
        const overdue = JSON.parse(await cli(cached, 'overdue', '--format', 'json'));
        expect(staleOwners(overdue), label).toEqual([old, silent].sort());
        const status = JSON.parse(await cli(cached, 'status', '--format', 'json'));
        const staleOf = (name: string) => status.departments.find((d: { name: string }) => d.name === name).stale;
        expect([staleOf(fresh), staleOf(old), staleOf(silent)], label).toEqual([0, 1, 1]);
      }
      // Each department's own row: its own staleness and its own latest note.
      for (const dept of SHARES) {
        const row = (JSON.parse(await cli(false, 'status', '--dept', dept, '--format', 'json')).items as Row[]).find((i) => i.number === '3')!;
        expect(row.stale, `${label}: ${dept}`).toBe(dept !== fresh);
        if (dept === silent) expect(row.latest_note, `${label}: ${dept}`).toBeUndefined();
        else expect(row.latest_note, `${label}: ${dept}`).toMatchObject({ dept, note: `${dept}${dept === fresh ? '十月' : '七月'}的进展` });
      }
      // The 催办: the stale shares are chased, each with its own words only; the fresh one is not chased for item 3.
      const letters = JSON.parse(await cli(false, 'remind', '--format', 'json')).reminders as { department: string; stale: Row[] }[];
      const chased = letters.filter((r) => r.stale.some((i) => i.number === '3')).map((r) => r.department).sort();
      expect(chased, label).toEqual([old, silent].sort());
      const oldLetter = await cli(false, 'remind', '--dept', old);
      expect(oldLetter).toContain(`${old}七月的进展`);
      expect(oldLetter).not.toContain(`${fresh}十月的进展`);
      expect(await cli(false, 'remind', '--dept', silent)).not.toMatch(/十月的进展|七月的进展/);
    }
  }, 120_000);
});
