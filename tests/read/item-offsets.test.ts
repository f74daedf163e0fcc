import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { PathSegment } from '../../src/diagnostic.js';
import { positionsIn } from '../../src/read/yaml-positions.js';
import { offsetInItem } from '../../src/read/item-offsets.js';
import { splitAtItems } from '../../src/read/parse-yaml-chunks.js';
// @ts-expect-error: a plain script without types
import { generate } from '../bench/generate-ledger.mjs';
import { scaled } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';
import { EDITS, allLedgerFixtures, handEdited, randomFrom } from './hand-edits.js';

/** The items of a ledger text, as the layout cuts them. */
const itemsOf = (text: string) => splitAtItems(text)?.chunks ?? [];

/** Every path into an item's value: each key (as key and as value) and each list entry, and some that lead nowhere. */
function pathsOf(text: string): { path: PathSegment[]; at: 'key' | 'value' }[] {
  const paths: { path: PathSegment[]; at: 'key' | 'value' }[] = [];
  const visit = (node: unknown, path: PathSegment[]) => {
    paths.push({ path, at: 'value' }, { path: [...path, 'no-such-key'], at: 'value' }, { path: [...path, 99], at: 'value' });
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        paths.push({ path: [...path, key], at: 'key' });
        visit(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) node.items.forEach((child, i) => visit(child, [...path, i]));
  };
  const doc = parseDocument(text, { uniqueKeys: false });
  if (isSeq(doc.contents)) visit(doc.contents.items[0], []);
  return paths;
}

/** The line and column (1-based) of an offset in a text, as the parser's LineCounter gives them. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

/** Compares the line-by-line reading with the parser on every path of every item given; returns how many it answered. */
function compareWithParser(items: readonly string[], where: string): { answered: number; asked: number } {
  let answered = 0;
  let asked = 0;
  for (const [k, chunk] of items.entries()) {
    // The position-keeping parser alone (itemPositions asks the line-by-line reading first).
    const parser = positionsIn(chunk);
    for (const { path, at } of pathsOf(chunk)) {
      asked++;
      const offset = offsetInItem(chunk, [0, ...path], at);
      if (offset === undefined) continue;
      answered++;
      expect(lineCol(chunk, offset), `${where}, item ${k}, ${at} of ${JSON.stringify(path)}`).toEqual(parser([0, ...path], at));
    }
  }
  return { answered, asked };
}

describe('where a finding points inside an item, read line by line', () => {
  it('answers for every path of every item gongkai writes, where the position-keeping parser does', () => {
    const dir = tempDir();
    const generated = scaled([1], [1, 2, 3]).map((seed) => readFileSync(generate(scaled(50, 300), join(dir, String(seed)), seed), 'utf8'));
    for (const [i, text] of generated.entries()) {
      const { answered, asked } = compareWithParser(itemsOf(text), `generated ${i}`);
      expect(answered, `generated ${i}`).toBe(asked);
      expect(asked).toBeGreaterThan(1000);
    }
    for (const file of allLedgerFixtures()) compareWithParser(itemsOf(readFileSync(file, 'utf8')), file);
  });

  it('reads each form the way the parser does: empty values, nested mappings, lists of mappings, flow maps, quotes', () => {
    const item = [
      '      - number: "7"',
      "        text: '二是''三'",
      '        clause:',
      '        resolve:',
      '          各有关司(局): [政策法规司, 信息中心]',
      '          相关单位:',
      '        lead:',
      '          - { dept: 政策法规司, scope: 规章 }',
      '          - dept: 信息中心',
      '            scope: 网站',
      '          - 办公厅',
      '        cooperate: []',
      '        progress:',
      '          - date: 2021-03-01',
      '            note: 已启动 a#b',
      '        due: 2021-12-31',
      '',
    ].join('\n');
    const { answered, asked } = compareWithParser([item], 'the item');
    expect(answered).toBe(asked);
    expect(asked).toBeGreaterThan(60);
  });

  it('answers as the parser does, or leaves it to the parser, after hand edits of every kind', () => {
    const bases = allLedgerFixtures().map((file) => readFileSync(file, 'utf8'));
    const names = Object.keys(EDITS);
    let answered = 0;
    let asked = 0;
    for (let seed = 1; seed <= scaled(25, 400); seed++) {
      const r = randomFrom(seed);
      const { text, applied } = handEdited(r.pick(bases), r, names);
      let counts: { answered: number; asked: number };
      try {
        counts = compareWithParser(itemsOf(text), `seed ${seed} (${applied.join(', ')})`);
      } catch (cause) {
        // A text the parser itself cannot read has nothing to compare with.
        if (cause instanceof Error && !cause.message.includes('seed')) continue;
        throw cause;
      }
      answered += counts.answered;
      asked += counts.asked;
    }
    // The usual forms are most of what hand edits leave: the parser is the exception.
    expect(answered).toBeGreaterThan(asked / 2);
  });
});
