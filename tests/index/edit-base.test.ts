import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { keepEditBase, storedEditBase, type EditBase } from '../../src/index/edit-base.js';
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
  starts,
  numbers,
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
    expect(storedEditBase(cache, 'ledger.yaml', '/w')).toEqual(base(starts, numbers));
  });
});
