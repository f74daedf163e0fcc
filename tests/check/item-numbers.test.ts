import { describe, expect, it } from 'vitest';
import { itemNumbers } from '../../src/check/rules/item-numbers.js';
import type { Ledger } from '../../src/model/ledger.js';
import { scaled } from '../helpers/scale.js';

/**
 * The numbering check reads the numbers the importer writes: a table's parts under one 序号 (3.1, 3.2),
 * numbers prefixed with their part or sub-level ((一)1, 一2). Generated numberings with no gap pass;
 * the same with one task taken out report the gap, whichever form carries the numbers.
 */

const FORMS: Record<string, (n: number, section: number) => string[]> = {
  plain: (n) => [String(n)],
  parts: (n) => (n % 3 === 0 ? [`${n}.1`, `${n}.2`, `${n}.3`].slice(0, 2 + (n % 2)) : [String(n)]),
  'sub-level': (n, s) => [`(${'一二三四五六七八九十'[s]})${n}`],
  part: (n, s) => [`${'一二三四五六七八九十'[s]}${n}`],
};

function ledger(numbers: string[]): Ledger {
  return { file: 'ledger.yaml', items: numbers.map((number, i) => ({ number, section: '一', path: ['sections', 0, 'items', i] })) } as unknown as Ledger;
}

const codes = (numbers: string[]) => itemNumbers({ ledger: ledger(numbers), today: '2026-01-01' }).map((d) => d.code);

it('items carried over from last year (结转23) are not the plan\'s numbers', () => {
  expect(codes(['1', '2', '3', '结转23', '结转26'])).toEqual([]);
});

describe.each(Object.keys(FORMS))('numbers written as %s', (form) => {
  const sizes = Array.from({ length: scaled(6, 40) }, (_, k) => 3 + ((k * 7) % 30));
  it.each(sizes)('%i tasks: continuous is accepted, one taken out is a gap', (size) => {
    const numbers = Array.from({ length: size }, (_, i) => FORMS[form]!(i + 1, Math.floor(i / 4))).flat();
    expect(codes(numbers)).toEqual([]);
    const gone = 1 + ((size * 5) % (size - 1)); // never the last: a plan may end anywhere
    const gap = Array.from({ length: size }, (_, i) => (i + 1 === gone ? [] : FORMS[form]!(i + 1, Math.floor(i / 4)))).flat();
    expect(codes(gap)).toEqual(['MISSING_NUMBER']);
  });
});
