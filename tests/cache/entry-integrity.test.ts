import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { randomFrom } from '../read/hand-edits.js';
import { scaled } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';

/** The one entry file of a cache folder, and where its body starts (after the format, hash and key lines). */
function onlyEntry(dir: string): { file: string; bodyAt: number } {
  const [name] = readdirSync(dir).filter((n) => n.endsWith('.entry'));
  const file = join(dir, name!);
  const data = readFileSync(file);
  let at = 0;
  for (let line = 0; line < 3; line++) at = data.indexOf(10, at) + 1;
  return { file, bodyAt: at };
}

describe("a cache entry's checksum", () => {
  it('finds any one changed bit, two swapped blocks, a byte cut off or added, in bodies of every length up to 64 KB', () => {
    const r = randomFrom(7);
    for (let round = 0; round < scaled(40, 400); round++) {
      const dir = tempDir();
      const store = new CacheStore(dir, 200 * 1024 * 1024);
      const length = r.int(64 * 1024);
      // Byte by byte into a buffer (the same bytes as through an array of numbers, for a tenth of the CPU).
      const body = Buffer.alloc(length);
      for (let i = 0; i < length; i++) body[i] = r.int(256);
      store.setBytes('key', body);
      const { file, bodyAt } = onlyEntry(dir);
      const original = readFileSync(file);
      expect(store.getBytes('key')?.equals(body)).toBe(true);
      const spoilt: Buffer[] = [Buffer.concat([original, Buffer.from([r.int(256)])])];
      if (length > 0) {
        const flipped = Buffer.from(original);
        flipped[bodyAt + r.int(length)]! ^= 1 << r.int(8);
        spoilt.push(flipped, original.subarray(0, original.length - 1));
      }
      if (length >= 16) {
        // Two different 8-byte blocks exchanged: each lane sees the same words, in another order.
        const swapped = Buffer.from(original);
        const [i, j] = [r.int(length >> 3), r.int(length >> 3)].map((k) => bodyAt + k * 8);
        if (!swapped.subarray(i!, i! + 8).equals(swapped.subarray(j!, j! + 8))) {
          const block = Buffer.from(swapped.subarray(i!, i! + 8));
          swapped.copy(swapped, i!, j!, j! + 8);
          block.copy(swapped, j!);
          spoilt.push(swapped);
        }
      }
      for (const bytes of spoilt) {
        writeFileSync(file, bytes);
        expect(store.getBytes('key'), `body of ${length} bytes`).toBeUndefined();
      }
    }
  });
});
