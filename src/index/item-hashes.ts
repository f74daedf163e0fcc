/**
 * The hashes of a ledger file's items in file order, kept as the index stores
 * them: one after another in one string (HASH_LENGTH latin1 characters each),
 * as the view shares and the validation base keep theirs. A view after a hand
 * edit compares them with the stored ones and reads a few; 10,000 strings of
 * 40 characters (and the arrays holding them) were most of what such a run
 * allocated, and the young-generation collections that copy what survives
 * took longer than the comparisons.
 */

import { HASH_LENGTH } from '../read/content-hash.js';

/** Hashes compared at once by changedFrom before hash by hash. */
const STRETCH = 64;

export class ItemHashes {
  private constructor(
    /** The hashes one after another. */
    readonly text: string,
  ) {}

  /** The hashes one after another in a text (latin1 bytes as stored); undefined unless it holds whole hashes. */
  static of(text: string): ItemHashes | undefined {
    return text.length % HASH_LENGTH === 0 ? new ItemHashes(text) : undefined;
  }

  /** How many items. */
  get length(): number {
    return this.text.length / HASH_LENGTH;
  }

  /** Item i's hash. */
  at(i: number): string {
    return this.text.slice(i * HASH_LENGTH, (i + 1) * HASH_LENGTH);
  }

  /** Hashes [from, to) as one text, for a later ItemHashes.of (the hashes of a file partly unchanged). */
  span(from: number, to: number): string {
    return this.text.slice(from * HASH_LENGTH, to * HASH_LENGTH);
  }

  /** Every hash, as strings (for what keys by them). */
  all(): string[] {
    const all = new Array<string>(this.length);
    for (let i = 0; i < all.length; i++) all[i] = this.at(i);
    return all;
  }

  /**
   * The positions whose hash is not `other`'s at the same position (every
   * position beyond the end of `other`), in order. Most of two texts of a
   * file are the same: compared STRETCH hashes at a time, and hash by hash
   * only in a stretch that differs.
   */
  changedFrom(other: ItemHashes): number[] {
    const changed: number[] = [];
    const count = this.length;
    const shared = Math.min(count, other.length);
    for (let from = 0; from < shared; from += STRETCH) {
      const to = Math.min(shared, from + STRETCH);
      if (this.text.startsWith(other.span(from, to), from * HASH_LENGTH)) continue;
      for (let i = from; i < to; i++) if (!this.text.startsWith(other.at(i), i * HASH_LENGTH)) changed.push(i);
    }
    for (let i = shared; i < count; i++) changed.push(i);
    return changed;
  }
}
