import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { afterLine, lineStart } from '../edit/line-offsets.js';

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

/** `      - number: "22"   # comment` → its indent and the number. */
const ITEM_LINE = /^([ \t]*)-[ \t]+number:[ \t]*(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"][^#\r\n]*?))[ \t]*(?:#.*)?\r?$/gm;

/**
 * Cuts a ledger's text into gaps and items by its lines alone: items are the
 * `- number:` entries at the deepest indent (sections are numbered too, less
 * deep), each running to the next line indented no deeper that is not blank
 * or a comment. Only items that differ between versions are parsed, so a
 * merge of a large ledger costs little more than reading it. Throws
 * UnsupportedLedger for layouts it cannot cut safely.
 */
export function ledgerChunks(text: string): LedgerChunks {
  if (!/^sections[ \t]*:/m.test(text)) throw new UnsupportedLedger('没有 sections 列表');
  const heads = [...text.matchAll(ITEM_LINE)];
  const deepest = Math.max(-1, ...heads.map((m) => m[1]!.length));
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const gaps = new Map<string, string>();
  const items: ItemChunk[] = [];
  let cursor = 0;
  for (const head of heads) {
    if (head[1]!.length !== deepest) continue;
    const number = head[2] !== undefined ? JSON.parse(`"${head[2]}"`) as string : head[3] !== undefined ? head[3].replace(/''/g, "'") : head[4]!;
    if (gaps.has(number)) throw new UnsupportedLedger(`任务编号 ${number} 重复`);
    const start = head.index!;
    if (start < cursor) throw new UnsupportedLedger('任务的行相互重叠');
    const end = itemEnd(text, start, deepest);
    gaps.set(number, text.slice(cursor, start));
    const itemText = text.slice(start, end);
    let fields: FieldChunk[] | undefined;
    items.push({ number, text: itemText, fields: () => (fields ??= fieldsOfItem(itemText)) });
    cursor = end;
  }
  return { eol, gaps, tail: text.slice(cursor), items };
}

/** The end of the item whose dash line starts at `start`: the next line no deeper than `indent` that is not blank or a comment. */
function itemEnd(text: string, start: number, indent: number): number {
  let end = text.indexOf('\n', start);
  while (end >= 0 && end < text.length - 1) {
    const next = text.indexOf('\n', end + 1);
    const line = text.slice(end + 1, next < 0 ? text.length : next);
    const content = line.trimStart();
    if (content.trim() && !content.startsWith('#') && line.length - content.length <= indent) break;
    end = next;
  }
  return end < 0 ? text.length : end + 1;
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
