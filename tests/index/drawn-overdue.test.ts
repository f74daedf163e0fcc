import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { storedDrawing } from '../../src/index/drawn-rows.js';
// @ts-expect-error: a plain .mjs script shared with the benchmark
import { generate } from '../bench/generate-ledger.mjs';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { FULL_SIZE, scaled } from '../helpers/scale.js';
import type { Io } from '../../src/io.js';

const NOW = '2021-10-08T04:00:00Z';

/** The forms overdue's table is shown in: piped, terminals of several widths (compact and dropped columns, shortened text), colour, wide Ambiguous characters, one department. */
const FORMS: { args: string[]; io: Partial<Io> }[] = [
  { args: [], io: { env: { NO_COLOR: '1' } } },
  { args: ['--within', '20'], io: { stdoutIsTty: true, columns: 400, env: { NO_COLOR: '1' } } },
  { args: [], io: { stdoutIsTty: true, columns: 90, env: {} } },
  { args: [], io: { stdoutIsTty: true, columns: 50, env: { NO_COLOR: '1', GONGKAI_AMBIGUOUS: 'wide' } } },
  { args: ['--dept', '信息中心'], io: { env: { NO_COLOR: '1' } } },
];

/** Replaces the first match of `pattern` after item `number`'s line. */
function inItem(text: string, number: string, pattern: RegExp, by: string): string {
  const at = text.indexOf(`      - number: "${number}"`);
  if (at < 0) throw new Error(`no item ${number}`);
  return text.slice(0, at) + text.slice(at).replace(pattern, by);
}

/** An item's role lines (lead, sole, joint, cooperate) replaced by `lines`. */
function roles(text: string, number: string, lines: string[]): string {
  return inItem(text, number, /(?:        (?:lead|sole|joint|cooperate): \[[^\]]*\]\n)+/, lines.map((line) => `        ${line}\n`).join(''));
}

/** An item's dates (its due date, and its done_on when done) and the opening of its notes, if it has any: a new first note goes after. */
const FIRST_NOTE = /(        due: \S+\n(?:        done_on: \S+\n)?)(?:        progress:\n)?/;

/**
 * Hand edits of one item (or two) that change what the table shows of it: its rows, their widths, their
 * groups, the table's layout. Each leaves a valid ledger whatever the generated items hold (done or not,
 * with notes or without), so that every step compares tables, not the same error twice.
 */
const EDITS: ((text: string) => string)[] = [
  (t) => inItem(t, '7', /text: /, 'text: （改）'),
  // The widest task text: every column after it moves (the layout changes).
  (t) => inItem(t, '9', /text: (.*)/, 'text: $1$1$1'),
  (t) => inItem(t, '9', /text: (.*)/, 'text: 缩短。'),
  (t) => inItem(t, '12', /status: \S+\n        due: (\S+)\n(?:        done_on: \S+\n)?/, 'status: 已完成\n        due: $1\n        done_on: 2021-09-30\n'),
  (t) => inItem(t, '15', /due: \S+/, 'due: 2021-10-12'),
  (t) => inItem(t, '15', /due: \S+/, 'due: 2021-03-02'),
  // A department with few items: its group appears, or goes.
  (t) => roles(t, '20', ['lead: [档案资料馆]']),
  (t) => roles(t, '21', ['joint: [各有关司(局)]']),
  // Requests waiting for an answer (of items still open): their table appears.
  (t) =>
    ['22', '23', '24', '25', '26'].reduce(
      (text, number) =>
        inItem(text, number, /status: \S+\n        due: \S+\n(?:        done_on: \S+\n)?/, 'status: 推进中\n        due: 2021-04-01\n        postponement_requests:\n          - { on: 2021-09-20, dept: 信息中心, to: 2021-12-20, reason: 等待上级部署 }\n'),
      t,
    ),
  (t) => inItem(t, '30', FIRST_NOTE, '$1        progress:\n          - { date: 2021-10-01, dept: 信息中心, note: 一段很长很长的新进展说明，比其他进展都长得多，足以改变最新进展一栏的宽度 }\n'),
  // Items removed and added: every later item is at another place.
  (t) => {
    const at = t.indexOf('      - number: "40"');
    const end = t.indexOf('      - number: "41"');
    return t.slice(0, at) + t.slice(end);
  },
  (t) => inItem(t, '41', /      - number: "41"/, t.slice(t.indexOf('      - number: "41"'), t.indexOf('      - number: "42"')).replace('number: "41"', 'number: "41-1"') + '      - number: "41"'),
  (t) => inItem(t, '50', /text: /, 'text: （再改）'),
];

function setUp(items: number, seed?: number) {
  const source = tempDir();
  generate(items, source, seed);
  const files = { 'ledger.yaml': readFileSync(join(source, 'ledger.yaml')), 'departments.yaml': readFileSync(join(source, 'departments.yaml')) };
  const warmDir = tempDir(files);
  const coldDir = tempDir(files);
  const cache = join(warmDir, 'cache');
  const run = async (form: (typeof FORMS)[number], cached: boolean) => {
    const result = await runCli(['overdue', '--ledger', 'ledger.yaml', '--as-of', '2021-10-08', ...form.args], {
      ...form.io,
      cwd: cached ? warmDir : coldDir,
      now: () => new Date(NOW),
      env: { ...form.io.env, GONGKAI_CACHE_DIR: cache, ...(cached ? {} : { GONGKAI_CACHE: 'off' }) },
    });
    return `${result.code}\n${result.out}\n${result.err}`;
  };
  const write = (text: string) => {
    writeFileSync(join(warmDir, 'ledger.yaml'), text);
    writeFileSync(join(coldDir, 'ledger.yaml'), text);
  };
  return { warmDir, cache, run, write, text: files['ledger.yaml'].toString('utf8') };
}

