import { ledgerLayout } from './ledger-layout.js';
import { loadYamlValue } from './load-yaml-value.js';
import { parseItemFast } from './parse-item-fast.js';

/** The hash of the chunk each item value was parsed from (values built anew, as clones, are not in it). */
const chunkHashes = new WeakMap<object, string>();

/** The hash of the item text a value was parsed from, when it came from a chunk. */
export function chunkHashOf(value: unknown): string | undefined {
  return value !== null && typeof value === 'object' ? chunkHashes.get(value) : undefined;
}

const markChunk = (value: unknown, hash: string) => {
  if (value !== null && typeof value === 'object') chunkHashes.set(value, hash);
  return value;
};

/** What an earlier parse of the same file left: each item chunk's value by the hash of its text. */
export interface ChunkTable {
  /** The placeholder standing for the items in the skeleton. */
  placeholder: string;
  /** Hash of the skeleton text (the file with every item replaced by a placeholder) and its value. */
  skeleton: { hash: string; value: unknown };
  /** Item chunks in file order, by hash. */
  order: string[];
  values: Record<string, unknown>;
}

export interface Split {
  skeleton: string;
  chunks: string[];
  /** Offset of each chunk in the text. */
  starts: number[];
  /** Where each chunk's placeholder line starts and ends in the skeleton: the skeleton is the text but for these lines. */
  entries: [number, number][];
  placeholder: string;
}

/**
 * Cuts a ledger text at its items (read/ledger-layout.ts). The skeleton is the
 * text with each item replaced by a one-line entry holding a placeholder.
 */
export function splitAtItems(text: string): Split | undefined {
  const layout = ledgerLayout(text, { numbers: false });
  if (!layout) return undefined;
  const placeholder = placeholderFor(text);
  const skeleton: string[] = [];
  const entries: [number, number][] = [];
  let copiedTo = 0;
  let length = 0;
  layout.items.forEach((item, i) => {
    const entry = `${' '.repeat(item.indent)}- ${placeholder}${i}\n`;
    skeleton.push(text.slice(copiedTo, item.start), entry);
    length += item.start - copiedTo;
    entries.push([length, length + entry.length]);
    length += entry.length;
    copiedTo = item.end;
  });
  skeleton.push(text.slice(copiedTo));
  return { skeleton: skeleton.join(''), chunks: layout.items.map((item) => text.slice(item.start, item.end)), starts: layout.items.map((item) => item.start), entries, placeholder };
}

/** Deterministic, so an unchanged skeleton has the same text and can be reused; never a string the file contains. */
function placeholderFor(text: string): string {
  let placeholder = 'gkchunk';
  while (text.includes(placeholder)) placeholder += 'x';
  return placeholder + '_';
}

/** Replaces every placeholder entry in the skeleton's value by its chunk's value; false unless each is used exactly once. */
function fillPlaceholders(value: unknown, placeholder: string, values: unknown[]): boolean {
  const used = new Array<boolean>(values.length).fill(false);
  let ok = true;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const element = node[i];
        if (typeof element === 'string' && element.startsWith(placeholder)) {
          const index = Number(element.slice(placeholder.length));
          if (!Number.isInteger(index) || index < 0 || index >= values.length || used[index]) ok = false;
          else {
            used[index] = true;
            node[i] = values[index];
          }
        } else walk(element);
      }
    } else if (node !== null && typeof node === 'object') {
      for (const child of Object.values(node)) walk(child);
    } else if (typeof node === 'string' && node.includes(placeholder)) ok = false;
  };
  walk(value);
  return ok && used.every(Boolean);
}

/**
 * Parses a ledger item by item, reusing the values of items whose text is
 * unchanged since `previous`. Returns undefined whenever the layout does not
 * allow it (directives, tabs, anchors, a chunk that does not stand alone, a
 * placeholder that did not land as a whole entry): the caller then parses the
 * whole file, which is the reference this must equal. Unless `keep`, nothing
 * is kept for a later run: no table, no hashes, and chunkHashOf knows none of the values.
 */
