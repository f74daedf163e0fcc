import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { baseAfterEdit, holdsFor, keepEditBase, PART_ITEMS, partHashes, positionOf, renumbered, storedEditBase, type EditBase } from '../../src/index/edit-base.js';
import { randomFrom } from '../read/hand-edits.js';
import { tempDir } from '../helpers/temp.js';

const base = (starts: number[], numbers: string[]): EditBase => ({
  parts: 'h',
  size: 0,
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
    const bytes = Buffer.alloc(500, 'a');
    const before = { ...base(starts, ['1', '2', '3', '4']), parts: partHashes(bytes, Uint32Array.from(starts))! };
    const after = baseAfterEdit(before, [bytes.subarray(0, 100), Buffer.alloc(143, 'b'), bytes.subarray(250)], 1, -7);
    expect(Array.from(after.starts)).toEqual([0, 100, 243, 393]);
  });

  /** A file of `count` items of random lengths after a head: its bytes and where each item starts. */
  const file = (count: number, r: ReturnType<typeof randomFrom>) => {
    const lengths = Array.from({ length: count }, () => 1 + r.int(40));
    const starts = new Uint32Array(count);
    let at = 5 + r.int(30);
    lengths.forEach((length, i) => ((starts[i] = at), (at += length)));
    const bytes = Buffer.alloc(at);
    for (let i = 0; i < at; i++) bytes[i] = 97 + r.int(26);
    return { bytes, starts };
  };

  it("after an edit, holds for the bytes written and no others: each part's hash as hashing the new bytes whole gives it", () => {
    const r = randomFrom(20261207);
    for (const count of [0, 1, 7, PART_ITEMS - 1, PART_ITEMS, PART_ITEMS + 1, 3 * PART_ITEMS + 17]) {
      const { bytes, starts } = file(count, r);
      let current = { ...base(Array.from(starts), Array.from(starts, (_, i) => String(i + 1))), parts: partHashes(bytes, starts)!, size: bytes.length };
      expect(holdsFor(current, bytes)).toBe(true);
      let content: Buffer = bytes;
      // Items of every kind of place edited one after another: first and last of a part, first and last of the file.
      const places = [0, count - 1, PART_ITEMS - 1, PART_ITEMS, 2 * PART_ITEMS, r.int(count), r.int(count)].filter((p) => p >= 0 && p < count);
      for (const position of places) {
        const start = current.starts[position]!;
        const end = position + 1 < count ? current.starts[position + 1]! : content.length;
        const edited = Buffer.alloc(1 + r.int(60), 65 + r.int(26));
        const pieces = [content.subarray(0, start), edited, content.subarray(end)];
        current = baseAfterEdit(current, pieces, position, edited.length - (end - start));
        content = Buffer.concat(pieces);
        expect(current.parts, `${count} items, item ${position}`).toBe(partHashes(content, current.starts));
        expect(holdsFor(current, content)).toBe(true);
      }
      // Any other bytes have other hashes: a byte changed anywhere (a part's first and last), one more or one fewer at the end.
      const others = [0, content.length - 1, ...Array.from(current.starts.filter((_, i) => i % PART_ITEMS === 0), (s) => s), ...current.starts.filter((_, i) => i % PART_ITEMS === 0).map((s) => s - 1)].filter((at) => at >= 0 && at < content.length);
      for (const at of others) {
        const changed = Buffer.from(content);
        changed[at] = changed[at]! ^ 1;
        expect(partHashes(changed, current.starts), `${count} items, byte ${at}`).not.toBe(current.parts);
        expect(holdsFor(current, changed)).toBe(false);
      }
      // Bytes of another length are not hashed to tell.
      for (const other of [Buffer.concat([content, Buffer.from('x')]), content.subarray(0, Math.max(0, content.length - 1))]) expect(holdsFor(current, other)).toBe(other.length === content.length);
      expect(partHashes(Buffer.concat([content, Buffer.from('x')]), current.starts)).not.toBe(current.parts);
      if (content.length) expect(partHashes(content.subarray(0, content.length - 1), current.starts)).not.toBe(current.parts);
    }
  });

  it('bytes shorter than where a part starts have no parts', () => {
    const starts = Uint32Array.from({ length: PART_ITEMS + 1 }, (_, i) => 2 * i);
    expect(partHashes(Buffer.alloc(2 * PART_ITEMS + 1), starts)).toBeDefined();
    expect(partHashes(Buffer.alloc(2 * PART_ITEMS - 1), starts)).toBeUndefined();
  });
});
