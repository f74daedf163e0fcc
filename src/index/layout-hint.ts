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
import { LayoutScan, type ItemExtent } from '../read/ledger-layout.js';
import { GROUP, markOf, runHash, runHashOfPairs, type ScannedLedger } from './file-scan.js';

/** Length of a run's hash (sha1, hex). */
const RUN_HASH = 40;

/** The layout of one text of a ledger file, for the index `stamp` names. */
export interface LayoutHint {
  stamp: string;
  size: number;
  /** Each item's start and end (in pairs) and indentation. */
  extents: Uint32Array;
  indents: Uint8Array;
  /** The hash of each run of GROUP items, one after another, and the skeleton's (file-scan.ts). */
  runs: string;
  skeleton: string;
}

/** The hint for a text cut at its items; undefined for a text with CR LF line ends (whose line ends the cut of a part does not see) or deep indentation. */
export function hintOf(stamp: string, scanned: Pick<ScannedLedger, 'size' | 'layout' | 'runs' | 'skeleton'>): LayoutHint | undefined {
  const layout = scanned.layout;
  if (!layout || layout.eol !== '\n' || scanned.size > 0xffffffff) return undefined;
  const items = layout.items;
  const extents = new Uint32Array(2 * items.length);
  const indents = new Uint8Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.indent > 0xff) return undefined;
    extents[2 * i] = item.start;
    extents[2 * i + 1] = item.end;
    indents[i] = item.indent;
  }
  return { stamp, size: scanned.size, extents, indents, runs: scanned.runs.join(''), skeleton: scanned.skeleton };
}

/** What a stored hint's first line holds; its offsets and indentations follow as they are in memory (32-bit offsets, then bytes). */
type HintHead = Omit<LayoutHint, 'extents' | 'indents'> & { count: number };

export function keepLayoutHint(cache: CacheStore, file: string, cwd: string, hint: LayoutHint | undefined): void {
  const key = cacheKeys.itemIndexLayout(resolve(cwd, file));
  if (!hint) {
    cache.forget(key);
    return;
  }
  const { extents, indents, ...rest } = hint;
  cache.setHeaded(key, { ...rest, count: indents.length } satisfies HintHead, [new Uint8Array(extents.buffer, extents.byteOffset, extents.byteLength), indents]);
}

/** The hint kept for a file's index `stamp`; undefined when there is none for it. */
export function storedLayoutHint(cache: CacheStore, file: string, cwd: string, stamp: string): LayoutHint | undefined {
  const entry = cache.getHeaded<HintHead>(cacheKeys.itemIndexLayout(resolve(cwd, file)));
  if (!entry) return undefined;
  const { head, rest: bytes } = entry;
  if (head.stamp !== stamp || bytes.length !== 9 * head.count) return undefined;
  const { count, ...rest } = head;
  // Copied to a buffer of its own: 32-bit numbers are read from a multiple of 4 bytes.
  const extents = new Uint32Array(Uint8Array.from(bytes.subarray(0, 8 * count)).buffer);
  return { ...rest, extents, indents: bytes.subarray(8 * count) };
}

/**
 * The pass over a file read whole (`read`, not yet cut: ScannedLedger.pending)
 * worked out from a hint of an earlier text of it: the same items, skeleton
 * and runs as cutting the whole text gives, or undefined when the hint cannot
 * vouch for them (then cut the whole text).
 *
 * The runs that hash as they did where they stood make an unchanged start of
 * the file; those that hash as they did as far from its end make an unchanged
 * end; the lines between are cut alone. That cut stands for the whole one when
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
  const { extents, indents } = hint;
  const count = indents.length;
  const groups = Math.ceil(count / GROUP);
  if (!count || extents.length !== 2 * count || hint.runs.length !== groups * RUN_HASH) return undefined;
  const shift = bytes.length - hint.size;
  const lastOf = (g: number) => Math.min(count, (g + 1) * GROUP) - 1;
  /** Item i as the hint has it, moved by `by`. */
  const itemAt = (i: number, by: number): ItemExtent => ({ start: extents[2 * i]! + by, end: extents[2 * i + 1]! + by, indent: indents[i]! });
  /** Whether run g's bytes, moved by `by`, hash as they did (its items' bounds within it are the same wherever it stands). */
  const stands = (g: number, by: number): boolean => {
    const from = extents[2 * g * GROUP]! + by;
    const to = extents[2 * lastOf(g) + 1]! + by;
    return from >= 0 && to <= bytes.length && hint.runs.startsWith(runHashOfPairs(bytes.subarray(from, to), extents.subarray(2 * g * GROUP, 2 * lastOf(g) + 2)), g * RUN_HASH);
  };
  let first = 0;
  while (first < groups && stands(first, 0)) first++;
  const items: ItemExtent[] = [];
  /** Runs first to last (inclusive) are hashed anew. */
  let last = first - 1;
  if (first === groups) {
    // Every run where it stood: only the text between items may have changed (the skeleton tells).
    if (shift !== 0) return undefined;
    for (let i = 0; i < count; i++) items.push(itemAt(i, 0));
  } else {
    last = groups - 1;
    while (last >= first && stands(last, shift)) last--;
    if (last < first) return undefined;
    const from = extents[2 * first * GROUP]!;
    const to = extents[2 * lastOf(last) + 1]! + shift;
    const cut = cutPart(bytes, from, to);
    const replaced = lastOf(last) + 1 - first * GROUP;
    if (!cut || cut.length !== replaced || cut[0]!.start !== from || cut[0]!.indent !== indents[first * GROUP] || cut[cut.length - 1]!.indent !== indents[lastOf(last)]) return undefined;
    for (let i = 0; i < first * GROUP; i++) items.push(itemAt(i, 0));
    for (const item of cut) items.push(item);
    for (let i = lastOf(last) + 1; i < count; i++) items.push(itemAt(i, shift));
  }
  const runs: string[] = [];
  for (let g = 0; g < groups; g++) {
    const to = lastOf(g) + 1;
    runs.push(g < first || g > last ? hint.runs.slice(g * RUN_HASH, (g + 1) * RUN_HASH) : runHash(bytes.subarray(items[g * GROUP]!.start, items[to - 1]!.end), items, g * GROUP, to));
  }
  const skeleton = skeletonHash(bytes, items);
  if (skeleton !== hint.skeleton) return undefined;
  return { hash: read.hash, size: bytes.length, layout: { items, eol: '\n' }, skeleton, runs, bytes: read.bytes, whole: bytes };
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

/** The skeleton's hash (file-scan.ts ItemRuns) of a text cut at these items: the text between them, with each item's mark. */
function skeletonHash(bytes: Uint8Array, items: readonly ItemExtent[]): string {
  const skeleton: Hash = nodeCrypto().createHash('sha1');
  /** Marks not yet hashed: `repeated` items side by side at `indent` after `marks` (most items of a ledger). */
  let marks = '';
  let indent = -1;
  let repeated = 0;
  const flush = () => {
    marks += markOf(indent).repeat(repeated);
    repeated = 0;
  };
  let cursor = 0;
  // An index loop: `for … of` over 10,000 items makes a result object a step in a short run's interpreted code (360 KB to collect).
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.start > cursor || item.indent !== indent) {
      flush();
      if (item.start > cursor) {
        skeleton.update(marks).update(bytes.subarray(cursor, item.start));
        marks = '';
      }
      indent = item.indent;
    }
    repeated++;
    cursor = item.end;
  }
  flush();
  if (bytes.length > cursor) {
    skeleton.update(marks).update(bytes.subarray(cursor));
    marks = '';
  }
  return skeleton.update(marks).digest('hex');
}
