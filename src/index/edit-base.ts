/**
 * What an edit needs of a ledger file besides the text of the item it edits:
 * the plan, the registry, the sections and which section each item stands in.
 * Kept in the cache for the exact bytes it was learnt from, so that an edit of
 * a file unchanged since (the usual case: one gongkai edit after another)
 * reads one item, not the ledger. Learnt from the per-item index, which has
 * seen every item of those bytes read on its own, and carried forward by each
 * edit made through it (src/edit/edit-one-item.ts). Derived and disposable
 * like the index: without it an edit reads the whole ledger.
 */
import { resolve } from 'node:path';
import type { CacheStore } from '../cache/cache-store.js';
import { cacheKeys } from '../cache/cache-keys.js';

/**
 * For the bytes `hash` names: the layout (read/ledger-layout.ts) cuts them
 * into the items whose dash lines start at `starts`, with the numbers
 * `numbers` written on those lines, no number twice; each item's text reads
 * on its own as one item of that number; and the file read whole gives the
 * same value as its plan, sections and items read apart.
 */
export interface EditBase {
  /** Content hash of the ledger bytes this holds for. */
  hash: string;
  /** Content hash of the registry's bytes ('' when inline), and the working folder it was learnt in (file names are relative to it). */
  registryHash: string;
  cwd: string;
  /** The ledger file as findings name it. */
  displayFile: string;
  registryFile: string;
  /** The registry file's parsed value (the ledger's own `departments` when inline). */
  registryValue: unknown;
  planValue: unknown;
  /** Sections as written ({number, title}), in file order. */
  sections: { number: unknown; title: unknown }[];
  /** How many items each section holds, in file order (the items follow their sections). */
  sectionSizes: number[];
  /** Byte offset of each item's dash line, in file order (a ledger is far below 4 GB). */
  starts: Uint32Array;
  /**
   * The number written on each item's dash line where it is not the item's place in the file counted from 1,
   * by position (most ledgers have none): no array of 10,000 numbers made and read on every edit.
   */
  numbers: Record<number, string>;
  /** The line end the file uses. */
  eol: '\n' | '\r\n';
  /** The per-item index it was learnt with: an edit puts its item's new row in that index's delta. */
  index?: { stamp: string; setting: string };
}

/** A base as stored: read and written by every edit, so kept small. The starts as 32-bit offsets in base64. */
type StoredEditBase = Omit<EditBase, 'starts'> & { starts: string };

export function storedEditBase(cache: CacheStore, file: string, cwd: string): EditBase | undefined {
  const stored = cache.get<StoredEditBase>(cacheKeys.editBase(resolve(cwd, file)))?.value;
  if (!stored) return undefined;
  // Copied to a buffer of its own: 32-bit numbers are read from a multiple of 4 bytes.
  return { ...stored, starts: new Uint32Array(new Uint8Array(Buffer.from(stored.starts, 'base64')).buffer) };
}

export function keepEditBase(cache: CacheStore, file: string, cwd: string, base: EditBase): void {
  const starts = Buffer.from(base.starts.buffer, base.starts.byteOffset, base.starts.byteLength).toString('base64');
  cache.set(cacheKeys.editBase(resolve(cwd, file)), { ...base, starts } satisfies StoredEditBase);
}

/** The numbers on the dash lines of items in file order, as a base keeps them (EditBase.numbers). */
export function renumbered(numbers: readonly string[]): Record<number, string> {
  const other: Record<number, string> = {};
  numbers.forEach((number, i) => {
    if (number !== String(i + 1)) other[i] = number;
  });
  return other;
}

/** The position (in file order) of the item numbered `number`, -1 when none is: numbers are unique in a base. */
export function positionOf(base: EditBase, number: string): number {
  for (const at in base.numbers) if (base.numbers[at] === number) return Number(at);
  // Written as its place counted from 1 (String(i + 1) never starts with 0), and that place not numbered otherwise.
  const place = /^[1-9][0-9]*$/.test(number) ? Number(number) - 1 : -1;
  return place >= 0 && place < base.starts.length && base.numbers[place] === undefined ? place : -1;
}

/** The section of the item at `position` (in file order) and its place in that section's list. */
export function sectionOfItem(base: EditBase, position: number): { section: number; place: number } | undefined {
  if (position < 0) return undefined;
  let first = 0;
  for (let section = 0; section < base.sectionSizes.length; section++) {
    const size = base.sectionSizes[section]!;
    if (position < first + size) return { section, place: position - first };
    first += size;
  }
  return undefined;
}

/** The base for the bytes an edit wrote: the item at `position` now `grownBy` bytes longer (or shorter), the items after it moved by as much. */
export function baseAfterEdit(base: EditBase, hash: string, position: number, grownBy: number): EditBase {
  const starts = base.starts.slice();
  for (let i = position + 1; i < starts.length; i++) starts[i] = starts[i]! + grownBy;
  return { ...base, hash, starts };
}

/** Items per section from the section of each item; undefined unless the items follow their sections in order. */
export function sectionSizesOf(sectionOf: readonly number[], sections: number): number[] | undefined {
  const sizes = new Array<number>(sections).fill(0);
  let last = 0;
  for (let i = 0; i < sectionOf.length; i++) {
    const section = sectionOf[i]!;
    if (section < last || section >= sections) return undefined;
    sizes[section]!++;
    last = section;
  }
  return sizes;
}
