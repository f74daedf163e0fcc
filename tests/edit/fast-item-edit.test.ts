import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fastItemEdit, libraryItemEdit } from '../../src/edit/ledger-text-edit.js';
import type { LedgerEdit } from '../../src/model/ledger-edit.js';
import { ledgerLayout } from '../../src/read/ledger-layout.js';
import { SHIPPED_LEDGER } from '../helpers/paths.js';
import { scaled } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';
import { allLedgerFixtures, randomFrom } from '../read/hand-edits.js';
// @ts-expect-error: a plain script without types
import { generate } from '../bench/generate-ledger.mjs';

/** Each item's text as the layout cuts it (what an edit through the item edits). */
function itemTexts(text: string): string[] {
  const layout = ledgerLayout(text);
  return layout ? layout.items.map((item) => text.slice(item.start, item.end)) : [];
}

/** The edits the commands make, of one item, with the words of a status. */
const EDITS: { edit: Omit<LedgerEdit, 'item'>; status?: string }[] = [
  { edit: { due: '2021-12-20' } },
  { edit: { status: 'in_progress' }, status: '推进中' },
  { edit: { status: 'done', doneOn: '2021-10-08' }, status: '已完成' },
  { edit: { note: { date: '2021-10-08', dept: '信息中心', note: '已推进' } } },
  { edit: { note: { date: '2021-06-22', dept: '信息中心', note: '完善留言平台功能' } } },
  { edit: { note: { date: '2021-10-08', dept: '政策法规司', note: '带,逗号: 的 "话"' } } },
  { edit: { postpone: { on: '2021-10-08', from: '2021-09-30', to: '2021-12-31', reason: '等待上级批复', approvedBy: '办公厅' } } },
  { edit: { requestPostponement: { on: '2021-10-08', dept: '信息中心', to: '2021-12-31', reason: '系统升级' } } },
  { edit: { rejectPostponement: { on: '2021-10-09', reason: '理由不足', rejectedBy: '办公厅' } } },
  { edit: { status: 'cancelled', cancel: { on: '2021-10-08', reason: '任务调整', approvedBy: '办公厅' } }, status: '已取消' },
  { edit: { due: '2021-11-30', note: { date: '2021-10-08', dept: '信息中心', note: '改期' } } },
  // Left to the library (it reads the pairs of the item's resolve map): the comparison shows that it is.
  { edit: { resolve: { group: '各有关司(局)', departments: ['社会救助司', '养老服务司'] } } },
];

/** The scalar keys the edits set, and one they do not. */
const SCALAR_KEYS = ['due', 'status', 'done_on', 'text'];
/** The keys' indentation in an item's text, and the indentation of a list under one of them. */
const keys = (t: string) => ' '.repeat(t.search(/\S/) + 2);
/** A line `key: …` of the item for one of `names` (a random one that the item has), changed by `f`. */
const changeLine = (t: string, r: ReturnType<typeof randomFrom>, names: readonly string[], f: (indent: string, key: string, value: string) => string) => {
  const lines = [...t.matchAll(new RegExp(`^( +)(${names.join('|')}): (.*)$`, 'gm'))];
  if (!lines.length) return t;
  const line = r.pick(lines);
  return t.slice(0, line.index) + f(line[1]!, line[2]!, line[3]!) + t.slice(line.index + line[0].length);
};
const appended = (t: string, lines: string[]) => t + lines.map((line) => keys(t) + line + '\n').join('');

/** Ways an item may be written, by gongkai or by hand, each a change of its text (the dash line stays first). */
const LAYOUTS: ((text: string, r: ReturnType<typeof randomFrom>) => string)[] = [
  (t) => t,
  (t, r) => changeLine(t, r, SCALAR_KEYS, (i, k, v) => `${i}${k}: "${v}"`),
  (t, r) => changeLine(t, r, SCALAR_KEYS, (i, k, v) => `${i}${k}: '${v}'`),
  (t, r) => changeLine(t, r, SCALAR_KEYS, (i, k, v) => `${i}${k}: ${v}   `),
  (t, r) => changeLine(t, r, SCALAR_KEYS, (i, k) => `${i}${k}: ${r.pick(['~', 'null', '', '{ after: 通知印发, working_days: 10 }', '[a, b]', '"引号 \\" 转义"', "'单''引号'"])}`),
  (t, r) => changeLine(t, r, SCALAR_KEYS, () => '').replace(/^\n/m, ''),
  (t, r) => changeLine(t, r, ['lead', 'sole', 'cooperate'], (i, k, v) => `${i}${k}:\n${v.replace(/^\[|\]$/g, '').split(', ').map((d) => `${i}  - ${d}`).join('\n')}`),
  (t, r) => appended(t, [`${r.pick(['progress', 'postponements', 'postponement_requests', 'postponement_rejections'])}: ${r.pick(['[]', '[ ]', '', '~', '[{ date: 2021-05-01, dept: 信息中心, note: 旧的 }]', '[{ date: 2021-10-08, dept: 信息中心, note: 同一天 }]', '文字'])}`]),
  (t, r) => appended(t, [`${r.pick(['progress', 'postponements', 'postponement_requests'])}:`, `  - date: ${r.pick(['2021-05-01', '2021-10-08', '20210501', '"2021-05-01"'])}`, '    dept: 信息中心', '    note: 块写法']),
  (t, r) => appended(t, [`${r.pick(['progress', 'postponements'])}:`, `  - { date: 2021-05-01, dept: 信息中心, note: 流式 }`, `  - ${r.pick(['{ date: 2021-06-01, dept: 信息中心, note: 第二条 }', '文字', '[a]'])}`]),
  (t, r) => appended(t, [`${r.pick(['cancelled', 'done_on', 'notes', 'resolve', 'zzz'])}: ${r.pick(['{ on: 2021-01-01, reason: 旧 }', 'null', '2021-01-01', '手写的备注', '{ }'])}`]),
  (t, r) => appended(t, [`${r.pick(['cancelled', 'resolve', 'notes'])}:`, '  on: 2021-01-01', '  reason: 块写法']),
  (t) => t.replace(/\n(?=.)/, '\n\n'),
  (t) => t.replace(/\n(?=.)/, '\n# 注释\n'),
  (t) => t.replace(/\n$/, ''),
  (t) => t.replace(/^( +)(\S)/m, '$1  $2'),
  (t, r) => {
    // A character that means something to YAML, somewhere.
    const at = r.int(t.length);
    return t.slice(0, at) + r.pick([':', ': ', ' #', '"', "'", '[', ']', '{', '}', ',', '- ', '&a ', '*a', '\n', '\n ', '~', '\t', '|', ' ']) + t.slice(at);
  },
];

