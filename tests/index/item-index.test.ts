import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { calendarFingerprint } from '../../src/cache/fingerprints.js';
import { indexedLedger } from '../../src/index/item-index.js';
import { statusFromAggregates } from '../../src/index/aggregates.js';
import { shortName } from '../../src/model/department.js';
import { WorkingDayCounter } from '../../src/model/work-calendar.js';
import { judgeDeadline, shareFacts, type DeadlineFacts } from '../../src/query/deadline.js';
import { statusReportOf } from '../../src/query/status-report.js';
import { readCalendarOverrides, workCalendar } from '../../src/read/read-calendar.js';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { SHARES, withSharedOngoing } from '../helpers/shared-ongoing.js';
import { runCli } from '../helpers/run-cli.js';
import { FULL_SIZE, scaled } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';
import { EDITS, randomFrom } from '../read/hand-edits.js';

const TODAY = '2021-11-01';

/**
 * The shipped ledger with findings in some items (an unknown department, a wrong status), in a temp folder with its own
 * cache; item 3 ongoing, its three departments' shares stale or not by their own notes (one fresh on TODAY, one old, one never).
 */
function setUp() {
  const text = withSharedOngoing(
    readFileSync(SHIPPED_LEDGER, 'utf8')
      .replace(/cooperate: \[/, 'cooperate: [不存在的司, ')
      .replace(/status: 未启动\n/, 'status: 进行中\n'),
    [
      { date: '2021-07-05', dept: SHARES[0] },
      { date: '2021-10-20', dept: SHARES[2] },
    ],
  );
  const dir = tempDir({ 'ledger.yaml': text, 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
  const ledger = join(dir, 'ledger.yaml');
  const cache = join(dir, 'cache');
  const run = (args: string[], cached: boolean) =>
    runCli(['--ledger', ledger, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', GONGKAI_LEDGER: '', GONGKAI_CACHE_DIR: cache, ...(cached ? {} : { GONGKAI_CACHE: 'off' }) } });
  return { dir, ledger, cache, text, run };
}

describe('the per-item index', () => {
  it('answers status after random hand edits exactly as a run without any cache, and deleting it changes nothing', async () => {
    const { dir, ledger, cache, text: base, run } = setUp();
    const r = randomFrom(2022);
    // Edits that keep the plan and sections (the index answers) and ones that do not (it is rebuilt), valid or not.
    const names = ['status', 'status', 'text', 'text', 'comment', 'duplicateItem', 'removeItem', 'addSection', 'indentOneLine', 'randomByte', 'flowItem', 'anchor'];
    let text = base;
    let compared = 0;
    let answered = 0;
    // Each kind of edit in every twelve rounds (drawn from a bag, refilled when empty), so the short default run of
    // twelve has them all, and a cache deletion (round 10); at full size 40 rounds, a deletion in every ten.
    let bag: string[] = [];
    const draw = () => {
      if (!bag.length) bag = [...names];
      return bag.splice(r.int(bag.length), 1)[0]!;
    };
    const rounds = scaled(12, 40);
    for (let round = 0; round < rounds; round++) {
      const name = draw();
      text = EDITS[name]!(text, r);
      writeFileSync(ledger, text);
      // Deleting the cache's entries, index included, changes no answer.
      if (round % 10 === 9) for (const entry of readdirSync(cache)) rmSync(join(cache, entry), { force: true });
      for (const args of [['status', '--format', 'json'], ['status', '--as-of', '2021-12-20']]) {
        const cold = await run(args, false);
        const warm = await run(args, true);
        expect({ code: warm.code, out: warm.out, err: warm.err }, `round ${round}: ${name} ${args.join(' ')}`).toEqual({ code: cold.code, out: cold.out, err: cold.err });
        compared++;
      }
      // The index is current after the runs, so the next run after an edit of one item answers from it; a layout it
      // cannot cut (an anchor, a file that does not parse) leaves none, and the next round starts over from the base.
      if (await indexedLedger(new CacheStore(cache, 200 * 1024 * 1024), ledger, calendarFingerprint(ledger, dir), TODAY, dir)) answered++;
      else text = base;
    }
    expect(compared).toBe(rounds * 2);
    expect(answered, `${answered} of ${rounds} rounds answered from the index`).toBeGreaterThan((rounds * 3) / 8);
  });

  it('parses only the edited item after a one-item hand edit', async () => {
    const { dir, ledger, cache, text, run } = setUp();
    expect((await run(['status'], true)).code).toBe(0);
    const store = new CacheStore(cache, 200 * 1024 * 1024);
    const first = await indexedLedger(store, ledger, calendarFingerprint(ledger, dir), TODAY, dir);
    expect(first).toMatchObject({ parsed: 0, errors: 2 });
    expect(first!.items).toHaveLength(35);
    const at = text.indexOf('      - number: "22"');
    writeFileSync(ledger, text.slice(0, at) + text.slice(at).replace('status: 未启动', 'status: 已完成\n        done_on: 2021-10-30'));
    const after = await indexedLedger(store, ledger, calendarFingerprint(ledger, dir), TODAY, dir);
    expect(after).toMatchObject({ parsed: 1, errors: 2 });
    expect(after!.items.find((i) => i.number === '22')!.status).toBe('done');
    // Its row is kept: the next run parses nothing.
    expect(await indexedLedger(store, ledger, calendarFingerprint(ledger, dir), TODAY, dir)).toMatchObject({ parsed: 0 });
  });

  it('keeps running counts that, after random hand edits, count what the items\' deadlines say, on any as-of date', async () => {
    const { dir, ledger, cache, text: base, run } = setUp();
    const r = randomFrom(2031);
    const names = ['status', 'status', 'text', 'comment', 'duplicateItem', 'removeItem', 'indentOneLine', 'addSection'];
    const store = new CacheStore(cache, 200 * 1024 * 1024);
    const counter = new WorkingDayCounter(workCalendar(readCalendarOverrides(ledger, dir).overrides));
    // Before the plan year, inside it (a deadline day, a holiday week), at its end and after; due-soon and stale windows narrow and wide.
    const dates = ['2020-12-31', '2021-03-01', '2021-06-30', '2021-10-08', '2021-12-31', '2022-02-01'];
    const windows = [
      { dueSoonDays: 10, staleDays: 30 },
      { dueSoonDays: 0, staleDays: 0 },
      { dueSoonDays: 60, staleDays: 200 },
    ];
    let text = base;
    let counted = 0;
    const rounds = scaled(12, 30);
    for (let round = 0; round < rounds; round++) {
      text = EDITS[r.pick(names)]!(text, r);
      writeFileSync(ledger, text);
      let indexed = await indexedLedger(store, ledger, calendarFingerprint(ledger, dir), TODAY, dir);
      if (!indexed) {
        // The plan or the sections changed: a whole load builds the index again.
        await run(['status'], true);
        indexed = await indexedLedger(store, ledger, calendarFingerprint(ledger, dir), TODAY, dir);
      }
      if (!indexed?.summary) {
        text = base;
        continue;
      }
      const plan = { title: indexed.plan.title, document_number: indexed.plan.document_number, year: indexed.plan.year };
      // By default one window a round, in turn (each in a third of the rounds, on every date); all three at full size.
      for (const asOf of dates) {
        for (const window of FULL_SIZE ? windows : [windows[round % windows.length]!]) {
          for (const dayOver of [false, true]) {
            const options = { asOf, counter, ...window, ...(dayOver ? { dayOver } : {}) };
            const fromCounts = statusFromAggregates(indexed.summary, { plan, departments: indexed.departments, issuedOn: indexed.plan.issuedOn, options }, shortName);
            const judge = (facts: DeadlineFacts) => judgeDeadline(facts, indexed.plan.issuedOn, options);
            const fromItems = statusReportOf({
              plan,
              asOf,
              departments: indexed.departments,
              items: indexed.items.map((item) => ({ status: item.status, postponed: item.postponed, deadline: judge(item.facts) })),
              // A department doing its share: its own 久未更新, judged from its own latest note as the whole load judges it.
              obligations: indexed.obligations.map((list) => list.map((o) => (o.own ? { ...o, stale: judge(shareFacts(indexed.items[o.item]!.facts, o.own.lastProgress)).stale } : o))),
            });
            expect(fromCounts, `round ${round}, as of ${asOf} ${JSON.stringify(window)}${dayOver ? ', day over' : ''}`).toEqual(fromItems);
          }
        }
      }
      counted++;
    }
    expect(counted, `${counted} of ${rounds} rounds counted`).toBeGreaterThan(rounds / 2);
  });
});
