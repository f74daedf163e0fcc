import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { afterLine, lineStart } from '../edit/line-offsets.js';
import { gapBefore, ledgerLayout } from '../read/ledger-layout.js';

/** One field of an item: its lines, from the key's line to the next key's line. */
export interface FieldChunk {
  key: string;
  text: string;
  /** The field's plain value (null when the key has no value). */
  value: unknown;
  /** Entries of a sequence value, when it is a block or flow sequence (see entryChunks). */
  seq?: SeqChunks;
}

/** A sequence value split into its entries, so that two sides' additions can be interleaved. */
export interface SeqChunks {
  flow: boolean;
  /** Block: text before the first entry's line. Flow: text before the first entry (up to and including `[`…). */
  head: string;
  /** Block: each entry's own lines. Flow: each entry's text. `node` is the entry's text alone. */
  entries: { text: string; node: string; value: unknown }[];
  /** Block: lines after the last entry's own (blank lines, comments). Flow: from `]` on. */
  tail: string;
  /** Column of the entries' dash (block sequences). */
  dashColumn: number;
}

/** One work item: its number and all of its text; its fields are cut only when asked for (when it changed). */
export interface ItemChunk {
  number: string;
  text: string;
  fields(): FieldChunk[];
}

/**
 * A ledger's text cut into pieces that a three-way merge can compare: the
 * items, keyed by number and cut into fields, and the text between them
 * ("gaps": the plan, section headings, comments), keyed by the item that
 * follows (`tail` after the last). Joining the pieces in order gives back the
 * text byte for byte.
 */
export interface LedgerChunks {
  eol: string;
  /** Gap before each item, by item number; `tail` is the text after the last item. */
  gaps: Map<string, string>;
  tail: string;
  items: ItemChunk[];
}

/** Why a text could not be cut into chunks (the merge then falls back to a line merge). */
export class UnsupportedLedger extends Error {}


const keyStart = (pair: Pair) => (pair.key as Node).range![0];

/**
 * Cuts a ledger's text into gaps and items where read/ledger-layout.ts puts
 * them. Only items that differ between versions are parsed, so a merge of a
 * large ledger costs little more than reading it. Throws UnsupportedLedger for
 * layouts it cannot cut safely.
 */
export function ledgerChunks(text: string): LedgerChunks {
  if (!/^sections[ \t]*:/m.test(text)) throw new UnsupportedLedger('没有 sections 列表');
  const layout = ledgerLayout(text);
  if (!layout) throw new UnsupportedLedger('台账的写法不能按行切分');
  const gaps = new Map<string, string>();
  const items: ItemChunk[] = layout.items.map((item, i) => {
    const number = item.number;
    if (number === undefined) throw new UnsupportedLedger('任务的编号没有写在它的第一行');
    if (gaps.has(number)) throw new UnsupportedLedger(`任务编号 ${number} 重复`);
    gaps.set(number, gapBefore(text, layout, i));
    const itemText = text.slice(item.start, item.end);
    let fields: FieldChunk[] | undefined;
    return { number, text: itemText, fields: () => (fields ??= fieldsOfItem(itemText)) };
  });
  return { eol: layout.eol, gaps, tail: gapBefore(text, layout, layout.items.length), items };
}

/** Parses one item's lines (a one-entry sequence) and cuts them into fields. */
function fieldsOfItem(itemText: string): FieldChunk[] {
  const doc = parseDocument(itemText, { keepSourceTokens: true, uniqueKeys: false });
  const map = isSeq(doc.contents) && doc.contents.items.length === 1 ? doc.contents.items[0] : undefined;
  if (doc.errors.length || !isMap(map) || map.flow || !map.items.length) throw new UnsupportedLedger('任务不是分行书写的映射');
  return fieldChunks(itemText, map, 0, itemText.length);
}

function fieldChunks(text: string, map: YAMLMap, itemStart: number, itemEnd: number): FieldChunk[] {
  const starts = map.items.map((pair, i) => {
    const at = keyStart(pair);
    const from = lineStart(text, at);
    const before = text.slice(from, at);
    // Each key on its own line: the first after the item's dash, the others after spaces only.
    if (!(i === 0 ? /^[ \t]*-[ \t]+$/ : /^[ \t]*$/).test(before)) throw new UnsupportedLedger('一行中有多个字段');
    return i === 0 ? itemStart : from;
  });
  return map.items.map((pair, i) => {
    const start = starts[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]! : itemEnd;
    if (!isScalar(pair.key)) throw new UnsupportedLedger('字段名不是文本');
    const value = pair.value as Node | null;
    const field: FieldChunk = { key: String(pair.key.value), text: text.slice(start, end), value: value ? value.toJSON() : null };
    if (isSeq(value) && value.range) field.seq = seqChunks(text, value, start, end);
    return field;
  });
}

/** Splits a sequence value into entries; undefined pieces make the whole field compare as one. */
function seqChunks(text: string, seq: Extract<Node, { items: unknown[] }>, fieldStart: number, fieldEnd: number): SeqChunks | undefined {
  const nodes = seq.items as Node[];
  if (nodes.some((n) => !n?.range)) return undefined;
  if ((seq as { flow?: boolean }).flow) {
    const [open, close] = [seq.range![0], text.lastIndexOf(']', seq.range![1])];
    if (close < open) return undefined;
    if (!nodes.length) return { flow: true, head: text.slice(fieldStart, open + 1), entries: [], tail: text.slice(close, fieldEnd), dashColumn: 0 };
    const entries = nodes.map((n) => ({ text: text.slice(n.range![0], n.range![1]), node: text.slice(n.range![0], n.range![1]), value: n.toJSON() }));
    return { flow: true, head: text.slice(fieldStart, nodes[0]!.range![0]), entries, tail: text.slice(close, fieldEnd), dashColumn: 0 };
  }
  if (!nodes.length) return undefined;
  const dashes = nodes.map((n) => {
    const from = lineStart(text, n.range![0]);
    const dash = text.lastIndexOf('-', n.range![0]);
    if (dash < from || !/^[ \t]*$/.test(text.slice(from, dash))) return -1;
    return from;
  });
  if (dashes.some((d) => d < 0) || new Set(dashes).size !== dashes.length) return undefined;
  const last = nodes.length - 1;
  const ownEnd = Math.min(afterLine(text, nodes[last]!.range![1]), fieldEnd);
  const entries = nodes.map((n, i) => ({
    text: text.slice(dashes[i]!, i < last ? dashes[i + 1]! : ownEnd),
    node: text.slice(n.range![0], n.range![1]),
    value: n.toJSON(),
  }));
  return { flow: false, head: text.slice(fieldStart, dashes[0]!), entries, tail: text.slice(ownEnd, fieldEnd), dashColumn: text.indexOf('-', dashes[0]!) - dashes[0]! };
}