describe('overdue drawn again after a hand edit', () => {
  // Ledgers of other seeds at full size: the edits must hold whatever the generated items are.
  it.each(scaled([42], [42, 1, 3, 7]))('shows what a cold run shows, in every form, after edits that change rows, groups, widths and places (ledger %i)', async (seed) => {
    const { cache, run, write, text: first } = setUp(scaled(120, 400), seed);
    for (const form of FORMS) expect(await run(form, true)).toBe(await run(form, false));
    let text = first;
    // By default each edit is seen in one form, in turn (so a form's kept drawing is then several edits old); every form after every edit at full size.
    for (const [i, edit] of EDITS.entries()) {
      text = edit(text);
      write(text);
      for (const form of FULL_SIZE ? FORMS : [FORMS[i % FORMS.length]!]) {
        const cold = await run(form, false);
        // A table, not an error: each edit leaves a valid ledger.
        expect(cold.split('\n')[0], cold.slice(0, 600)).toBe('0');
        expect(await run(form, true)).toBe(cold);
        // The text the edit drew is kept: the next run writes it as it is.
        expect(await run(form, true)).toBe(cold);
      }
    }
    // The rows are kept for each form, one row a line of the table.
    const store = new CacheStore(cache, 200 * 1024 * 1024);
    const keys = readdirSync(cache)
      .filter((name) => name.endsWith('.entry'))
      .map((name) => readFileSync(join(cache, name), 'latin1').split('\n')[2]!)
      .filter((key) => key.includes('|view-drawn|'));
    expect(keys.length).toBe(FORMS.length);
    const piped = keys.find((key) => key.includes('table|Infinity') && key.includes('view-drawn|overdue:|'))!;
    const lines = (await run(FORMS[0]!, true)).split('\n').slice(1).filter((line) => /^ *\d/.test(line)).length;
    const drawing = storedDrawing(store, piped);
    // Said in full when it fails: what was kept, and for which forms.
    const kept = { rows: drawing?.rows, textLength: drawing?.textLength, forms: keys.map((key) => key.split('|').slice(2, 8).join('|')) };
    expect(drawing?.rows, JSON.stringify(kept)).toBe(lines);
  });

  it('drops the text drawn for the ledger as it was before keeping the new one: a cache near its bound loses no other entry', async () => {
    const { warmDir, cache, write, text } = setUp(400);
    const entries = () => new Map(readdirSync(cache).filter((name) => name.endsWith('.entry')).map((name) => [name, readFileSync(join(cache, name), 'latin1').split('\n')[2]!]));
    const gongkai = async (args: string[], env: Record<string, string> = {}) =>
      (await runCli([...args, '--ledger', 'ledger.yaml'], { cwd: warmDir, now: () => new Date(NOW), env: { NO_COLOR: '1', GONGKAI_CACHE_DIR: cache, ...env } })).code;
    await gongkai(['validate']);
    await gongkai(['overdue', '--as-of', '2021-10-08']);
    const before = entries();
    const textEntry = [...before].find(([, key]) => key.includes('|shown|') && key.includes('overdue'))!;
    const size = (name: string) => readFileSync(join(cache, name)).length;
    const total = [...before.keys()].reduce((sum, name) => sum + size(name), 0);
    // Room for what an edit adds besides the text (the index's delta, the layout hint, the drawing), not for a second text.
    const bound = (total + size(textEntry[0]) / 2) / (1024 * 1024);
    write(EDITS[0]!(text));
    expect(await gongkai(['overdue', '--as-of', '2021-10-08'], { GONGKAI_CACHE_MAX_MB: String(bound) })).toBe(0);
    const after = entries();
    // The old text is gone, a new one kept; every other entry is still there.
    expect(after.has(textEntry[0])).toBe(false);
    expect([...after.values()].filter((key) => key.includes('|shown|') && key.includes('overdue'))).toHaveLength(1);
    for (const [name, key] of before) if (name !== textEntry[0]) expect(after.get(name), key).toBe(key);
  });

  it('a drawing or its text deleted changes no answer', async () => {
    const { cache, run, write, text } = setUp(60);
    await run(FORMS[0]!, true);
    write(EDITS[0]!(text));
    await run(FORMS[0]!, true);
    // Every entry but the drawings, then only the drawings, removed between edits.
    const remove = (drawings: boolean) => {
      for (const name of readdirSync(cache)) {
        if (!name.endsWith('.entry')) continue;
        const isDrawing = (readFileSync(join(cache, name), 'latin1').split('\n')[2] ?? '').includes('|view-drawn|');
        if (isDrawing === drawings) writeFileSync(join(cache, name), '');
      }
    };
    write(EDITS[3]!(EDITS[0]!(text)));
    remove(false);
    expect(await run(FORMS[0]!, true)).toBe(await run(FORMS[0]!, false));
    write(EDITS[4]!(EDITS[3]!(EDITS[0]!(text))));
    remove(true);
    expect(await run(FORMS[0]!, true)).toBe(await run(FORMS[0]!, false));
  });
});
