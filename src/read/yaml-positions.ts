import { isMap, isSeq, isScalar, isPair, parseDocument, type Node } from 'yaml';
import type { PathSegment } from '../diagnostic.js';
import { offsetInItem } from './item-offsets.js';
import { LineStarts } from './line-starts.js';

type Document = ReturnType<typeof parseDocument>;

/** Offset of the node at `path` (or of the deepest ancestor that exists) in a document the position-keeping parser read. */
function offsetOf(doc: Document, path: readonly PathSegment[], at: 'key' | 'value'): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return offset;
      const key = pair.key as Node;
      if (last && at === 'key') return key.range?.[0] ?? offset;
      const value = pair.value as Node | null;
      offset = value?.range?.[0] ?? key.range?.[0] ?? offset;
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const child = node.items[segment] as Node | undefined;
      if (!child) return offset;
      offset = child.range?.[0] ?? offset;
      node = child;
    } else {
      return offset;
    }
  }
  return offset;
}

/** Offsets of paths in a YAML text, by the position-keeping parser, which reads the text when first asked. */
export function parsedOffsets(text: string): (path: readonly PathSegment[], at: 'key' | 'value') => number {
  let doc: Document | undefined;
  return (path, at) => offsetOf((doc ??= parseDocument(text, { uniqueKeys: false })), path, at);
}

/**
 * Positions in a YAML text parsed alone, found only when first asked: line
 * and column are 1-based, as locateDiagnostics gives them for a whole file.
 */
export function positionsIn(text: string): (path: readonly PathSegment[], at: 'key' | 'value') => { line: number; col: number } {
  const offsets = parsedOffsets(text);
  let lines: LineStarts | undefined;
  return (path, at) => (lines ??= new LineStarts(text)).linePos(offsets(path, at));
}

/**
 * Positions inside one item's text (a chunk as the layout cuts it), `path`
 * relative to the item: the offsets the file's locator finds for the item. The
 * item starts at a line's start, so in the file the column is the same and the
 * line is shifted by the line the item starts on. Read line by line where the
 * item is written in the fast parser's grammar (item-offsets.ts), else by the parser.
 */
export function itemPositions(text: string): (path: readonly PathSegment[], at: 'key' | 'value') => { line: number; col: number } {
  const offsets = parsedOffsets(text);
  let lines: LineStarts | undefined;
  return (path, at) => (lines ??= new LineStarts(text)).linePos(offsetInItem(text, [0, ...path], at) ?? offsets([0, ...path], at));
}
