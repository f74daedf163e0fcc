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
  placeholder: string;
}

/**
 * Cuts a ledger text at its items (read/ledger-layout.ts). The skeleton is the
 * text with each item replaced by a one-line entry holding a placeholder.
 */
export function splitAtItems(text: string): Split | undefined {
  const layout = ledgerLayout(text);
  if (!layout) return undefined;
  // Deterministic, so an unchanged skeleton has the same text and can be reused; never a string the file contains.
  let placeholder = 'gkchunk';
  while (text.includes(placeholder)) placeholder += 'x';
  placeholder += '_';
  const skeleton: string[] = [];
  let copiedTo = 0;
  layout.items.forEach((item, i) => {
    skeleton.push(text.slice(copiedTo, item.start), `${' '.repeat(item.indent)}- ${placeholder}${i}\n`);
    copiedTo = item.end;
  });
  skeleton.push(text.slice(copiedTo));
  return { skeleton: skeleton.join(''), chunks: layout.items.map((item) => text.slice(item.start, item.end)), starts: layout.items.map((item) => item.start), placeholder };
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
 * whole file, which is the reference this must equal. Without `mark`, chunkHashOf knows none of the values.
 */
export function parseInChunks(text: string, hash: (text: string) => string, previous?: ChunkTable, mark = true): { value: unknown; table: ChunkTable } | undefined {
  // Marks are read back only when the parse is kept for a later run (load-ledger.ts); 100,000 entries in a WeakMap are not free.
  const markValue = mark ? markChunk : (value: unknown) => value;
  const split = splitAtItems(text);
  if (!split || !split.chunks.length) return undefined;
  try {
    const order = split.chunks.map(hash);
    const values: Record<string, unknown> = {};
    const chunkValues = split.chunks.map((chunk, i) => {
      const key = order[i]!;
      if (key in values) return markValue(structuredClone(values[key]), key);
      const known = previous?.values[key];
      const value = known !== undefined ? known : parseChunk(chunk);
      values[key] = value;
      return markValue(value, key);
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

/** One item chunk on its own: a sequence of exactly one entry. Chunks as gongkai writes them skip js-yaml (parse-item-fast.ts). */
function parseChunk(chunk: string): unknown {
  const fast = parseItemFast(chunk);
  if (fast !== undefined) return fast;
  const parsed = loadYamlValue(chunk);
  return Array.isArray(parsed) && parsed.length === 1 && parsed[0] !== undefined ? parsed[0] : undefined;
}
