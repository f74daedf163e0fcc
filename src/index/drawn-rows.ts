/**
 * A listing view's terminal table as last drawn, row by row (what
 * open/drawn-overdue.ts keeps): for each row, the item chunk it lists,
 * the group it is in, where its line is in the text shown then (an entry of
 * its own, named here), the layout it was drawn in and its cells' widths.
 * After a hand edit the unchanged chunks' lines are taken from that text
 * instead of being made and drawn again. Derived and disposable like the
 * index: the rows stand for the chunk text at the same place of a file with
 * the same skeleton and row setting, and a missing or spoilt text is a miss.
 * Where a line is, is counted in bytes of the text's UTF-8.
 *
 * Stored as one line of JSON (the few strings) and then numbers in binary:
 * the chunk hashes (20 bytes each), five 32-bit numbers a row (place, group,
 * start, length, layout) and the widths as 16-bit numbers, a fixed count a row.
 */
import type { CacheStore } from '../cache/cache-store.js';
import type { DrawnPlace } from '../render/table-doc.js';

/** A width that does not fit 16 bits, or a column the row's table does not have. */
const NO_WIDTH = 0xffff;
const HASH_BYTES = 20;
const META = 5;

interface DrawingHead {
  /** IndexedLedger.identity of the file the rows were drawn for. */
  identity: string;
  /** The cache key of the text the lines are in, and its length in UTF-16 units. */
  text: string;
  textLength: number;
  layouts: string[];
  groups: string[];
  /** Each row's item number. */
  numbers: string[];
  chunks: number;
  /** Widths kept a row (the most columns of a table). */
  stride: number;
  /** Whether compact widths follow the full ones. */
  compact: boolean;
}

/** One row to keep: its cells' widths are `count` numbers from `at` of `widths` (and of `compact`). */
export interface DrawnRowEntry extends DrawnPlace {
  place: number;
  group: string;
  number: string;
  count: number;
}

/** A drawing read back. Row r's cells' widths are `widths` (and `compact`) from r × stride, up to the first NO_WIDTH. */
export interface StoredDrawing {
  identity: string;
  text: string;
  /** The text's length in bytes. */
  textLength: number;
  /** How many chunks the file had, and whether the chunk at `place` has the same hash now. */
  chunks: number;
  sameChunk(place: number, hash: string): boolean;
  rows: number;
  /** Five numbers a row: place, group, start, length, layout (indexes into `groups` and `layouts`). */
  meta: Int32Array;
  groups: string[];
  layouts: string[];
  numbers: string[];
  stride: number;
  widths: Uint16Array;
  compact: Uint16Array | undefined;
}

/** Rows first to last of an earlier drawing, one after another in the new text from `start` as they were in the old. */
export interface CopiedRows {
  from: StoredDrawing;
  first: number;
  last: number;
  start: number;
}

