import type { PathSegment } from '../diagnostic.js';
import { itemShape, type ItemShape } from './parse-item-fast.js';

/**
 * Where a path points in one item's text (a chunk as the ledger layout cuts it: `- number: …` and the lines
 * under it), exactly as the position-keeping parser finds it (locate-diagnostics.ts): read by the fast item
 * parser, which also notes where each node starts (parse-item-fast.ts itemShape). Undefined for an item
 * outside its grammar (comments inside the item, block scalars, anchors, multi-line flow …): the position-keeping
 * parser answers those. Parsing the items with findings with that library took most of a cold `validate`.
 */
export function offsetInItem(text: string, path: readonly PathSegment[], at: 'key' | 'value'): number | undefined {
  const shape = itemShape(text);
  return shape && walk(shape, path, at);
}

/** As locate-diagnostics.ts offsetOf walks the parser's nodes: the deepest node the path reaches. */
function walk(root: ItemShape, path: readonly PathSegment[], at: 'key' | 'value'): number {
  let node = root;
  let offset = root.start;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (node.kind === 'map') {
      const pair = node.pairs.find((p) => p.key === String(segment));
      if (!pair) return offset;
      if (i === path.length - 1 && at === 'key') return pair.keyAt;
      offset = pair.value.start;
      node = pair.value;
    } else if (node.kind === 'seq' && typeof segment === 'number') {
      const child = node.items[segment];
      if (!child) return offset;
      offset = child.start;
      node = child;
    } else {
      return offset;
    }
  }
  return offset;
}
