import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { calendarFingerprint } from '../../src/cache/fingerprints.js';
import { beijingToday } from '../../src/model/dates.js';
import { chunkedValidation } from '../../src/open/chunked-validation.js';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { FULL_SIZE, scaled } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';
import { allLedgerFixtures, EDITS, randomFrom, type Edit } from '../read/hand-edits.js';

/** Days the runs take place on: inside the plan year, near its end, and after it (done dates and postponements in the future or not). */
const NOWS = ['2021-07-15T04:00:00Z', '2021-10-08T04:00:00Z', '2022-01-20T04:00:00Z'];

const numbers = (t: string) => [...t.matchAll(/^ {6}- number: "(\d+)"$/gm)].map((m) => ({ at: m.index!, number: m[1]! }));

/** Hand edits that make and unmake findings across items, besides the layout edits of the parse tests. */
const CROSS_ITEM_EDITS: Record<string, Edit> = {
  // Two items with one number (DUPLICATE_NUMBER), and back.
  duplicateNumber: (t, r) => {
    const all = numbers(t);
    const [a, b] = [r.pick(all), r.pick(all)];
    return t.slice(0, a.at) + t.slice(a.at).replace(`- number: "${a.number}"`, `- number: "${b.number}"`);
  },
  // A gap in the numbering (MISSING_NUMBER).
  renumber: (t, r) => {
    const { at, number } = r.pick(numbers(t));
    return t.slice(0, at) + t.slice(at).replace(`- number: "${number}"`, `- number: "${Number(number) + 1 + r.int(40)}"`);
  },
  removeItem: EDITS.removeItem!,
  duplicateItem: EDITS.duplicateItem!,
  addSection: EDITS.addSection!,
  // A new item at the end of a section, numbered after the last or not.
  addItem: (t, r) => {
    const { at } = r.pick(numbers(t));
    const item = `      - number: "${30 + r.int(20)}"\n        text: 新增任务\n        lead: [${r.pick(['政策法规司', '信息中心', '没有这个司'])}]\n        status: ${r.pick(['未启动', '已完成', '推进中'])}\n`;
    return t.slice(0, at) + item + t.slice(at);
  },
  status: EDITS.status!,
  text: (t, r) => {
    const { at } = r.pick(numbers(t));
    const text = t.indexOf('text: ', at) + 6;
    return t.slice(0, text) + r.pick(['新增内容', '', '（补充）']) + t.slice(text);
  },
  emptyText: (t, r) => {
    const { at } = r.pick(numbers(t));
    return t.slice(0, at) + t.slice(at).replace(/text: .*/, 'text: ""');
  },
  unknownDepartment: (t, r) => {
    const { at } = r.pick(numbers(t));
    return t.slice(0, at) + t.slice(at).replace(/lead: \[/, `lead: [${r.pick(['没有这个司', '信息中心', '政策法规司'])}, `);
  },
  comment: EDITS.comment!,
  // An item's lines grow: the findings of every item after it move down.
  longerText: (t, r) => {
    const { at } = r.pick(numbers(t));
    const text = t.indexOf('text: ', at) + 6;
    const end = t.indexOf('\n', text);
    return t.slice(0, text) + '|\n          第一行\n          第二行\n          ' + t.slice(text, end) + t.slice(end);
  },
  // The plan's dates: every item's deadline findings change.
  planDates: (t, r) => t.replace(/^ {2}default_due: .*$/m, `  default_due: ${r.pick(['2021-12-31', '2021-06-01', '2020-12-31'])}`).replace(/^ {2}issued_on: .*$/m, `  issued_on: ${r.pick(['2021-06-30', '2021-11-30'])}`),
  doneInFuture: (t, r) => {
    const { at } = r.pick(numbers(t));
    return t.slice(0, at) + t.slice(at).replace(/status: \S+/, 'status: 已完成\n        done_on: 2021-12-01');
  },
  unknownKey: (t, r) => {
    const { at } = r.pick(numbers(t));
    return t.slice(0, at) + t.slice(at).replace(/status: /, 'stauts: ');
  },
  // A finding outside the items, below some of them: it moves with the lines of the items above.
  sectionTitle: (t, r) => {
    const titles = [...t.matchAll(/^ {4}title: /gm)].map((m) => m.index!);
    const at = r.pick(titles);
    return t.slice(0, at) + t.slice(at).replace('title: ', r.pick(['titel: ', 'title: 123\n    note: ']));
  },
  // Edits that may break the YAML or the layout: validate then loads the file whole.
  randomByte: EDITS.randomByte!,
  anchor: EDITS.anchor!,
  // Windows line ends: findings and their excerpts on the same lines.
  crlf: EDITS.crlf!,
};

/** Codes of a file that does not parse: the next round starts again from the shipped ledger. */
const UNPARSED = /YAML_SYNTAX|DUPLICATE_KEY|TAB_INDENT|ALIAS_BOMB|MULTIPLE_DOCUMENTS|WRONG_TYPE/;

/** Registry edits: a department renamed (every item naming it goes unknown), and back. */
const REGISTRY_EDITS: Record<string, (registry: string, original: string) => string> = {
  rename: (t) => t.replace('name: 信息中心', 'name: 信息化中心'),
  restore: (_t, original) => original,
  guessed: (t) => t.replace(/^( {4}kind: internal)$/m, '$1\n    guessed: true'),
};

/**
 * validate with the cache, after hand edits of one or a few items, must say what a cold run
 * (GONGKAI_CACHE=off) says: the same findings, at the same file:line:col, in the same order, the same exit code.
 */
describe('validate after hand edits gives what a cold run gives', () => {
  it('random hand edits that make and remove findings across items, of the ledger and its registry', async () => {
    const ledger = readFileSync(SHIPPED_LEDGER, 'utf8');
    const registry = readFileSync(SHIPPED_REGISTRY, 'utf8');
    const dir = tempDir({ 'ledger.yaml': ledger, 'departments.yaml': registry });
    const run = (args: string[], cached: boolean, now: string) =>
      runCli(['--ledger', 'ledger.yaml', 'validate', ...args], {
        cwd: dir,
        now: () => new Date(now),
        env: { ...process.env, NO_COLOR: '1', GONGKAI_LEDGER: '', GONGKAI_CACHE_DIR: join(dir, 'cache'), ...(cached ? {} : { GONGKAI_CACHE: 'off' }) },
      });
    const r = randomFrom(2212);
    let text = ledger;
    let registryText = registry;
    let withFindings = 0;
    let answered = 0;
    const rounds = scaled(16, 200);
    for (let round = 0; round < rounds; round++) {
      const now = r.pick(NOWS);
      let what: string;
      if (r.next() < 0.12) {
        what = r.pick(Object.keys(REGISTRY_EDITS));
        registryText = REGISTRY_EDITS[what]!(registryText, registry);
        writeFileSync(join(dir, 'departments.yaml'), registryText);
      } else {
        // Mostly one item, sometimes a few at once.
        const names = Array.from({ length: r.next() < 0.8 ? 1 : 2 + r.int(3) }, () => r.pick(Object.keys(CROSS_ITEM_EDITS)));
        what = names.join(' + ');
        for (const name of names) text = CROSS_ITEM_EDITS[name]!(text, r);
        writeFileSync(join(dir, 'ledger.yaml'), text);
      }
      let unparsed = false;
      // By default one form a round, in turn (text: findings located with their excerpts; JSON): each after eight
      // different edits. Both forms every round at full size.
      const forms = [[], ['--format', 'json']];
      for (const args of FULL_SIZE ? forms : [forms[round % 2]!]) {
        const cold = await run(args, false, now);
        const warm = await run(args, true, now);
        expect(warm, `round ${round} (${now}): ${what}, validate ${args.join(' ')}`).toEqual(cold);
        if (cold.code === 1) withFindings++;
        unparsed ||= UNPARSED.test(cold.out + cold.err);
      }
      // The item-by-item run answers the same text from what the runs above kept, checking no item again.
      const store = new CacheStore(join(dir, 'cache'), 200 * 1024 * 1024);
      const again = await chunkedValidation(store, { file: 'ledger.yaml', cwd: dir, today: beijingToday(new Date(now)), calendar: calendarFingerprint('ledger.yaml', dir), maxBytes: 64 << 20 });
      if (again) {
        // Most rounds check nothing here: the runs above kept every item. Some do not — a text seen in an earlier
        // round with the same date is answered whole from the cache, and its items may have been kept for another
        // date or registry since — so each round asks that what this run keeps, the next run needs no item checked.
        if (again.checked === 0) answered++;
        const thrice = await chunkedValidation(store, { file: 'ledger.yaml', cwd: dir, today: beijingToday(new Date(now)), calendar: calendarFingerprint('ledger.yaml', dir), maxBytes: 64 << 20 });
        expect(thrice?.checked, `round ${round}: ${what}`).toBe(0);
      }
      // A file that no longer has numbered items, or that does not parse: start again from the shipped one.
      if (numbers(text).length < 5 || unparsed || what.includes('anchor')) text = ledger;
    }
    // The edits make errors (exit 1) often enough for the comparison to be about them too.
    expect(withFindings).toBeGreaterThan(rounds / 4);
    // Most rounds were answered item by item from what the runs above kept, checking no item again (the rest: files
    // the layout or the parse cannot take item by item, and texts answered whole from the cache).
    expect(answered).toBeGreaterThan(rounds / 2);
  });

  it('after a one-item hand edit of a large ledger, checks only that item', async () => {
    // The shipped ledger's items repeated under new numbers: a ledger of a few hundred items with findings in many.
    const base = readFileSync(SHIPPED_LEDGER, 'utf8');
    const start = base.indexOf('      - number: "1"');
    const end = base.indexOf('\n  - number:', start);
    const items = base.slice(start, end + 1);
    let n = 0;
    const many = Array.from({ length: 30 }, () => items.replace(/^ {6}- number: "\d+"$/gm, () => `      - number: "${++n}"`)).join('');
    const text = base.slice(0, start) + many + base.slice(end + 1).replace(/^ {6}- number: "\d+"$/gm, () => `      - number: "${++n}"`);
    const dir = tempDir({ 'ledger.yaml': text, 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const env = { ...process.env, NO_COLOR: '1', GONGKAI_LEDGER: '', GONGKAI_CACHE_DIR: join(dir, 'cache') };
    const run = (cached: boolean) => runCli(['--ledger', 'ledger.yaml', 'validate'], { cwd: dir, env: cached ? env : { ...env, GONGKAI_CACHE: 'off' } });
    await run(true);
    // Item 20 gets the number of item 7 and a department nobody knows; its lines grow, so every later finding moves down.
    const at = text.indexOf('      - number: "20"');
    const next = text.indexOf('      - number: "21"');
    const item = text.slice(at, next).replace('- number: "20"', '- number: "7"').replace(/text: (.*)/, 'text: |\n          加了一行\n          $1') + '        cooperate: [不存在的司]\n';
    const edited = text.slice(0, at) + item + text.slice(next);
    writeFileSync(join(dir, 'ledger.yaml'), edited);
    const store = new CacheStore(join(dir, 'cache'), 200 * 1024 * 1024);
    const found = await chunkedValidation(store, { file: 'ledger.yaml', cwd: dir, today: '2021-11-01', calendar: calendarFingerprint('ledger.yaml', dir), maxBytes: 64 << 20 });
    expect(found?.checked).toBe(1);
    expect(found!.items).toBeGreaterThan(250);
    const codes = found!.diagnostics.map((d) => d.code);
    expect(codes).toContain('DUPLICATE_NUMBER');
    expect(codes).toContain('MISSING_NUMBER');
    expect(codes).toContain('UNKNOWN_DEPARTMENT');
    // What the user sees is what a cold run shows.
    expect(await run(true)).toEqual(await run(false));
  });

  it('every ledger fixture, checked item by item from nothing, gives what a cold run gives', async () => {
    const cache = tempDir();
    for (const file of allLedgerFixtures()) {
      const run = (cached: boolean) =>
        runCli(['--ledger', file, 'validate', '--format', 'json'], { cwd: dirname(file), env: { ...process.env, NO_COLOR: '1', GONGKAI_LEDGER: '', GONGKAI_CACHE_DIR: cache, ...(cached ? {} : { GONGKAI_CACHE: 'off' }) } });
      expect(await run(true), file).toEqual(await run(false));
    }
  });
});
