/**
 * One pass over a ledger file for the per-item index: the hash of its bytes,
 * where its items stand (ledger-layout.ts), the identity of everything but the
 * items' text (the skeleton) and the hash of each run of GROUP items. A view
 * reads the file whole and makes the pass only when the index asks for it
 * (readLedgerFile); after a hand edit the index finds most runs from where it
 * last saw them (layout-hint.ts) and cuts only the lines between.
 */
import type { Hash } from 'node:crypto';
import { nodeCrypto } from '../read/node-crypto.js';
import { contentHash, contentHashWithPrefixes } from '../read/content-hash.js';
import { LayoutScan, type ItemExtent, type LedgerLayout } from '../read/ledger-layout.js';
import { readRegularFile } from '../read/read-regular-file.js';
import { isPlainUtf8 } from '../read/decode-text.js';

/**
 * Items per run. The index keeps each run of GROUP items' hash beside the items' own: after a one-item edit
 * every other run is known by one hash of its bytes and its items' own hashes are the stored ones. On 100,000
 * items that is 1,600 hashes instead of 100,000, each a call into node's crypto (a few microseconds apiece).
 */
export const GROUP = 64;

/** A ledger file as one pass over it found it. */
export interface ScannedLedger {
  /** The content hash of the file's bytes (content-hash.ts). */
  hash: string;
  /** The hashes of its beginnings taken with it (contentHashWithPrefixes), when they were. */
  prefixes?: string;
  size: number;
  /** Where its items stand; undefined when its lines do not allow cutting it (ledgerLayout). */
  layout: LedgerLayout | undefined;
  /** Hash of the file with its items cut out: the plan, the sections and where each item stands (its indentation). */
  skeleton: string;
  /** The hash of each run of GROUP items (runHash), in file order. */
  runs: string[];
  /** Where the items stand as numbers, when the pass found them so (from a layout hint): then read instead of `layout.items`. */
  table?: ItemTable;
  /**
   * The file's bytes from `from` to `to`: from memory when it was read whole
   * (`whole`), else read again, when the file may have changed since (hash them
   * to know).
   */
  bytes(from: number, to: number): Uint8Array;
  whole?: Uint8Array;
  /**
   * True while the file is read whole and hashed but not yet cut at its items
   * (readLedgerFile): the pass is made when its layout, skeleton or runs are
   * first asked for, and a layout known from the index may stand in for it
   * (layout-hint.ts).
   */
  readonly pending?: boolean;
}

/**
 * Items' extents as a layout hint keeps them: where each run of GROUP items starts, each item's start and end
 * from its run's start (in pairs: what a run's hash takes after its bytes, runHash) and its indentation. A run
 * moved by an edit before it keeps its items' bounds; only its start moves.
 */
export interface ItemTable {
  starts: Uint32Array;
  bounds: Uint32Array;
  indents: Uint8Array;
  /**
   * The items that do not start where the one before them ends, at its indentation, in order (layout-hint.ts
   * breaksOf; the first item is not listed): between two of them the skeleton holds only the items' marks.
   */
  breaks: number[];
}

/** Where item i of a table starts in the file, and where it ends. */
export const startIn = (table: Pick<ItemTable, 'starts' | 'bounds'>, i: number): number => table.starts[Math.floor(i / GROUP)]! + table.bounds[2 * i]!;
export const endIn = (table: Pick<ItemTable, 'starts' | 'bounds'>, i: number): number => table.starts[Math.floor(i / GROUP)]! + table.bounds[2 * i + 1]!;

/** Where each of items [from, to) starts and ends in the run's bytes (from the first's start): hashed after the bytes. */
function runBounds(items: readonly ItemExtent[], from: number, to: number): Uint32Array {
  const bounds = new Uint32Array(2 * (to - from));
  const first = items[from]!.start;
  for (let k = from; k < to; k++) {
    bounds[2 * (k - from)] = items[k]!.start - first;
    bounds[2 * (k - from) + 1] = items[k]!.end - first;
  }
  return bounds;
}

