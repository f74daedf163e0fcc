import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { calendarFingerprint } from '../../src/cache/fingerprints.js';
import { indexedLedger } from '../../src/index/item-index.js';
import { storedItemValues } from '../../src/open/stored-item-values.js';
import { sharesSettings } from '../../src/open/indexed-view.js';
import { sharesTable } from '../../src/index/view-shares.js';
import { beijingToday } from '../../src/model/dates.js';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { SHARES, withSharedOngoing } from '../helpers/shared-ongoing.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { EDITS, randomFrom } from '../read/hand-edits.js';
import { FULL_SIZE, scaled } from '../helpers/scale.js';

/** Days the runs take place on: before, inside and after the plan year (after it, the plan-year rule counts as of its end). */
const NOWS = ['2021-03-15T04:00:00Z', '2021-10-08T04:00:00Z', '2021-12-28T04:00:00Z', '2022-01-20T04:00:00Z', '2024-06-01T04:00:00Z'];

/** Every view the index answers, and validate, with options that change which items they list. */
const VIEWS = [
  ['status', '--format', 'json'],
  // Counted from the index's running counts: as of days before, inside and at the end of the plan year, with other windows.
  ['status', '--as-of', '2021-03-01', '--within', '0', '--stale-days', '0', '--format', 'json'],
  ['status', '--as-of', '2021-12-31', '--within', '60', '--stale-days', '200', '--format', 'json'],
  ['status', '--dept', '信息中心', '--format', 'json'],
  ['status', '--dept', '办公厅'],
  // Written from the text kept at the last run of the same form (remembered-view.ts viewShown).
  ['status'],
  ['checklist', '--dept', '信息中心'],
  ['overdue', '--format', 'json'],
  ['overdue', '--as-of', '2021-12-20'],
  ['overdue', '--dept', '信息中心', '--within', '30'],
  // Kept item by item (view-shares.ts) for each set of options: other windows must not take these shares.
  ['overdue', '--within', '0', '--stale-days', '5', '--format', 'json'],
  ['validate', '--format', 'json'],
];

/** The edit commands, each on an item of the ledger as it stands. */
const EDIT_COMMANDS = [
  (n: string) => ['set', n, '--due', '2021-12-20'],
  (n: string) => ['set', n, '--status', '已完成', '--done-on', '2021-10-30'],
  (n: string) => ['note', n, '--dept', '信息中心', '--on', '2021-10-20', '已报送初稿'],
  (n: string) => ['postpone', n, '--to', '2021-12-30', '--reason', '等待上级部署', '--on', '2021-10-08'],
];

/**
 * Two copies of the shipped ledger (with findings in some items) under the same names: one run with the cache
 * and its index, the other always cold (GONGKAI_CACHE=off). Every answer must be the same, byte for byte.
 * Item 3 is ongoing, its departments' shares judged by their own notes: as of 2021-10-08 one fresh, two stale.
 */