export function parseInChunks(text: string, hash: (text: string) => string, previous?: ChunkTable, keep = true): { value: unknown; table?: ChunkTable } | undefined {
  if (!keep) {
    try {
      return parseOnce(text);
    } catch {
      return undefined;
    }
  }
  const split = splitAtItems(text);
  if (!split || !split.chunks.length) return undefined;
  try {
    const order = split.chunks.map(hash);
    const values: Record<string, unknown> = {};
    const chunkValues = split.chunks.map((chunk, i) => {
      const key = order[i]!;
      if (key in values) return markChunk(structuredClone(values[key]), key);
      const known = previous?.values[key];
      const value = known !== undefined ? known : parseChunk(chunk);
      values[key] = value;
      return markChunk(value, key);
    });
    if (chunkValues.includes(undefined)) return undefined;
    // The skeleton's text changes only when items are added or removed, or the plan or sections change.
    const skeletonHash = hash(split.skeleton);
    const skeletonValue = previous?.skeleton.hash === skeletonHash && previous.placeholder === split.placeholder ? previous.skeleton.value : loadYamlValue(split.skeleton);
    const tree = structuredClone(skeletonValue);
    if (!fillPlaceholders(tree, split.placeholder, chunkValues)) return undefined;
    return { value: tree, table: { placeholder: split.placeholder, skeleton: { hash: skeletonHash, value: skeletonValue }, order, values } };
  } catch {
    return undefined;
  }
}

/**
 * The item-by-item parse when nothing is kept (the cache is off): each chunk parsed where it stands,
 * without naming it (a table of 100,000 names was half a second of such a run), and each run of
 * items that follow one another in the text standing in the skeleton as one placeholder entry, so
 * that the skeleton is the plan and the headings, not 100,000 lines for js-yaml. The items of a run
 * are entries of one list (ledger-layout.ts: nothing but items lies between them), so the value is
 * the one a placeholder per item gives.
 */
function parseOnce(text: string): { value: unknown } | undefined {
  const layout = ledgerLayout(text, { numbers: false });
  if (!layout || !layout.items.length) return undefined;
  const placeholder = placeholderFor(text);
  const runs: unknown[][] = [];
  const skeleton: string[] = [];
  let copiedTo = 0;
  let run: unknown[] | undefined;
  for (const item of layout.items) {
    const value = parseChunk(text.slice(item.start, item.end));
    if (value === undefined) return undefined;
    if (!run || item.start !== copiedTo) {
      skeleton.push(text.slice(copiedTo, item.start), `${' '.repeat(item.indent)}- ${placeholder}${runs.length}\n`);
      runs.push((run = []));
    }
    run.push(value);
    copiedTo = item.end;
  }
  skeleton.push(text.slice(copiedTo));
  const tree = loadYamlValue(skeleton.join(''));
  return fillRuns(tree, placeholder, runs) ? { value: tree } : undefined;
}

/** fillPlaceholders for placeholders that each stand for a run of entries; false unless each is used exactly once, as a whole entry. */
function fillRuns(value: unknown, placeholder: string, runs: unknown[][]): boolean {
  const used = new Array<boolean>(runs.length).fill(false);
  let ok = true;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      let filled: unknown[] | undefined;
      for (let i = 0; i < node.length; i++) {
        const element: unknown = node[i];
        if (typeof element === 'string' && element.startsWith(placeholder)) {
          const index = Number(element.slice(placeholder.length));
          if (!Number.isInteger(index) || index < 0 || index >= runs.length || used[index]) {
            ok = false;
            continue;
          }
          used[index] = true;
          filled ??= node.slice(0, i);
          for (const entry of runs[index]!) filled.push(entry);
        } else {
          walk(element);
          filled?.push(element);
        }
      }
      if (filled) {
        node.length = 0;
        for (const entry of filled) node.push(entry);
      }
    } else if (node !== null && typeof node === 'object') {
      for (const child of Object.values(node)) walk(child);
    } else if (typeof node === 'string' && node.includes(placeholder)) ok = false;
  };
  walk(value);
  return ok && used.every(Boolean);
}

/** The value a stored table stands for (the file it was made from is unchanged). */
export function assembleTable(table: ChunkTable): unknown {
  const tree = structuredClone(table.skeleton.value);
  const seen = new Set<string>();
  const values = table.order.map((key) => {
    const value = table.values[key];
    if (seen.has(key)) return markChunk(structuredClone(value), key);
    seen.add(key);
    return markChunk(value, key);
  });
  return fillPlaceholders(tree, table.placeholder, values) ? tree : undefined;
}

/**
 * One item chunk on its own (as the layout cuts it): the value of its one entry; undefined unless it is a sequence
 * of exactly one entry. Chunks as gongkai writes them skip js-yaml (parse-item-fast.ts). Throws on text js-yaml refuses.
 */
export function parseChunk(chunk: string): unknown {
  const fast = parseItemFast(chunk);
  if (fast !== undefined) return fast;
  const parsed = loadYamlValue(chunk);
  return Array.isArray(parsed) && parsed.length === 1 && parsed[0] !== undefined ? parsed[0] : undefined;
}
