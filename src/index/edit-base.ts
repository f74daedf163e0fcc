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
import { contentHash } from '../read/content-hash.js';

/**
 * Items in each part of the file a base keeps the hash of (EditBase.parts). An edit hashes again only the
 * part its item is in (a few hundred KB), not the file it wrote (6 MB at 10,000 items, 3.5 ms; ten times that
 * at 100,000), and the next edit hashes the file once, part by part, to know it is still those bytes.
 */
export const PART_ITEMS = 512;

/**
 * For the bytes `parts` names: the layout (read/ledger-layout.ts) cuts them
 * into the items whose dash lines start at `starts`, with the numbers
 * `numbers` written on those lines, no number twice; each item's text reads
 * on its own as one item of that number; and the file read whole gives the
 * same value as its plan, sections and items read apart.
 */
export interface EditBase {
  /**
   * The bytes this holds for, as the content hash (content-hash.ts) of each of their parts one after another
   * (partHashes): the first part from the file's start, each next one from every PART_ITEMS-th item's dash line
   * (`starts`), the last to the file's end. The parts make up the bytes, so other bytes have other hashes.
   */
  parts: string;
  /** The length of those bytes: bytes of another length are not them, and need no hashing to tell (a hand edit, mostly). */
  size: number;
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
  // Read and written by edits alone, which load node:crypto to hash the ledger: checked with sha256.
  cache.set(cacheKeys.editBase(resolve(cwd, file)), { ...base, starts } satisfies StoredEditBase, { sha256: true });
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

/** Where part `part` of bytes of `size` cut at `starts` begins and ends (EditBase.parts). */
function partBounds(starts: Uint32Array, size: number, part: number): [number, number] {
  const next = (part + 1) * PART_ITEMS;
  return [part === 0 ? 0 : starts[part * PART_ITEMS]!, next < starts.length ? starts[next]! : size];
}

/** How many parts bytes cut at `starts` have: one at least (the file's start to its end). */
const partCount = (starts: Uint32Array) => Math.max(1, Math.ceil(starts.length / PART_ITEMS));

/** Whether a base holds for these bytes: of its size, and each of their parts of the hash it has. */
export function holdsFor(base: EditBase, bytes: Uint8Array): boolean {
  return base.size === bytes.length && base.parts === partHashes(bytes, base.starts);
}

/** The hashes of the parts of `bytes` cut at `starts` (EditBase.parts); undefined when the starts do not fall in order within the bytes. */
export function partHashes(bytes: Uint8Array, starts: Uint32Array): string | undefined {
  let hashes = '';
  for (let part = 0; part < partCount(starts); part++) {
    const [from, to] = partBounds(starts, bytes.length, part);
    if (from > to || to > bytes.length) return undefined;
    hashes += contentHash(bytes.subarray(from, to));
  }
  return hashes;
}

/**
 * The base for the bytes an edit wrote (`content`, in pieces): the item at `position` now `grownBy` bytes longer
 * (or shorter), the items after it moved by as much, and the hash of its part taken anew (the other parts hold
 * the same bytes as before, moved).
 */
export function baseAfterEdit(base: EditBase, content: readonly Uint8Array[], position: number, grownBy: number): EditBase {
  const starts = base.starts.slice();
  for (let i = position + 1; i < starts.length; i++) starts[i] = starts[i]! + grownBy;
  const part = Math.floor(position / PART_ITEMS);
  const size = content.reduce((sum, piece) => sum + piece.length, 0);
  const [from, to] = partBounds(starts, size, part);
  // The part's bytes, from the pieces they lie in.
  const pieces: Uint8Array[] = [];
  let at = 0;
  for (const piece of content) {
    const [start, end] = [Math.max(from - at, 0), Math.min(to - at, piece.length)];
    if (start < end) pieces.push(piece.subarray(start, end));
    at += piece.length;
  }
  const hashLength = base.parts.length / partCount(base.starts);
  // Joined (a part is a few hundred KB): one bytes hashed at once, without a Hash object (content-hash.ts).
  const parts = base.parts.slice(0, part * hashLength) + contentHash(Buffer.concat(pieces)) + base.parts.slice((part + 1) * hashLength);
  return { ...base, parts, size, starts };
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
