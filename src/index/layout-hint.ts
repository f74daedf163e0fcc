/**
 * Where the per-item index last saw a ledger file's items, and each run's
 * hash, kept so that a run after a hand edit need not cut the whole file at
 * its items again (ledger-layout.ts reads every line: most of a view's work
 * after an edit, its loop still bytecode in a new process). The runs before
 * the edit are found where they stood, the runs after it as far from the end
 * of the file as they stood, each by its hash; only the lines of the runs
 * between are cut. Derived and disposable like the index: without it, or
 * whenever it cannot vouch, the whole file is cut.
 */
import type { Hash } from 'node:crypto';
import { resolve } from 'node:path';
import type { CacheStore } from '../cache/cache-store.js';
import { cacheKeys } from '../cache/cache-keys.js';
import { nodeCrypto } from '../read/node-crypto.js';
import { HASH_LENGTH, PREFIX_STEP } from '../read/content-hash.js';
import { LayoutScan, type ItemExtent } from '../read/ledger-layout.js';
import { endIn, GROUP, markOf, runHashOfBounds, startIn, type ItemTable, type ScannedLedger } from './file-scan.js';

/** The layout of one text of a ledger file, for the index `stamp` names. */
export interface LayoutHint {
  stamp: string;
  size: number;
  /** Where its items stand (ItemTable), their breaks absent from a hint kept before they were. */
  starts: Uint32Array;
  bounds: Uint32Array;
  indents: Uint8Array;
  breaks?: number[];
  /** The hash of each run of GROUP items, one after another, and the skeleton's (file-scan.ts). */
  runs: string;
  skeleton: string;
  /** The hashes of the text's beginnings (contentHashWithPrefixes), one after another; '' when not taken. */
  prefixes: string;
}

/** The hint for a text cut at its items; undefined for a text with CR LF line ends (whose line ends the cut of a part does not see) or deep indentation. */
export function hintOf(stamp: string, scanned: Pick<ScannedLedger, 'size' | 'layout' | 'runs' | 'skeleton' | 'table' | 'prefixes'>): LayoutHint | undefined {
  const layout = scanned.layout;
  if (!layout || layout.eol !== '\n' || scanned.size > 0xffffffff) return undefined;
  const text = { stamp, size: scanned.size, runs: scanned.runs.join(''), skeleton: scanned.skeleton, prefixes: scanned.prefixes ?? '' };
  // A text found from a hint has its items as a hint keeps them already.
  if (scanned.table) return { ...text, ...scanned.table };
  const items = layout.items;
  const starts = new Uint32Array(Math.ceil(items.length / GROUP));
  const bounds = new Uint32Array(2 * items.length);
  const indents = new Uint8Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.indent > 0xff) return undefined;
    if (i % GROUP === 0) starts[i / GROUP] = item.start;
    const start = starts[Math.floor(i / GROUP)]!;
    bounds[2 * i] = item.start - start;
    bounds[2 * i + 1] = item.end - start;
    indents[i] = item.indent;
  }
  const located = { starts, bounds, indents };
  return { ...text, ...located, breaks: breaksOf(located, 1, items.length) };
}

/** ItemTable.breaks among items [from, to) (from at least 1). */
function breaksOf(table: Omit<ItemTable, 'breaks'>, from: number, to: number): number[] {
  const { indents } = table;
  const breaks: number[] = [];
  for (let i = from; i < to; i++) if (startIn(table, i) !== endIn(table, i - 1) || indents[i] !== indents[i - 1]) breaks.push(i);
  return breaks;
}

/** What a stored hint's first line holds; the runs' starts, the items' bounds and indentations follow as they are in memory (32-bit numbers, then bytes). */
type HintHead = Omit<LayoutHint, 'starts' | 'bounds' | 'indents'> & { count: number };

export function keepLayoutHint(cache: CacheStore, file: string, cwd: string, hint: LayoutHint | undefined): void {
  const key = cacheKeys.itemIndexLayout(resolve(cwd, file));
  if (!hint) {
    cache.forget(key);
    return;
  }
  const { starts, bounds, indents, ...rest } = hint;
  const bytesOf = (numbers: Uint32Array) => new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength);
  cache.setHeaded(key, { ...rest, count: indents.length } satisfies HintHead, [bytesOf(starts), bytesOf(bounds), indents]);
}

