import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';

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

/** One work item: its number, its fields in order, and all of its text. */
export interface ItemChunk {
  number: string;
  text: string;
  fields: FieldChunk[];
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

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function afterLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

const keyStart = (pair: Pair) => (pair.key as Node).range![0];

function pairEnd(pair: Pair): number {
  const value = pair.value as Node | null;
  return Math.max((pair.key as Node).range![1], value?.range?.[1] ?? 0);
}

/** Cuts a ledger's text into gaps, items and fields; throws UnsupportedLedger for layouts it cannot cut safely. */
export function ledgerChunks(text: string): LedgerChunks {
  const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false });
  if (doc.errors.length) throw new UnsupportedLedger(`YAML 无法解析：${doc.errors[0]!.message.split('\n')[0]}`);
  const sections = isMap(doc.contents) ? doc.contents.get('sections') : undefined;
  if (!isSeq(sections)) throw new UnsupportedLedger('没有 sections 列表');
  const maps: YAMLMap[] = [];
  const lastOfSection = new Set<YAMLMap>();
  for (const section of sections.items) {
    if (!isMap(section)) throw new UnsupportedLedger('部分不是映射');
    const items = section.get('items');
    if (items == null) continue;
    if (!isSeq(items) || items.flow) throw new UnsupportedLedger('items 不是分行书写的列表');
    for (const item of items.items) {
      if (!isMap(item) || item.flow || !item.items.length) throw new UnsupportedLedger('任务不是分行书写的映射');
      maps.push(item);
    }
    if (items.items.length) lastOfSection.add(items.items[items.items.length - 1] as YAMLMap);
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const gaps = new Map<string, string>();
  const items: ItemChunk[] = [];
  const seen = new Set<string>();
  let cursor = 0;
  maps.forEach((map, i) => {
    const number = map.get('number');
    if ((typeof number !== 'string' && typeof number !== 'number') || seen.has(String(number))) throw new UnsupportedLedger('任务编号缺失或重复');
    seen.add(String(number));
    const start = lineStart(text, keyStart(map.items[0]!));
    const next = maps[i + 1];
    const end = next && !lastOfSection.has(map) ? lineStart(text, keyStart(next.items[0]!)) : afterLine(text, pairEnd(map.items[map.items.length - 1]!));
    if (start < cursor) throw new UnsupportedLedger('任务的行相互重叠');
    gaps.set(String(number), text.slice(cursor, start));
    items.push({ number: String(number), text: text.slice(start, end), fields: fieldChunks(text, map, start, end) });
    cursor = end;
  });
  return { eol, gaps, tail: text.slice(cursor), items };
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
