import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ItemHashes } from '../../src/index/item-hashes.js';
import { HASH_LENGTH } from '../../src/read/content-hash.js';
import { scaled } from '../helpers/scale.js';
import { randomFrom } from '../read/hand-edits.js';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe('item hashes kept as one string', () => {
  it('give each hash at its place, and every hash, as the list they were made of', () => {
    const list = Array.from({ length: 130 }, (_, i) => sha1(`item ${i}`));
    const hashes = ItemHashes.of(list.join(''))!;
    expect(hashes.length).toBe(130);
    expect(hashes.all()).toEqual(list);
    expect(list.map((_, i) => hashes.at(i))).toEqual(list);
    expect(hashes.span(64, 130)).toBe(list.slice(64).join(''));
    expect(ItemHashes.of(list.join('').slice(1))).toBeUndefined();
  });

  it('find the positions that changed as comparing hash by hash does, however many changed and wherever', () => {
    const r = randomFrom(2207);
    for (let round = 0; round < scaled(300, 3000); round++) {
      const count = r.int(400);
      const before = Array.from({ length: count }, (_, i) => sha1(`${round} ${i}`));
      // Some positions changed (none, a few, runs of them, all), and items added or removed at the end.
      const share = r.pick([0, 0.002, 0.02, 0.3, 1]);
      const after = before.map((hash, i) => (r.next() < share ? sha1(`${hash} ${i} changed`) : hash));
      if (r.next() < 0.3) after.splice(r.int(after.length + 1), r.int(5));
      if (r.next() < 0.3) after.push(...Array.from({ length: r.int(70) }, (_, i) => sha1(`${round} added ${i}`)));
      // A changed hash that differs only in its last character: a stretch compared at once must still tell.
      if (after.length && r.next() < 0.3) {
        const at = r.int(after.length);
        after[at] = after[at]!.slice(0, HASH_LENGTH - 1) + (after[at]!.endsWith('0') ? '1' : '0');
      }
      const expected = after.flatMap((hash, i) => (hash !== before[i] ? [i] : []));
      expect(ItemHashes.of(after.join(''))!.changedFrom(ItemHashes.of(before.join(''))!), `round ${round}`).toEqual(expected);
    }
  });
});
