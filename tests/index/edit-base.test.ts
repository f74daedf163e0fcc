import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { baseAfterEdit, keepEditBase, positionOf, renumbered, storedEditBase, type EditBase } from '../../src/index/edit-base.js';
import { tempDir } from '../helpers/temp.js';

const base = (starts: number[], numbers: string[]): EditBase => ({
  hash: 'h',
  registryHash: '',
  cwd: '/w',
  displayFile: 'ledger.yaml',
  registryFile: 'ledger.yaml',
  registryValue: { departments: [] },
  planValue: { year: 2021 },
  sections: [{ number: '一', title: 't' }],
  sectionSizes: [starts.length],
  starts: Uint32Array.from(starts),
  numbers: renumbered(numbers),
  eol: '\n',
});

describe('the edit base as kept between edits', () => {
  it.each([
    ['items numbered by their place', [120, 300, 512], ['1', '2', '3']],
    ['numbers out of order, missing, not numbers at all', [7, 90, 4_000_000_000, 4_000_000_100], ['1', '3', '2', '十']],
    ['5,000 items', Array.from({ length: 5000 }, (_, i) => 11 + i * 517), Array.from({ length: 5000 }, (_, i) => String(i === 17 ? 99999 : i + 1))],
  ])('%s: read back as written', (_, starts, numbers) => {
    const cache = new CacheStore(tempDir(), 1 << 26);
    keepEditBase(cache, 'ledger.yaml', '/w', base(starts, numbers));
    const stored = storedEditBase(cache, 'ledger.yaml', '/w')!;
    expect(stored).toEqual(base(starts, numbers));
    expect(Array.from(stored.starts)).toEqual(starts);
    // Each item found by its number as the array of numbers would find it; a number no item has, nowhere.
    for (const number of [...numbers, '0', '01', '4', '5001', '99999', '十一', '']) expect(positionOf(stored, number), number).toBe(numbers.indexOf(number));
  });

  it('moves the items after an edited one by what it grew, and only those', () => {
    const starts = [0, 100, 250, 400];
    const after = baseAfterEdit(base(starts, ['1', '2', '3', '4']), 'h2', 1, -7);
    expect(Array.from(after.starts)).toEqual([0, 100, 243, 393]);
    expect(after.hash).toBe('h2');
  });
});
