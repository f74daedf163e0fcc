import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEditToText } from '../../src/edit/ledger-text-edit.js';
import { ledgerChunks, UnsupportedLedger } from '../../src/merge/ledger-chunks.js';
import { mergeLedger } from '../../src/merge/merge-ledger.js';
import { ledgerLayout, type LedgerLayout } from '../../src/read/ledger-layout.js';
import { loadYamlValue } from '../../src/read/load-yaml-value.js';
import { splitAtItems } from '../../src/read/parse-yaml-chunks.js';
import { mutate, randomSource } from '../fuzz/mutate.js';
import { ROOT, SHIPPED_LEDGER } from '../helpers/paths.js';
import { allLedgerFixtures, EDITS, handEdited, randomFrom } from './hand-edits.js';
import { scaled } from '../helpers/scale.js';

const textsOf = (text: string, layout: LedgerLayout) => layout.items.map((item) => text.slice(item.start, item.end));

const parses = (text: string) => {
  try {
    loadYamlValue(text);
    return true;
  } catch {
    return false;
  }
};

/** What the chunked parse, the merge and the edit each say about the items of `text`; throws on a disagreement. */
function checkAgreement(text: string, label: string, r: ReturnType<typeof randomFrom>): { items: number; edits: number } {
  const layout = ledgerLayout(text);
  const split = splitAtItems(text);
  // The per-item index cuts the file's bytes, undecoded: the same items, at byte offsets.
  const bytes = Buffer.from(text);
  const byBytes = ledgerLayout(bytes);
  expect(byBytes?.items.map((i) => bytes.subarray(i.start, i.end).toString('utf8')), label).toEqual(layout && textsOf(text, layout));
  expect(byBytes?.items.map((i) => i.number), label).toEqual(layout?.items.map((i) => i.number));
  // The parse: the same chunks, and its skeleton with the chunks put back is the file.
  expect(split === undefined, label).toBe(layout === undefined);
  if (!layout || !split) return { items: 0, edits: 0 };
  expect(split.chunks, label).toEqual(textsOf(text, layout));
  expect(split.starts, label).toEqual(layout.items.map((i) => i.start));
  let rebuilt = split.skeleton;
  split.chunks.forEach((chunk, i) => (rebuilt = rebuilt.replace(new RegExp(`^ *- ${split.placeholder}${i}\\n`, 'm'), () => chunk)));
  expect(rebuilt, label).toBe(text);

  // The merge: the same items, gaps and tail that join back into the file; or a refusal for a stated reason.
  const numbers = layout.items.map((i) => i.number);
  const mergeable = /^sections[ \t]*:/m.test(text) && numbers.every((n) => n !== undefined) && new Set(numbers).size === numbers.length;
  let chunks: ReturnType<typeof ledgerChunks> | undefined;
  try {
    chunks = ledgerChunks(text);
  } catch (cause) {
    expect(cause, label).toBeInstanceOf(UnsupportedLedger);
  }
  expect(chunks !== undefined, label).toBe(mergeable);
  if (chunks) {
    expect(chunks.items.map((i) => i.text), label).toEqual(textsOf(text, layout));
    expect(chunks.items.map((i) => chunks!.gaps.get(i.number)! + i.text).join('') + chunks.tail, label).toBe(text);
  }

  // The edit: a note on an item changes bytes inside that item's extent only, and leaves every other item where the layout finds it.
  let edits = 0;
  if (parses(text)) {
    const unique = layout.items.filter((i) => i.number !== undefined && numbers.indexOf(i.number) === numbers.lastIndexOf(i.number));
    for (let n = 0; n < 2 && unique.length; n++) {
      const item = r.pick(unique);
      const result = applyEditToText(text, { item: item.number!, note: { date: '2021-11-01', dept: '信息中心', note: '已推进' } }, undefined);
      if (!('text' in result)) continue;
      const after = result.text;
      expect(after.slice(0, item.start), label).toBe(text.slice(0, item.start));
      expect(after.endsWith(text.slice(item.end)), label).toBe(true);
      const again = ledgerLayout(after)!;
      expect(again.items.length, label).toBe(layout.items.length);
      const delta = after.length - text.length;
      const index = layout.items.indexOf(item);
      again.items.forEach((moved, i) => {
        const was = layout.items[i]!;
        if (i === index) expect([moved.start, moved.end], label).toEqual([was.start, was.end + delta]);
        else expect(after.slice(moved.start, moved.end), label).toBe(text.slice(was.start, was.end));
      });
      edits++;
    }
  }
  return { items: layout.items.length, edits };
}