/** The bytes of a run's bounds, as hashed. */
const boundsBytes = (bounds: Uint32Array) => new Uint8Array(bounds.buffer, bounds.byteOffset, bounds.byteLength);

/** The hash of items [from, to) given their bytes from the first's start to the last's end: as the pass hashes the run. */
export function runHash(bytes: Uint8Array, items: readonly ItemExtent[], from: number, to: number): string {
  return runHashOfBounds(bytes, runBounds(items, from, to));
}

/** runHash of a run whose items' bounds within it are given (start, end, in pairs, from the first's start), as an ItemTable keeps them. */
export function runHashOfBounds(bytes: Uint8Array, bounds: Uint32Array): string {
  return contentHash([bytes, boundsBytes(bounds)]);
}

const SPAN = 0;
const GAP = 1;
const START = 2;
const RESUME = 3;
const END = 4;
/**
 * A step of hashing: bytes of the open run; bytes between items (after the skeleton's marks so far); a run
 * starts at an item; the bytes kept since the run's last item are its own (another of its items follows);
 * the run ends before this item.
 */
type Step = [typeof SPAN, from: number, to: number] | [typeof GAP, from: number, to: number, marks: string] | [typeof START] | [typeof RESUME] | [typeof END, to: number];

/** The skeleton's mark of an item at each usual indentation, made once. */
const MARKS = Array.from({ length: 16 }, (_, indent) => `\0${indent}\0`);
/** The skeleton's mark of an item at this indentation. */
export const markOf = (indent: number) => MARKS[indent] ?? `\0${indent}\0`;

/**
 * The skeleton and run hashes, fed the pieces of the file in order after the
 * layout has read them: the bytes read so far are each an item's (an open
 * item's lines so far are its own) or between items.
 */
class ItemRuns {
  private readonly skeleton = nodeCrypto().createHash('sha1');
  /** Each passed item's mark in the skeleton, not yet hashed: most items have no bytes between them, so marks are hashed in batches. */
  private marks = '';
  /** Bytes of the file before this are walked over (their hashing noted). */
  private cursor = 0;
  /** The first item not yet passed whole, and the first whose start is not yet marked. */
  private next = 0;
  private marked = 0;
  /** Bytes between items walked over since the last item started. */
  private gapped = false;
  /** The open run's hash, from its first item's start. */
  private run: Hash | undefined;
  /** Bytes after an item of the open run: the run's own only if another of its items follows, so kept (copied) until then. */
  private gaps: Uint8Array[] = [];
  readonly runs: string[] = [];

  constructor(private readonly items: readonly ItemExtent[]) {}

  /**
   * Walks over the bytes of one piece, at `base` in the file, whose lines the layout has read; `closed` items of the
   * layout's are whole. The walk over the items only notes what to hash (a few steps a piece), and gives the
   * steps to `hash`: a walk that called into crypto itself took V8 longer to compile than to run.
   */
  walk(piece: Uint8Array, base: number, closed: number): Step[] {
    const items = this.items;
    const end = base + piece.length;
    const steps: Step[] = [];
    let { cursor, next, marked, marks, gapped } = this;
    /** Where the bytes of the open run not yet noted start: items side by side go to its hash in one step. */
    let span = -1;
    while (cursor < end) {
      const k = next;
      const item = items[k];
      if (item && marked === k && cursor === item.start) {
        marks += markOf(item.indent);
        if (k % GROUP === 0) steps.push([START]);
        else if (gapped) steps.push([RESUME]);
        gapped = false;
        marked++;
      }
      if (item && cursor >= item.start) {
        if (span < 0) span = cursor;
        cursor = k < closed ? Math.min(item.end, end) : end;
        if (k < closed && cursor === item.end && ++next % GROUP === 0) {
          steps.push([SPAN, span, cursor], [END, next]);
          span = -1;
        }
        continue;
      }
      if (span >= 0) steps.push([SPAN, span, cursor]);
      span = -1;
      const to = item ? Math.min(item.start, end) : end;
      steps.push([GAP, cursor, to, marks]);
      marks = '';
      gapped = true;
      cursor = to;
    }
    if (span >= 0) steps.push([SPAN, span, cursor]);
    Object.assign(this, { cursor, next, marked, marks, gapped });
    return steps;
  }