export function keepDrawing(
  cache: CacheStore,
  key: string,
  drawing: { identity: string; text: string; textLength: number; hashes: readonly string[]; rows: readonly (DrawnRowEntry | CopiedRows)[] },
): void {
  const { rows, hashes } = drawing;
  if (hashes.some((hash) => hash.length !== HASH_BYTES * 2)) return;
  let count = 0;
  let stride = 0;
  let compact = true;
  for (const row of rows) {
    const copied = 'from' in row;
    count += copied ? row.last - row.first + 1 : 1;
    stride = Math.max(stride, copied ? row.from.stride : row.count);
    compact &&= copied ? row.from.compact !== undefined : row.compact !== undefined;
  }
  compact &&= count > 0;
  const layouts: string[] = [];
  const groups: string[] = [];
  const numbers: string[] = [];
  const indexOf = (list: string[], text: string, at: Map<string, number>) => {
    let i = at.get(text);
    if (i === undefined) at.set(text, (i = list.push(text) - 1));
    return i;
  };
  const layoutAt = new Map<string, number>();
  const groupAt = new Map<string, number>();
  const meta = new Int32Array(count * META);
  const widths = new Uint16Array(count * stride * (compact ? 2 : 1)).fill(NO_WIDTH);
  const compactFrom = count * stride;
  /** A drawing's group and layout numbers as this one's, worked out once a drawing. */
  const renumbered = new Map<StoredDrawing, { groups: number[]; layouts: number[] }>();
  let r = 0;
  for (const row of rows) {
    if ('from' in row) {
      const from = row.from;
      let numbering = renumbered.get(from);
      if (!numbering) {
        numbering = { groups: from.groups.map((g) => indexOf(groups, g, groupAt)), layouts: from.layouts.map((l) => indexOf(layouts, l, layoutAt)) };
        renumbered.set(from, numbering);
      }
      const shift = row.start - from.meta[row.first * META + 2]!;
      const lines = row.last - row.first + 1;
      meta.set(from.meta.subarray(row.first * META, (row.last + 1) * META), r * META);
      for (let j = 0; j < lines; j++) {
        const at = (r + j) * META;
        meta[at + 1] = numbering.groups[meta[at + 1]!]!;
        meta[at + 2]! += shift;
        meta[at + 4] = numbering.layouts[meta[at + 4]!]!;
        numbers.push(from.numbers[row.first + j]!);
      }
      if (from.stride === stride) {
        widths.set(from.widths.subarray(row.first * stride, (row.last + 1) * stride), r * stride);
        if (compact) widths.set(from.compact!.subarray(row.first * stride, (row.last + 1) * stride), compactFrom + r * stride);
      } else {
        for (let j = 0; j < lines; j++) {
          for (let i = 0; i < from.stride; i++) {
            widths[(r + j) * stride + i] = from.widths[(row.first + j) * from.stride + i]!;
            if (compact) widths[compactFrom + (r + j) * stride + i] = from.compact![(row.first + j) * from.stride + i]!;
          }
        }
      }
      r += lines;
      continue;
    }
    const at = r * META;
    meta[at] = row.place;
    meta[at + 1] = indexOf(groups, row.group, groupAt);
    meta[at + 2] = row.start;
    meta[at + 3] = row.length;
    meta[at + 4] = indexOf(layouts, row.layout, layoutAt);
    numbers.push(row.number);
    for (let i = 0; i < row.count; i++) {
      const full = row.widths[row.at + i]!;
      const short = compact ? row.compact![row.at + i]! : 0;
      // A width past 16 bits cannot be kept: such a drawing is not kept at all.
      if (full >= NO_WIDTH || short >= NO_WIDTH) return;
      widths[r * stride + i] = full;
      if (compact) widths[compactFrom + r * stride + i] = short;
    }
    r++;
  }
  const head: DrawingHead = { identity: drawing.identity, text: drawing.text, textLength: drawing.textLength, layouts, groups, numbers, chunks: hashes.length, stride, compact };
  const hashBytes = Buffer.from(hashes.join(''), 'hex');
  cache.setHeaded(key, head, [hashBytes, new Uint8Array(meta.buffer), new Uint8Array(widths.buffer)]);
}

export function storedDrawing(cache: CacheStore, key: string): StoredDrawing | undefined {
  const entry = cache.getHeaded<DrawingHead>(key);
  if (!entry) return undefined;
  const { head, rest: body } = entry;
  const rows = head.numbers?.length;
  // The hashes first, then the rows' facts, then the widths.
  const metaAt = head.chunks * HASH_BYTES;
  const widthsAt = metaAt + rows * META * 4;
  const widthCount = rows * head.stride * (head.compact ? 2 : 1);
  if (!Number.isInteger(rows) || body.length !== widthsAt + widthCount * 2) return undefined;
  // Copied out: typed arrays need their numbers aligned, and the body's place in its buffer is not.
  const meta = new Int32Array(rows * META);
  new Uint8Array(meta.buffer).set(body.subarray(metaAt, widthsAt));
  const widths = new Uint16Array(widthCount);
  new Uint8Array(widths.buffer).set(body.subarray(widthsAt));
  /** The hashes in hex, one after another: compared in place, without a string a chunk. */
  let order: string | undefined;
  return {
    identity: head.identity,
    text: head.text,
    textLength: head.textLength,
    chunks: head.chunks,
    sameChunk: (place, hash) => place < head.chunks && (order ??= body.toString('hex', 0, metaAt)).startsWith(hash, place * HASH_BYTES * 2),
    rows,
    meta,
    groups: head.groups,
    layouts: head.layouts,
    numbers: head.numbers,
    stride: head.stride,
    widths: widths.subarray(0, rows * head.stride),
    compact: head.compact ? widths.subarray(rows * head.stride) : undefined,
  };
}
