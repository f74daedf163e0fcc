/**
 * Where an item's nodes lie in its text, as the text edit (ledger-text-edit.ts)
 * asks for them: read from the position-keeping `yaml` library's nodes, or, for
 * an item laid out as gongkai writes it, from the fast item parser's shape
 * (read/parse-item-fast.ts) without loading that library at all.
 */
import { itemShape, parseItemFast, type ItemShape } from '../read/parse-item-fast.js';

/** A key that is not a scalar (`? [a, b]: …`): no name matches it, and it ranks as '' among the keys. */
export const NOT_SCALAR = Symbol('not a scalar key');

/** A key and its value: methods are asked only by the edits that need them (the library's nodes may lack what they read). */
export interface PairView {
  /** The key's scalar value (a string, or whatever the key is typed as), or NOT_SCALAR. */
  key: unknown;
  /** Just after the key. */
  keyEnd(): number;
  /** The start of the line after the pair's value (its last line), or the text's end. */
  after(): number;
  value: ValueView | undefined;
}

export type ValueView =
  | { kind: 'scalar'; range: [number, number] | undefined; isNull: boolean }
  | { kind: 'seq'; flow: boolean; range: [number, number] | undefined; size: number; firstStart(): number; lastAfter(): number }
  | { kind: 'map'; flow: boolean; range: [number, number] | undefined; pairs: PairView[]; firstKey(): number; lastAfter(): number }
  | { kind: 'other'; range: [number, number] | undefined };

/** An item: where its first key starts (its column is the keys' indentation), its pairs in order, and its `progress` as plain data. */
export interface ItemView {
  firstKey: number;
  pairs: PairView[];
  progress(): unknown;
}

/** A line of nothing but spaces, or a comment line: such items are left to the library (where it places a node's end about them is its own). */
const BLANK_OR_COMMENT_LINE = /(?:^|\n) *(?:#|\n)/;

/**
 * The view of one item's text as the layout cuts it, read by the fast item
 * parser; undefined when it does not read it (then the library's view stands),
 * or when the text has a blank or comment line or no final line end, where a
 * node's end is the library's call. Only what the parser reads unambiguously is
 * given: every value is on its key's line (a scalar or a one-line flow
 * collection, ending where the line's spaces start) or a block collection
 * ending where the next key of the item starts. A map's own pairs are not
 * given (a resolve edit is left to the library).
 */
export function fastItemView(text: string): { view: ItemView; value: Record<string, unknown> } | undefined {
  if (!text.endsWith('\n') || BLANK_OR_COMMENT_LINE.test(text)) return undefined;
  const shape = itemShape(text);
  const item = shape?.kind === 'seq' && shape.items.length === 1 ? shape.items[0] : undefined;
  // The item's plain value (parseItemFast reads the one entry of the list), for which scalars are null.
  const value = parseItemFast(text) as Record<string, unknown> | undefined;
  if (item?.kind !== 'map' || value === null || typeof value !== 'object') return undefined;
  const lineEnd = (at: number) => text.indexOf('\n', at);
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  /** The end of a value written on the line of `at`: before the line's trailing spaces. */
  const inlineEnd = (at: number) => {
    let end = lineEnd(at);
    while (end > at && text.charCodeAt(end - 1) === 32) end--;
    return end;
  };
  const pairs = item.pairs.map((pair, i): PairView => {
    const keyEnd = pair.keyAt + pair.key.length;
    const next = item.pairs[i + 1];
    const after = next ? lineStart(next.keyAt) : text.length;
    return { key: pair.key, keyEnd: () => keyEnd, after: () => after, value: valueView(pair.value, value[pair.key], keyEnd, after) };
  });
  function valueView(node: ItemShape, plain: unknown, keyEnd: number, after: number): ValueView {
    const c = text.charCodeAt(node.start);
    if (node.kind === 'scalar') {
      // `key:` with nothing after it: the parser places the null just after the colon.
      return node.start === keyEnd + 1 && lineEnd(keyEnd) === keyEnd + 1 ? { kind: 'scalar', range: undefined, isNull: true } : { kind: 'scalar', range: [node.start, inlineEnd(node.start)], isNull: plain === null };
    }
    if (node.kind === 'seq') {
      const flow = c === 91;
      const firstStart = node.items[0]?.start ?? node.start;
      return { kind: 'seq', flow, range: flow ? [node.start, inlineEnd(node.start)] : undefined, size: node.items.length, firstStart: () => firstStart, lastAfter: () => after };
    }
    const flow = c === 123;
    return { kind: 'map', flow, range: flow ? [node.start, inlineEnd(node.start)] : undefined, pairs: [], firstKey: () => node.start, lastAfter: () => after };
  }
  return { view: { firstKey: item.start, pairs, progress: () => value.progress }, value };
}