  /** Does the steps the walk over a piece noted. */
  hash(steps: readonly Step[], piece: Uint8Array, base: number): void {
    for (const step of steps) this.step(step, piece, base);
  }

  private step(step: Step, piece: Uint8Array, base: number): void {
    switch (step[0]) {
      case SPAN:
        this.run!.update(piece.subarray(step[1] - base, step[2] - base));
        break;
      case GAP: {
        const gap = piece.subarray(step[1] - base, step[2] - base);
        this.skeleton.update(step[3]).update(gap);
        if (this.run) this.gaps.push(Uint8Array.from(gap));
        break;
      }
      case START:
        this.run = nodeCrypto().createHash('sha1');
        this.gaps = [];
        break;
      case RESUME:
        for (const gap of this.gaps) this.run!.update(gap);
        this.gaps = [];
        break;
      case END:
        this.endRun(step[1]);
    }
  }

  /** Ends the open run, whose last item is the one before `to`. */
  private endRun(to: number): void {
    const from = to - 1 - ((to - 1) % GROUP);
    this.runs.push(this.run!.update(boundsBytes(runBounds(this.items, from, to))).digest('hex'));
    this.run = undefined;
    this.gaps = [];
  }

  /** The skeleton's hash once every piece is hashed and the layout finished (its last item closed). */
  finish(): string {
    if (this.run) this.endRun(this.items.length);
    return this.skeleton.update(this.marks).digest('hex');
  }
}

/** The pass over pieces: the layout reads each, then the runs walk it and hash it. */
function scanner(numbers: boolean) {
  const layout = new LayoutScan(numbers);
  const runs = new ItemRuns(layout.items);
  let cuttable = true;
  return {
    piece(piece: Uint8Array, base: number): void {
      if (cuttable && (cuttable = layout.lines(piece, base))) runs.hash(runs.walk(piece, base, layout.open ? layout.items.length - 1 : layout.items.length), piece, base);
    },
    finish(size: number, hash: string, bytes: ScannedLedger['bytes'], whole?: Uint8Array): ScannedLedger {
      const cut = layout.finish(size);
      return { hash, size, layout: cut, skeleton: cut ? runs.finish() : '', runs: cut ? runs.runs : [], bytes, ...(whole ? { whole } : {}) };
    },
  };
}

/** The pass over a ledger's bytes read whole (plain UTF-8: isPlainUtf8), with the numbers on the items' dash lines (an edit finds its item by them) unless told not to. */
export function scanLedgerBytes(bytes: Uint8Array, numbers = true): ScannedLedger {
  const scan = scanner(numbers);
  scan.piece(bytes, 0);
  return scan.finish(bytes.length, contentHash(bytes), (from, to) => bytes.subarray(from, to), bytes);
}

/**
 * A ledger file read whole and hashed, its pass (without the numbers on the
 * dash lines: a view does not need them) made only when first asked for
 * (ScannedLedger.pending); undefined when it is not a plain UTF-8 regular file
 * or cannot be read (read it whole: that reports why).
 */
export function readLedgerFile(path: string): ScannedLedger | undefined {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path);
  } catch {
    return undefined;
  }
  if (!isPlainUtf8(bytes)) return undefined;
  let scanned: ScannedLedger | undefined;
  const scan = () => (scanned ??= scanLedgerBytes(bytes, false));
  const { hash, prefixes } = contentHashWithPrefixes(bytes);
  return {
    hash,
    prefixes,
    size: bytes.length,
    get layout() {
      return scan().layout;
    },
    get skeleton() {
      return scan().skeleton;
    },
    get runs() {
      return scan().runs;
    },
    get pending() {
      return scanned === undefined;
    },
    bytes: (from, to) => bytes.subarray(from, to),
    whole: bytes,
  };
}
