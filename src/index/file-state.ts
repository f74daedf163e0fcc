/**
 * A ledger file and its registry as the per-item index sees them this run:
 * the content key, the skeleton, each item's hash (kept from the stored index
 * for runs of items whose hash is unchanged) and each item's bytes on demand.
 */
import { resolve } from 'node:path';
import { contentKeyOf } from '../cache/fingerprints.js';
import { LedgerChanged } from '../errors.js';
import { contentHash, HASH_LENGTH } from '../read/content-hash.js';
import { isPlainUtf8 } from '../read/decode-text.js';
import type { LedgerLayout } from '../read/ledger-layout.js';
import { readSourceFile } from '../read/read-file.js';
import { endIn, GROUP, runHash, runHashOfBounds, scanLedgerBytes, startIn, type ScannedLedger } from './file-scan.js';
import { ItemHashes } from './item-hashes.js';
import { hintedScan, hintOf, type LayoutHint } from './layout-hint.js';

export interface FileState {
  /** Content hash of the ledger's bytes, and of the registry's ('' when inline). */
  hash: string;
  registryHash: string;
  contentKey: string;
  skeleton: string;
  /** The ledger's bytes, when read whole. */
  whole?: Uint8Array;
  /** Item i's bytes (LedgerChanged when the file no longer holds them). */
  chunk(i: number): Uint8Array;
  hashes: ItemHashes;
  /** The hash of each run of GROUP items (runHash), one after another. */
  groups: string;
  /** The number written on each item's dash line (none when the pass did not read them: a view's), and where that line starts. */
  readonly numbers: (string | undefined)[];
  readonly starts: number[];
  eol: LedgerLayout['eol'];
  setting: string;
  /** Where this text's items stand, for the next run to find them (layout-hint.ts), as kept for the index `stamp`. */
  hint(stamp: string): LayoutHint | undefined;
}

/** What every row depends on besides its item (the stored index's setting). */
export const rowsSetting = (registryHash: string, calendar: string, today: string, cwd: string) => `${registryHash}|${calendar}|${today}|${cwd}`;

/** The pass over bytes read whole; undefined unless plain UTF-8 without a byte-order mark (other encodings are decoded by the whole load). */
export function scanOfBytes(bytes: Uint8Array | undefined): ScannedLedger | undefined {
  if (bytes === undefined || (bytes[0] === 0xef && bytes[1] === 0xbb) || !isPlainUtf8(bytes)) return undefined;
  return scanLedgerBytes(bytes);
}

/**
 * The ledger's state from one pass over it (`scanned`, else read whole now)
 * and its registry's bytes; undefined when the layout does not allow cutting
 * it, or when a run read again is not as the pass found it. `stored`: the
 * stored index's item hashes and run hashes, kept for runs whose hash is the same;
 * `hint`: where the index last saw the items, for a file read but not yet cut.
 */
export function fileState(
  file: string,
  registryFile: string,
  calendar: string,
  today: string,
  cwd: string,
  scanned: ScannedLedger | undefined,
  stored?: { order: ItemHashes; groups?: string },
  hint?: LayoutHint,
): FileState | undefined {
  const given = scanned ?? scanOfBytes(readSourceFile(file, { allowLegacy: false, cwd }).bytes);
  const ledger = (hint && given && hintedScan(given, hint)) || given;
  const layout = ledger?.layout;
  if (!ledger || !layout) return undefined;
  // Where the items stand: the pass's table when it has one (a layout hint's), else its items.
  const table = ledger.table;
  const items = table ? undefined : layout.items;
  const count = table ? table.indents.length : items!.length;
  if (!count) return undefined;
  const startOf = (i: number): number => (table ? startIn(table, i) : items![i]!.start);
  const endOf = (i: number): number => (table ? endIn(table, i) : items![i]!.end);
  const sources = [{ file, hash: ledger.hash }];
  let registryHash = '';
  if (resolve(cwd, registryFile) !== resolve(cwd, file)) {
    const registry = readSourceFile(registryFile, { allowLegacy: false, cwd });
    if (registry.bytes === undefined) return undefined;
    registryHash = contentHash(registry.bytes);
    sources.push({ file: registryFile, hash: registryHash });
  }
  /** The items' hashes in order: the stored ones of a run whose hash is the same, else each hashed here. */
  const hashes: string[] = [];
  const reuse = stored?.groups !== undefined && stored.order.length === count && stored.groups.length === ledger.runs.length * HASH_LENGTH ? stored : undefined;
  /** The bytes of the runs whose items were hashed here, by run. */
  const read = new Map<number, { from: number; bytes: Uint8Array }>();
  for (let g = 0; g < ledger.runs.length; g++) {
    const from = g * GROUP;
    const to = Math.min(count, from + GROUP);
    if (reuse?.groups!.startsWith(ledger.runs[g]!, g * HASH_LENGTH)) {
      hashes.push(reuse.order.span(from, to));
      continue;
    }
    const first = startOf(from);
    const bytes = ledger.bytes(first, endOf(to - 1));
    // Read again from the file: the items hashed must be the bytes the pass hashed.
    if (!ledger.whole && (table ? runHashOfBounds(bytes, table.bounds.subarray(2 * from, 2 * to)) : runHash(bytes, items!, from, to)) !== ledger.runs[g]) return undefined;
    for (let k = from; k < to; k++) hashes.push(contentHash(bytes.subarray(startOf(k) - first, endOf(k) - first)));
    read.set(g, { from: first, bytes });
  }
  const hashed = ItemHashes.of(hashes.join(''))!;
  const chunk = (i: number): Uint8Array => {
    const start = startOf(i);
    const end = endOf(i);
    const run = read.get(Math.floor(i / GROUP));
    if (run) return run.bytes.subarray(start - run.from, end - run.from);
    const bytes = ledger.bytes(start, end);
    if (!ledger.whole && contentHash(bytes) !== hashed.at(i)) throw new LedgerChanged();
    return bytes;
  };
  return {
    hash: ledger.hash,
    registryHash,
    contentKey: contentKeyOf(sources, cwd),
    skeleton: ledger.skeleton,
    ...(ledger.whole ? { whole: ledger.whole } : {}),
    chunk,
    hashes: hashed,
    groups: ledger.runs.join(''),
    // Only an edit's base reads these: a view does not make two arrays of every item.
    get numbers() {
      return layout.items.map((item) => item.number);
    },
    get starts() {
      return Array.from({ length: count }, (_, i) => startOf(i));
    },
    eol: layout.eol,
    setting: rowsSetting(registryHash, calendar, today, cwd),
    hint: (stamp) => hintOf(stamp, ledger),
  };
}