/** A bench ledger (tests/bench/generate-ledger.mjs) of n items. */
function generated(n: number): string {
  const dir = tempDir();
  generate(n, dir);
  return readFileSync(join(dir, 'ledger.yaml'), 'utf8');
}

/** Makes every edit on every layout of the items: where the fast view takes the item, the same bytes as the library's view. */
function compare(items: readonly string[], rounds: number, seed: number): { fast: number; all: number } {
  const r = randomFrom(seed);
  let fast = 0;
  let all = 0;
  for (let round = 0; round < rounds; round++) {
    const original = r.pick(items);
    let text = original;
    for (let k = r.int(3); k > 0; k--) text = r.pick(LAYOUTS)(text, r);
    const { edit, status } = r.pick(EDITS);
    const whole: LedgerEdit = { item: '1', ...edit };
    const quick = fastItemEdit(text, whole, status, '\n');
    const library = libraryItemEdit(text, whole, status, '\n');
    all++;
    if (quick === undefined) continue;
    fast++;
    expect(quick, `round ${round}: ${JSON.stringify(edit)} on\n${text}`).toBe(library);
  }
  return { fast, all };
}

describe('an item edited where the fast parser finds its nodes (fastItemEdit)', () => {
  it('writes the same bytes as the edit on the yaml library\'s nodes, for every edit on items as gongkai writes them', () => {
    const items = [...itemTexts(readFileSync(SHIPPED_LEDGER, 'utf8')), ...itemTexts(generated(scaled(300, 3000)))];
    let fast = 0;
    for (const text of items) {
      for (const { edit, status } of EDITS) {
        const whole: LedgerEdit = { item: '1', ...edit };
        const quick = fastItemEdit(text, whole, status, '\n');
        if (quick === undefined) continue;
        fast++;
        expect(quick, `${JSON.stringify(edit)} on\n${text}`).toBe(libraryItemEdit(text, whole, status, '\n'));
      }
    }
    // The fast view takes gongkai's own layout: all but resolve and the notes on a day the item already has one.
    expect(fast).toBeGreaterThan(items.length * EDITS.length * 0.8);
  });

  const ROUNDS = scaled(4000, 40000);
  it(`writes the same bytes on ${ROUNDS} items written other ways (quoting, flow and block lists, missing and empty keys, comments, random YAML characters)`, () => {
    const items = [...itemTexts(readFileSync(SHIPPED_LEDGER, 'utf8')), ...allLedgerFixtures().flatMap((file) => itemTexts(readFileSync(file, 'utf8')))];
    const { fast, all } = compare(items, ROUNDS, 20261207);
    // Most of them are still in the fast view; some are not (and the library edits those).
    expect(fast).toBeGreaterThan(all / 3);
    expect(fast).toBeLessThan(all);
  });

  it('does not parse with the yaml library (nor set it up) where the fast view takes the item', () => {
    // The library as src/edit/yaml-library.ts requires it: the same module object.
    const library = createRequire(import.meta.url)('yaml') as typeof import('yaml');
    const parse = vi.spyOn(library, 'parseDocument');
    try {
      const [text] = itemTexts(readFileSync(SHIPPED_LEDGER, 'utf8'));
      for (const { edit, status } of EDITS.filter(({ edit }) => !edit.resolve)) expect(fastItemEdit(text!, { item: '1', ...edit }, status, '\n')).toBeDefined();
      expect(parse).not.toHaveBeenCalled();
      libraryItemEdit(text!, { item: '1', due: '2021-12-20' }, undefined, '\n');
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it('leaves an item with a comment, a blank line, CR LF line ends or no last line end to the library', () => {
    const [text] = itemTexts(readFileSync(SHIPPED_LEDGER, 'utf8'));
    const edit: LedgerEdit = { item: '1', due: '2021-12-20' };
    expect(fastItemEdit(text!, edit, undefined, '\n')).toBeDefined();
    expect(fastItemEdit(text!.replace(/\n(?=.)/, '\n# 注释\n'), edit, undefined, '\n')).toBeUndefined();
    expect(fastItemEdit(text!.replace(/\n(?=.)/, '\n\n'), edit, undefined, '\n')).toBeUndefined();
    expect(fastItemEdit(text!.replace(/\n/g, '\r\n'), edit, undefined, '\r\n')).toBeUndefined();
    expect(fastItemEdit(text!.replace(/\n$/, ''), edit, undefined, '\n')).toBeUndefined();
  });
});
