import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { keepRows, storedRows } from '../../src/index/stored-rows.js';
import { tempDir } from '../helpers/temp.js';

describe('the index rows as stored', () => {
  it('any one row read alone, by the marks of every 64th row, is the row kept, and so is every row read at once', () => {
    const cache = new CacheStore(tempDir(), 200 * 1024 * 1024);
    // Rows of different lengths, some with characters of two to four bytes, across several runs of 64 and a short last one.
    const rows = Array.from({ length: 300 }, (_, i) => [String(i), i % 7, i % 3 ? '2021-05-10' : '第𠀀项'.repeat(i % 5), [i, i % 4]]);
    keepRows(cache, 'rows', 'stamp1', rows);
    expect(storedRows(cache, 'rows', 'other', rows.length)).toBeUndefined();
    for (const i of [0, 1, 63, 64, 65, 127, 128, 200, 255, 256, 299]) expect(storedRows(cache, 'rows', 'stamp1', rows.length)!.at(i), `row ${i}`).toEqual(rows[i]);
    expect(storedRows(cache, 'rows', 'stamp1', rows.length)!.all()).toEqual(rows);
    keepRows(cache, 'none', 'stamp2', []);
    expect(storedRows(cache, 'none', 'stamp2', 0)!.all()).toEqual([]);
  });
});