describe('one item layout for the parse, the merge and the edit', () => {
  it('agrees on every fixture ledger', () => {
    const r = randomFrom(23);
    let items = 0;
    for (const file of allLedgerFixtures()) items += checkAgreement(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), file, r).items;
    expect(items).toBeGreaterThan(200);
  });

  const ROUNDS = scaled(80, 600);
  it(`agrees on ${ROUNDS} random hand edits and ${ROUNDS / 2} fuzzed ledgers`, () => {
    const base = readFileSync(SHIPPED_LEDGER, 'utf8');
    const r = randomFrom(20221205);
    const names = Object.keys(EDITS);
    const seen = { laidOut: 0, refused: 0, edits: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const { text, applied } = handEdited(base, r, names);
      const found = checkAgreement(text, `round ${round}: ${applied.join(' + ')}`, r);
      if (ledgerLayout(text)) seen.laidOut++;
      else seen.refused++;
      seen.edits += found.edits;
    }
    const random = randomSource(2212);
    for (let round = 0; round < ROUNDS / 2; round++) checkAgreement(mutate(base, random), `fuzz round ${round}`, r);
    // Both outcomes come up: most hand edits keep a layout the lines can say, some (tabs, directives) do not.
    expect(seen.laidOut).toBeGreaterThan((ROUNDS * 2) / 3);
    expect(seen.refused).toBeGreaterThan(ROUNDS / 30);
    expect(seen.edits).toBeGreaterThan((ROUNDS * 7) / 12);
  });

  it('finds items under every section whatever their indentation, and not the sections', () => {
    const text = [
      'plan:',
      '  title: 要点',
      'sections:',
      '  - number: 一',
      '    items:',
      '      - number: "1"',
      '        text: |',
      '          第一行',
      '        # 注释不结束任务',
      '      - number: \'2\'',
      '        text: 二',
      '  # 第二部分',
      '  - number: 二',
      '    items:',
      '    - number: 3',
      '      text: 紧凑写法',
      '    - {number: "4", text: 一行}',
      '  - items:',
      '      - number: "5"',
      '',
    ].join('\n');
    const layout = ledgerLayout(text)!;
    expect(layout.items.map((i) => i.number)).toEqual(['1', '2', '3', undefined, '5']);
    expect(textsOf(text, layout)[0]).toBe('      - number: "1"\n        text: |\n          第一行\n        # 注释不结束任务\n');
    expect(textsOf(text, layout)[4]).toBe('      - number: "5"\n');
  });

  it('reads the number on a dash line the same in every way it can be written, from text and from bytes', () => {
    const forms: [string, string | undefined][] = [
      ['- number: 22', '22'],
      ['- number: "22"', '22'],
      ["- number: '22'", '22'],
      ['- number: 022', '022'],
      ['- number:  22', '22'],
      ['- number: 22 # 注释', '22'],
      ['- number: 22  ', '22'],
      ['- number: 22x', '22x'],
      ['- number: "2\\"2"', '2"2'],
      ['- number: "22', undefined],
      ['- number: 二十二', '二十二'],
    ];
    for (const eol of ['\n', '\r\n']) {
      const text = ['sections:', '  - items:', ...forms.map(([line]) => `      ${line}${eol}        text: 任务`), ''].join(eol);
      const expected = forms.map(([, number]) => number);
      expect(ledgerLayout(text)!.items.map((i) => i.number), JSON.stringify(eol)).toEqual(expected);
      expect(ledgerLayout(Buffer.from(text, 'utf8'))!.items.map((i) => i.number), JSON.stringify(eol)).toEqual(expected);
    }
  });

  it('lets two people edit different items and merge cleanly, as one person editing both would', () => {
    const base = readFileSync(SHIPPED_LEDGER, 'utf8');
    const note = (text: string, item: string) => (applyEditToText(text, { item, note: { date: '2021-11-02', dept: '信息中心', note: `第 ${item} 项已推进` } }, undefined) as { text: string }).text;
    const merged = mergeLedger(base, note(base, '7'), note(base, '22'));
    expect(merged.conflicts).toEqual([]);
    expect(merged.text).toBe(note(note(base, '7'), '22'));
  });

  it('is the only place in src/ that walks a ledger item by item', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        // parse-item-fast.ts reads the YAML lists inside one item the layout cut out (it is given chunks, never the ledger).
        else if (path.endsWith('.ts') && !path.endsWith('ledger-layout.ts') && !path.endsWith('parse-item-fast.ts') && !path.includes('/notice/')) {
          const source = readFileSync(path, 'utf8');
          // A line scan for item dashes or `- number:` lines is the layout's job.
          if (/-\[ \\\\?t\]\+number|items:\[ \\\\?t\]\*|charCodeAt\([^)]*\) === (?:DASH|45)/.test(source)) offenders.push(path);
        }
      }
    };
    walk(join(ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});
