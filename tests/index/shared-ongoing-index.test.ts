import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { SHARES, withSharedOngoing } from '../helpers/shared-ongoing.js';
import { tempDir } from '../helpers/temp.js';

/** Items modelled by a run: a whole load models every item, the per-item index only the edited ones. */
const work = vi.hoisted(() => ({ items: 0 }));
vi.mock('../../src/read/read-ledger.js', async (original) => {
  const real = await original<typeof import('../../src/read/read-ledger.js')>();
  return {
    ...real,
    ledgerFromValue: (...args: Parameters<typeof real.ledgerFromValue>) => {
      const ledger = real.ledgerFromValue(...args);
      work.items += ledger.items.length;
      return ledger;
    },
  };
});

// Files of a worker share one import of src/ (vitest.config.ts, isolate: false): imported afresh here, so the counting module above is the one gongkai uses.
let runCli: typeof import('../helpers/run-cli.js').runCli;
beforeAll(async () => {
  vi.resetModules();
  ({ runCli } = await import('../helpers/run-cli.js'));
});

const NOW = '2021-10-08T04:00:00Z';
const [PLANNING, COMMUNITY, ELDERLY] = SHARES;

type Group = { owner: string; items: { number: string }[] };

/**
 * 久未更新 of a shared ongoing item, after a hand edit, answered from the per-item
 * index: each department by its own notes, as the whole load judges it. The
 * ledger starts with item 3 ongoing and one July note (by 规划财务司); by hand,
 * 养老服务司 adds its October note: its share is no longer stale, the other two
 * still are (基层政权建设和社区治理司 never wrote).
 */
describe('a shared ongoing item after a hand edit, from the per-item index', () => {
  it('judges each department’s share by its own notes, as a cold run does, modelling only the edited item', async () => {
    const base = readFileSync(SHIPPED_LEDGER, 'utf8');
    const before = withSharedOngoing(base, [{ date: '2021-07-05', dept: PLANNING }]);
    const after = withSharedOngoing(base, [
      { date: '2021-07-05', dept: PLANNING },
      { date: '2021-10-01', dept: ELDERLY },
    ]);
    const files = { 'ledger.yaml': before, 'departments.yaml': readFileSync(SHIPPED_REGISTRY) };
    const warm = tempDir(files);
    const cold = tempDir(files);
    const run = async (dir: string, cached: boolean, args: string[]) => {
      work.items = 0;
      const result = await runCli(['--ledger', 'ledger.yaml', ...args], {
        cwd: dir,
        now: () => new Date(NOW),
        env: { ...process.env, NO_COLOR: '1', GONGKAI_LEDGER: '', GONGKAI_CACHE_DIR: join(dir, 'cache'), ...(cached ? {} : { GONGKAI_CACHE: 'off' }) },
      });
      expect(result.code, `${args.join(' ')}\n${result.err}`).toBeLessThan(2);
      return { out: result.out, err: result.err, modelled: work.items };
    };
    const views = [['status', '--format', 'json'], ['overdue', '--format', 'json'], ['overdue', '--stale-days', '10'], ['status']];
    // The first runs load the whole ledger and build the index and the overdue shares.
    for (const args of views) await run(warm, true, args);
    const items = base.match(/^ {6}- number:/gm)!.length;

    // Two hand edits: item 3's new note (its own row is parsed again), then another item's text (item 3's row is the stored one).
    const at = after.indexOf('      - number: "5"');
    const edits = [after, after.slice(0, at) + after.slice(at).replace('text: ', 'text: 手改')];
    for (const text of edits) {
      writeFileSync(join(warm, 'ledger.yaml'), text);
      writeFileSync(join(cold, 'ledger.yaml'), text);
      for (const args of views) {
        const fromIndex = await run(warm, true, args);
        const whole = await run(cold, false, args);
        const label = `${text === after ? 'note added' : 'item 5 edited'}: ${args.join(' ')}`;
        expect({ out: fromIndex.out, err: fromIndex.err }, label).toEqual({ out: whole.out, err: whole.err });
        // The index answered: the edited item alone was modelled (its row, and its share of overdue), not the ledger's 35.
        expect(fromIndex.modelled, label).toBeLessThanOrEqual(2);
        expect(whole.modelled, label).toBeGreaterThanOrEqual(items);
      }
      // What the answers say: 养老服务司's own note keeps its share fresh; the other two shares are stale.
      const status = JSON.parse((await run(warm, true, ['status', '--format', 'json'])).out);
      const staleOf = (name: string) => status.departments.find((d: { name: string }) => d.name === name).stale;
      expect([staleOf(PLANNING), staleOf(COMMUNITY), staleOf(ELDERLY)]).toEqual([1, 1, 0]);
      const overdue = JSON.parse((await run(warm, true, ['overdue', '--format', 'json'])).out);
      const owners = overdue.stale.filter((g: Group) => g.items.some((i) => i.number === '3')).map((g: Group) => g.owner);
      expect(owners.sort()).toEqual([PLANNING, COMMUNITY].sort());
    }
  });

  it('counts from the rows when the running counts cannot hold a share\'s date, each share still by its own notes', async () => {
    // 2021-09-31 is no day: the counts cannot sort it, and the status summary is counted from the rows (indexed-status.ts).
    const text = withSharedOngoing(readFileSync(SHIPPED_LEDGER, 'utf8'), [
      { date: '2021-07-05', dept: PLANNING },
      { date: '2021-09-31', dept: ELDERLY },
    ]);
    const dir = tempDir({ 'ledger.yaml': text, 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const run = async (cached: boolean, args: string[]) => {
      work.items = 0;
      const result = await runCli(['--ledger', 'ledger.yaml', ...args], {
        cwd: dir,
        now: () => new Date(NOW),
        env: { ...process.env, NO_COLOR: '1', GONGKAI_LEDGER: '', GONGKAI_CACHE_DIR: join(dir, 'cache'), ...(cached ? {} : { GONGKAI_CACHE: 'off' }) },
      });
      return { out: result.out, err: result.err, modelled: work.items };
    };
    await run(true, ['status']);
    writeFileSync(join(dir, 'ledger.yaml'), text.replace('text: 对照法律', 'text: 手改对照法律'));
    const fromIndex = await run(true, ['status', '--format', 'json']);
    const whole = await run(false, ['status', '--format', 'json']);
    expect({ out: fromIndex.out, err: fromIndex.err }).toEqual({ out: whole.out, err: whole.err });
    // From the index: the edited item alone was modelled.
    expect(fromIndex.modelled).toBeLessThanOrEqual(1);
    expect(whole.modelled).toBeGreaterThan(1);
    const staleOf = (name: string) => JSON.parse(fromIndex.out).departments.find((d: { name: string }) => d.name === name).stale;
    expect([staleOf(PLANNING), staleOf(COMMUNITY), staleOf(ELDERLY)]).toEqual([1, 1, 0]);
  });
});