/** The hint kept for a file's index `stamp`; undefined when there is none for it. */
export function storedLayoutHint(cache: CacheStore, file: string, cwd: string, stamp: string): LayoutHint | undefined {
  const entry = cache.getHeaded<HintHead>(cacheKeys.itemIndexLayout(resolve(cwd, file)));
  if (!entry) return undefined;
  const { head, rest: bytes } = entry;
  const groups = Math.ceil(head.count / GROUP);
  if (head.stamp !== stamp || bytes.length !== 4 * groups + 9 * head.count) return undefined;
  const { count, prefixes, breaks, ...rest } = head;
  // Copied to arrays of their own: 32-bit numbers are read from a multiple of 4 bytes, and a scan from the hint
  // changes its copy of them (a Buffer's slice would share the entry's bytes).
  const numbers = (from: number, to: number) => new Uint32Array(Uint8Array.from(bytes.subarray(from, to)).buffer);
  const starts = numbers(0, 4 * groups);
  const bounds = numbers(4 * groups, 4 * groups + 8 * count);
  const indents = Uint8Array.from(bytes.subarray(4 * groups + 8 * count));
  // A hint kept before it had the hashes of its beginnings or its breaks has none to offer.
  return { ...rest, prefixes: typeof prefixes === 'string' ? prefixes : '', ...(Array.isArray(breaks) ? { breaks } : {}), starts, bounds, indents };
}

/**
 * The pass over a file read whole (`read`, not yet cut: ScannedLedger.pending)
 * worked out from a hint of an earlier text of it: the same items, skeleton
 * and runs as cutting the whole text gives, or undefined when the hint cannot
 * vouch for them (then cut the whole text).
 *
 * The runs that hash as they did where they stood make an unchanged start of
 * the file (those within a beginning of it that hashes as the hinted text's,
 * contentHashWithPrefixes, are not hashed again); those that hash as they did
 * as far from its end make an unchanged end; the lines between are cut alone. That cut stands for the whole one when
 * it starts with an item at the column of the first item it replaces (so the
 * unchanged start ends where it ended, and the list goes on), holds as many
 * items, and ends inside an item at the column of the last one it replaces
 * (so the unchanged end starts in the same list at the same column, and is cut
 * as before). All of that holds only if the text between the items is as it
 * was: the skeleton, hashed anew from it, must be the hint's (an edit of a
 * heading or the plan is left to the whole cut). The text is then the hinted
 * one with the lines of those runs replaced, which the whole cut would cut
 * where this one does.
 */
export function hintedScan(read: ScannedLedger, hint: LayoutHint): ScannedLedger | undefined {
  const bytes = read.whole;
  if (!read.pending || !bytes) return undefined;
  const { starts, bounds, indents } = hint;
  const count = indents.length;
  const groups = Math.ceil(count / GROUP);
  if (!count || starts.length !== groups || bounds.length !== 2 * count || hint.runs.length !== groups * HASH_LENGTH) return undefined;
  const shift = bytes.length - hint.size;
  const lastOf = (g: number) => Math.min(count, (g + 1) * GROUP) - 1;
  /** Run g's items' bounds within it, as hashed after its bytes (the same wherever it stands). */
  const boundsOf = (g: number, table: Pick<ItemTable, 'bounds'>) => table.bounds.subarray(2 * g * GROUP, 2 * lastOf(g) + 2);
  /** Where run g ends in the hinted text. */
  const endOf = (g: number) => starts[g]! + bounds[2 * lastOf(g) + 1]!;
  /** Whether run g's bytes, moved by `by`, hash as they did. */
  const stands = (g: number, by: number): boolean => {
    const from = starts[g]! + by;
    const to = endOf(g) + by;
    return from >= 0 && to <= bytes.length && hint.runs.startsWith(runHashOfBounds(bytes.subarray(from, to), boundsOf(g, hint)), g * HASH_LENGTH);
  };
  /**
   * How many first bytes are the hinted text's, as far as the hashes of both texts' beginnings tell: the runs
   * within them stand without hashing them (what the whole cut would find too, as they hash as they did).
   */
  const same = PREFIX_STEP * sameBeginnings(read.prefixes ?? '', hint.prefixes);
  let first = 0;
  while (first < groups && (endOf(first) <= same || stands(first, 0))) first++;
  // The items as the hint has them (as typed arrays, not an object an item: 10,000 objects that survived a
  // young-generation collection or two were a good part of such a run's collecting), then those that moved:
  // a run after the edit moves whole, its items' bounds within it the same.
  const table: ItemTable = { starts: starts.slice(), bounds: bounds.slice(), indents: indents.slice(), breaks: [] };
  /** Runs first to last (inclusive) are hashed anew. */
  let last = first - 1;
  if (first === groups) {
    // Every run where it stood: only the text between items may have changed (the skeleton tells).
    if (shift !== 0) return undefined;
  } else {
    last = groups - 1;
    while (last >= first && stands(last, shift)) last--;
    if (last < first) return undefined;
    const from = starts[first]!;
    const to = endOf(last) + shift;
    const cut = cutPart(bytes, from, to);
    const replaced = lastOf(last) + 1 - first * GROUP;
    if (!cut || cut.length !== replaced || cut[0]!.start !== from || cut[0]!.indent !== indents[first * GROUP] || cut[cut.length - 1]!.indent !== indents[lastOf(last)]) return undefined;
    // Item first * GROUP starts a run: each run's start is set before its items' bounds from it.
    for (let k = 0; k < cut.length; k++) {
      const i = first * GROUP + k;
      const g = Math.floor(i / GROUP);
      if (i % GROUP === 0) table.starts[g] = cut[k]!.start;
      table.bounds[2 * i] = cut[k]!.start - table.starts[g]!;
      table.bounds[2 * i + 1] = cut[k]!.end - table.starts[g]!;
      table.indents[i] = cut[k]!.indent;
    }
    for (let g = last + 1; g < groups; g++) table.starts[g] = starts[g]! + shift;
  }
  /**
   * The breaks: the hint's among the items before the runs hashed anew and among those after them (each
   * beside another that moved with it, if at all), found anew from the first item of those runs to the
   * first after them. A hint without them has them found among all items.
   */
  const lo = first * GROUP;
  const hi = Math.min(count - 1, (last + 1) * GROUP);
  table.breaks = hint.breaks ? [...hint.breaks.filter((i) => i < lo), ...breaksOf(table, Math.max(lo, 1), hi + 1), ...hint.breaks.filter((i) => i > hi)] : breaksOf(table, 1, count);
  const runs: string[] = [];
  for (let g = 0; g < groups; g++) {
    runs.push(g < first || g > last ? hint.runs.slice(g * HASH_LENGTH, (g + 1) * HASH_LENGTH) : runHashOfBounds(bytes.subarray(table.starts[g]!, endIn(table, lastOf(g))), boundsOf(g, table)));
  }
  const skeleton = skeletonHash(bytes, table);
  if (skeleton !== hint.skeleton) return undefined;
  let items: ItemExtent[] | undefined;
  return {
    hash: read.hash,
    ...(read.prefixes !== undefined ? { prefixes: read.prefixes } : {}),
    size: bytes.length,
    layout: {
      // Made only when asked for (the index reads the table).
      get items() {
        return (items ??= itemsOf(table));
      },
      eol: '\n',
    },
    table,
    skeleton,
    runs,
    bytes: read.bytes,
    whole: bytes,
  };
}

