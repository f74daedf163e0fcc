import type { PathSegment } from '../diagnostic.js';

/**
 * Where a path points in one item's text (a chunk as the ledger layout cuts it: `- number: …` and the lines
 * under it), exactly as the position-keeping parser finds it (locate-diagnostics.ts), read line by line for
 * the forms a ledger is written in: mappings with plain keys, plain or quoted one-line scalars, one-line flow
 * lists and maps of plain scalars, and block lists of those. Undefined for anything else (a comment, a block
 * scalar, an anchor, a tag, a flow collection over several lines or with quotes inside, tabs, CR): the
 * parser answers those. Parsing the items with findings with that library took most of a cold `validate`.
 */
export function offsetInItem(text: string, path: readonly PathSegment[], at: 'key' | 'value'): number | undefined {
  if (/[\t\r]/.test(text)) return undefined;
  const lines: Line[] = [];
  let start = 0;
  for (const body of text.split('\n')) {
    const indent = body.length - body.trimStart().length;
    if (body.trim() !== '') lines.push({ start, indent, body: body.slice(indent) });
    else if (start + body.length < text.length) return undefined; // A blank line inside: a block scalar's, perhaps.
    start += body.length + 1;
  }
  if (!lines.length || !lines[0]!.body.startsWith('- ')) return undefined;
  const root = blockNode(lines, 0, lines.length);
  return root && walk(root, path, at);
}

interface Line {
  /** Offset of the line's first character in the text. */
  start: number;
  indent: number;
  /** The line after its indentation. */
  body: string;
}

type YamlNode = { kind: 'scalar'; start: number } | { kind: 'seq'; start: number; items: YamlNode[] } | { kind: 'map'; start: number; pairs: Pair[] };
interface Pair {
  key: string;
  keyAt: number;
  value: YamlNode;
}

/** As locate-diagnostics.ts offsetOf walks the parser's nodes: the deepest node the path reaches. */
function walk(root: YamlNode, path: readonly PathSegment[], at: 'key' | 'value'): number {
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

/** The block node of lines [from, to), which start at the same indentation: a list or a mapping. */
function blockNode(lines: readonly Line[], from: number, to: number): YamlNode | undefined {
  const indent = lines[from]!.indent;
  // Lines of each entry: one at the node's indentation, then any deeper.
  const entries: [number, number][] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (line.indent < indent) return undefined;
    if (line.indent === indent) entries.push([i, i + 1]);
    else entries[entries.length - 1]![1] = i + 1;
  }
  const isList = lines[from]!.body.startsWith('- ');
  if (isList) {
    const items: YamlNode[] = [];
    for (const [first, end] of entries) {
      const line = lines[first]!;
      if (!line.body.startsWith('- ')) return undefined;
      const content = line.body.slice(2);
      const contentAt = line.start + line.indent + 2;
      if (content.startsWith(' ') || content.startsWith('- ')) return undefined;
      // `- key: value`, with the item's further keys two columns in: a mapping, read as if the key began its line.
      const item = pairOf(content, contentAt)
        ? blockNode([{ start: line.start, indent: line.indent + 2, body: content }, ...lines.slice(first + 1, end)], 0, end - first)
        : end === first + 1
          ? inlineNode(content, contentAt)
          : undefined;
      if (!item) return undefined;
      items.push(item);
    }
    return { kind: 'seq', start: lines[from]!.start + indent, items };
  }
  const pairs: Pair[] = [];
  for (const [first, end] of entries) {
    const line = lines[first]!;
    const keyAt = line.start + line.indent;
    const pair = pairOf(line.body, keyAt);
    if (!pair) return undefined;
    const value = pairValue(pair, lines, first, first + 1, end);
    if (!value) return undefined;
    pairs.push({ key: pair.key, keyAt, value });
  }
  return { kind: 'map', start: lines[from]!.start + indent, pairs };
}