function setUp() {
  const text = withSharedOngoing(
    readFileSync(SHIPPED_LEDGER, 'utf8')
      .replace(/cooperate: \[/, 'cooperate: [不存在的司, ')
      .replace(/status: 未启动\n/, 'status: 进行中\n'),
    [
      { date: '2021-06-05', dept: SHARES[0] },
      { date: '2021-09-28', dept: SHARES[2] },
    ],
  );
  const files = { 'ledger.yaml': text, 'departments.yaml': readFileSync(SHIPPED_REGISTRY) };
  const warmDir = tempDir(files);
  const coldDir = tempDir(files);
  const cache = join(warmDir, 'cache');
  const run = (args: string[], cached: boolean, now: string) =>
    runCli(['--ledger', 'ledger.yaml', ...args], {
      cwd: cached ? warmDir : coldDir,
      now: () => new Date(now),
      env: { ...process.env, NO_COLOR: '1', GONGKAI_LEDGER: '', GONGKAI_CACHE_DIR: cache, ...(cached ? {} : { GONGKAI_CACHE: 'off' }) },
    });
  return { warmDir, coldDir, cache, text, run };
}

describe('every view and edit with the index gives what a cold run gives', () => {
  it('after random hand edits, edits made by gongkai, deleted caches, on days in and after the plan year', async () => {
    const { warmDir, coldDir, cache, text: base, run } = setUp();
    const r = randomFrom(2026);
    const second = randomFrom(2027);
    const names = ['status', 'text', 'text', 'comment', 'duplicateItem', 'removeItem', 'addSection', 'indentOneLine', 'randomByte', 'anchor'];
    let text = base;
    let compared = 0;
    let answered = 0;
    // By default 4 rounds, each comparing a third of the views in turn: every view, every gongkai edit command, a hand
    // edit that leaves a file that does not parse (round 3, a stray byte) and deleted caches (round 2) are met by then;
    // every view after every edit, 24 rounds, at full size.
    const rounds = scaled(4, 24);
    const viewsOf = (round: number) => (FULL_SIZE ? VIEWS : VIEWS.filter((_, i) => i % 3 === round % 3));
    const dropCaches = (round: number) => (FULL_SIZE ? round % 8 === 7 : round === 2);
    for (let round = 0; round < rounds; round++) {
      const now = r.pick(NOWS);
      const name = r.pick(names);
      text = EDITS[name]!(text, r);
      writeFileSync(join(warmDir, 'ledger.yaml'), text);
      writeFileSync(join(coldDir, 'ledger.yaml'), text);
      if (dropCaches(round)) for (const entry of readdirSync(cache)) rmSync(join(cache, entry), { force: true });
      for (const args of viewsOf(round)) {
        const cold = await run(args, false, now);
        const warm = await run(args, true, now);
        expect({ code: warm.code, out: warm.out, err: warm.err }, `round ${round} (${now}): ${name}, then ${args.join(' ')}`).toEqual({ code: cold.code, out: cold.out, err: cold.err });
        compared++;
      }
      const today = beijingToday(new Date(now));
      if (await indexedLedger(new CacheStore(cache, 200 * 1024 * 1024), join(warmDir, 'ledger.yaml'), calendarFingerprint('ledger.yaml', warmDir), today, warmDir)) answered++;
      // Edits by gongkai itself on items of the file as it stands: the same output and the same bytes written.
      // The first reads its item through the index (the file was edited by hand), the second through what the first left.
      const numbers = [...text.matchAll(/^ {6}- number: "?(\d+)"?$/gm)].map((m) => m[1]!);
      for (let edit = 0; edit < 2 && numbers.length; edit++) {
        // The second edit draws from a stream of its own, so the rounds' hand edits are those the test always made.
        const pick = edit === 0 ? r : second;
        const args = pick.pick(EDIT_COMMANDS)(pick.pick(numbers));
        const cold = await run(args, false, now);
        const warm = await run(args, true, now);
        const written = readFileSync(join(warmDir, 'ledger.yaml'), 'utf8');
        expect({ code: warm.code, out: warm.out, err: warm.err, written }, `round ${round} (${now}): ${args.join(' ')}`).toEqual({
          code: cold.code,
          out: cold.out,
          err: cold.err,
          written: readFileSync(join(coldDir, 'ledger.yaml'), 'utf8'),
        });
        text = written;
        compared++;
      }
      // A layout the index cannot cut (an anchor) or a file that does not parse: start over from the base.
      if (!/^ {6}- number:/m.test(text) || name === 'anchor' || name === 'randomByte') {
        text = base;
        copyFileSync(SHIPPED_REGISTRY, join(coldDir, 'departments.yaml'));
      }
    }
    expect(compared).toBeGreaterThanOrEqual(Array.from({ length: rounds }, (_, round) => viewsOf(round).length).reduce((a, b) => a + b));
    // Some edits leave a file the index cannot cut (an anchor, a stray byte, a tab): those rounds load whole.
    expect(answered).toBeGreaterThanOrEqual(rounds / 4);
  });

  it('overdue and status --dept after a one-item hand edit model only the items they list', async () => {
    const { warmDir, text, run } = setUp();
    const now = '2021-10-08T04:00:00Z';
    expect((await run(['overdue'], true, now)).code).toBeLessThan(2);
    const at = text.indexOf('      - number: "22"');
    writeFileSync(join(warmDir, 'ledger.yaml'), text.slice(0, at) + text.slice(at).replace('status: 未启动', 'status: 推进中'));
    const store = new CacheStore(join(warmDir, 'cache'), 200 * 1024 * 1024);
    const indexed = await indexedLedger(store, join(warmDir, 'ledger.yaml'), calendarFingerprint('ledger.yaml', warmDir), '2021-10-08', warmDir);
    expect(indexed).toMatchObject({ parsed: 1 });
    const some = indexed!.obligations[indexed!.departments.findIndex((d) => d.name === '信息中心')]!.map((o) => o.item);
    const ledger = await indexed!.ledgerOf(some);
    expect(ledger.items.length).toBe(new Set(some).size);
    expect(ledger.items.length).toBeLessThan(indexed!.items.length);
    expect(ledger.items.map((i) => i.number)).toEqual([...new Set(some)].sort((a, b) => a - b).map((i) => indexed!.items[i]!.number));
  });

  it('a list of many items after a one-item hand edit parses only the edited item; the rest come from the last parse', async () => {
    const { warmDir, text, run } = setUp();
    expect((await run(['overdue'], true, '2021-10-08T04:00:00Z')).code).toBeLessThan(2);
    const at = text.indexOf('      - number: "22"');
    writeFileSync(join(warmDir, 'ledger.yaml'), text.slice(0, at) + text.slice(at).replace('status: 未启动', 'status: 推进中'));
    const store = new CacheStore(join(warmDir, 'cache'), 200 * 1024 * 1024);
    const indexed = (await indexedLedger(store, join(warmDir, 'ledger.yaml'), calendarFingerprint('ledger.yaml', warmDir), '2021-10-08', warmDir))!;
    const every = indexed.items.map((_, i) => i);
    const known = storedItemValues(store, 'ledger.yaml', warmDir)!;
    const fromStored = await indexed.ledgerOf(every, known);
    // Every item but the edited one was found in the stored parse; only that one was parsed from its text.
    expect(known.found).toBe(indexed.items.length - 1);
    const parsed = await indexed.ledgerOf(every);
    expect(fromStored.items).toEqual(parsed.items);
  });

  it('overdue after a one-item hand edit makes only the edited item\'s share of the report; the others are kept from the last run', async () => {
    const { warmDir, coldDir, text, run } = setUp();
    const now = '2021-10-08T04:00:00Z';
    await run(['overdue', '--format', 'json'], true, now);
    const at = text.indexOf('      - number: "22"');
    const edited = text.slice(0, at) + text.slice(at).replace(/due: \S+/, 'due: 2021-10-01');
    writeFileSync(join(warmDir, 'ledger.yaml'), edited);
    writeFileSync(join(coldDir, 'ledger.yaml'), edited);
    const store = new CacheStore(join(warmDir, 'cache'), 200 * 1024 * 1024);
    const indexed = (await indexedLedger(store, join(warmDir, 'ledger.yaml'), calendarFingerprint('ledger.yaml', warmDir), '2021-10-08', warmDir))!;
    const settings = sharesSettings({ asOf: '2021-10-08', dueSoonDays: 10, staleDays: 30, counter: undefined as never }, undefined);
    const table = sharesTable(store, 'ledger.yaml', warmDir, 'overdue:', settings, indexed.identity, indexed.chunkHashes, 0);
    // The whole load of the first run kept every item's share: only item 22's is to be made.
    expect(table.missing.map((chunk) => indexed.chunkHashes[chunk])).toEqual([indexed.chunkHashes[indexed.items.findIndex((item) => item.number === '22')]]);
    const after = await run(['overdue', '--format', 'json'], true, now);
    expect(JSON.parse(after.out).overdue.flatMap((g: { items: { number: string }[] }) => g.items.map((i) => i.number))).toContain('22');
    expect(after.out).toBe((await run(['overdue', '--format', 'json'], false, now)).out);
    expect(sharesTable(store, 'ledger.yaml', warmDir, 'overdue:', settings, indexed.identity, indexed.chunkHashes, 0).missing).toEqual([]);
  });

  it('a chunk that makes no item (its number key misspelt or gone) still counts its errors, before and after another hand edit', async () => {
    const { warmDir, coldDir, text: base, run } = setUp();
    const now = '2021-10-08T04:00:00Z';
    const views = [['status'], ['status', '--dept', '信息中心'], ['overdue'], ['validate', '--format', 'json']];
    for (const broken of [base.replace(/^( {6}- )number:( "?18"?)$/m, '$1numbr:$2'), base.replace(/^( {6}- )number: "?18"?\n {8}/m, '$1')]) {
      expect(broken).not.toBe(base);
      // Then another item edited by hand: the running counts are brought up to date, not built anew.
      const edits = [broken, broken.replace(/due: 2021-12-31/, 'due: 2021-12-30')];
      for (const text of edits) {
        writeFileSync(join(warmDir, 'ledger.yaml'), text);
        writeFileSync(join(coldDir, 'ledger.yaml'), text);
        for (const args of views) {
          const cold = await run(args, false, now);
          // The first warm run builds the index; the second answers from it.
          for (const pass of ['builds', 'answers']) {
            const warm = await run(args, true, now);
            expect({ code: warm.code, out: warm.out, err: warm.err }, `${args.join(' ')} (${pass})`).toEqual({ code: cold.code, out: cold.out, err: cold.err });
          }
          if (args[0] === 'status') expect(cold.err).toMatch(/台账有 \d+ 个错误/);
        }
      }
    }
  });
});