/** How many of the hashes of two texts' beginnings, from the first, are the same. */
function sameBeginnings(these: string, those: string): number {
  const shared = Math.floor(Math.min(these.length, those.length) / HASH_LENGTH);
  let k = 0;
  while (k < shared && these.startsWith(those.slice(k * HASH_LENGTH, (k + 1) * HASH_LENGTH), k * HASH_LENGTH)) k++;
  return k;
}

/** The items of a table, as a layout gives them. */
function itemsOf(table: ItemTable): ItemExtent[] {
  const items = new Array<ItemExtent>(table.indents.length);
  for (let i = 0; i < items.length; i++) items[i] = { start: startIn(table, i), end: endIn(table, i), indent: table.indents[i]! };
  return items;
}

/**
 * The items of bytes `from` to `to` cut alone, as entries of a list (under an
 * `items:` key of its own), the last one still open at `to`; undefined unless
 * so, or when the part has CR LF line ends (the hint is for a text without).
 */
function cutPart(bytes: Uint8Array, from: number, to: number): ItemExtent[] | undefined {
  const key = 'items:\n';
  if (from < key.length) return undefined;
  const part = bytes.subarray(from, to);
  if (Buffer.from(part.buffer, part.byteOffset, part.length).includes('\r\n')) return undefined;
  const scan = new LayoutScan(false);
  if (!scan.lines(key, from - key.length) || !scan.lines(part, from) || !scan.open) return undefined;
  return scan.finish(to)?.items;
}

/**
 * The skeleton's hash (file-scan.ts ItemRuns) of a text cut at these items: the text between them, with each
 * item's mark. Only the breaks are visited: the items from one to the next sit side by side at one
 * indentation, their marks one after another (a loop over 10,000 items was a millisecond of a short run).
 */
function skeletonHash(bytes: Uint8Array, table: ItemTable): string {
  const { indents, breaks } = table;
  const skeleton: Hash = nodeCrypto().createHash('sha1');
  /** Marks not yet hashed. */
  let marks = '';
  let cursor = 0;
  for (let b = -1; b < breaks.length; b++) {
    const from = b < 0 ? 0 : breaks[b]!;
    const to = b + 1 < breaks.length ? breaks[b + 1]! : indents.length;
    const start = startIn(table, from);
    if (start > cursor) {
      skeleton.update(marks).update(bytes.subarray(cursor, start));
      marks = '';
    }
    marks += markOf(indents[from]!).repeat(to - from);
    cursor = endIn(table, to - 1);
  }
  if (bytes.length > cursor) {
    skeleton.update(marks).update(bytes.subarray(cursor));
    marks = '';
  }
  return skeleton.update(marks).digest('hex');
}