/** A `key: value` line's key, where its colon is, and the text after it; undefined when the line is no such pair. */
function pairOf(body: string, at: number): { key: string; colonAt: number; rest: string; restAt: number } | undefined {
  const match = /^([^\s:#'"[\]{},&*!|>%@`?-][^:#]*?|-[^\s:#][^:#]*?):(?: +(.*))?$/.exec(body);
  if (!match) return undefined;
  const key = match[1]!;
  if (key !== key.trimEnd()) return undefined;
  // Keys the parser would read as something other than their text (true, null, 1.0, ~) are left to it.
  if (/^(?:[-+.\d][\w.+-]*|true|false|null|yes|no|on|off|~)$/i.test(key)) return undefined;
  const rest = match[2] ?? '';
  return { key, colonAt: at + key.length, rest, restAt: at + body.length - rest.length };
}

/** The value of a pair whose line is `first`, from the text after its colon or from its deeper lines [from, to). */
function pairValue(pair: { colonAt: number; rest: string; restAt: number }, lines: readonly Line[], first: number, from: number, to: number): YamlNode | undefined {
  if (pair.rest !== '') return to > from ? undefined : inlineNode(pair.rest, pair.restAt);
  // Nothing after the colon and nothing under it: null, which the parser places just after the colon.
  if (to === from) return lines[first]!.body.endsWith(':') ? { kind: 'scalar', start: pair.colonAt + 1 } : undefined;
  if (lines[from]!.indent <= lines[first]!.indent) return undefined;
  return blockNode(lines, from, to);
}

/** A value written on one line: a plain or quoted scalar, or a flow list or map of plain scalars. */
function inlineNode(text: string, at: number): YamlNode | undefined {
  if (/^[&*!|>%@`]/.test(text) || / #/.test(text) || text.endsWith(' ')) return undefined;
  if (text.startsWith('[') || text.startsWith('{')) return flowNode(text, at);
  if (/^["']/.test(text)) {
    const quote = text[0]!;
    // One quoted scalar and nothing after it.
    const close = quote === '"' ? /^"(?:[^"\\]|\\.)*"$/ : /^'(?:[^']|'')*'$/;
    return close.test(text) ? { kind: 'scalar', start: at } : undefined;
  }
  if (/^- |^-$|[[\]{}]|: /.test(text)) return undefined;
  return { kind: 'scalar', start: at };
}

/** `[a, b]` or `{ k: v, k2: v2 }` on one line, its entries plain scalars. */
function flowNode(text: string, at: number): YamlNode | undefined {
  const close = text[0] === '[' ? ']' : '}';
  if (!text.endsWith(close)) return undefined;
  const inner = text.slice(1, -1);
  if (/["'[\]{}#&*!|>%@`]/.test(inner)) return undefined;
  const parts: { text: string; at: number }[] = [];
  let offset = at + 1;
  for (const part of inner.split(',')) {
    const lead = part.length - part.trimStart().length;
    parts.push({ text: part.trim(), at: offset + lead });
    offset += part.length + 1;
  }
  // `[]`, `{ }`, and a trailing comma leave an empty last part; any other empty part is not a plain list.
  if (parts.length && parts[parts.length - 1]!.text === '') parts.pop();
  if (parts.some((p) => p.text === '' || /^- /.test(p.text))) return undefined;
  if (close === ']') {
    if (parts.some((p) => /: |:$/.test(p.text))) return undefined;
    return { kind: 'seq', start: at, items: parts.map((p) => ({ kind: 'scalar', start: p.at })) };
  }
  const pairs: Pair[] = [];
  for (const part of parts) {
    const pair = pairOf(part.text, part.at);
    if (!pair || pair.rest === '' || /: |:$/.test(pair.rest)) return undefined;
    pairs.push({ key: pair.key, keyAt: part.at, value: { kind: 'scalar', start: pair.restAt } });
  }
  return { kind: 'map', start: at, pairs };
}
