import type { TextSource } from './source-texts.js';
import { isMap, isSeq, isScalar, isPair, LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic, PathSegment } from '../diagnostic.js';
import { loadYamlValue } from './load-yaml-value.js';
import { splitAtItems } from './parse-yaml-chunks.js';
import { contentHash } from './content-hash.js';
import { offsetInItem } from './item-offsets.js';

/** Offsets found in item chunks on earlier runs: by the chunk's hash, then by the path inside the item. */
export interface LocatedMemo {
  offsets(chunkHash: string): Record<string, number> | undefined;
  keep(chunkHash: string, offsets: Record<string, number>): void;
}

type Document = ReturnType<typeof parseDocument>;

/** Offset of the node at `path` (or of the deepest ancestor that exists). */
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

/**
 * Positions in a YAML text parsed alone, found only when first asked: line
 * and column are 1-based, as locateDiagnostics gives them for a whole file.
 */
export function positionsIn(text: string): (path: readonly PathSegment[], at: 'key' | 'value') => { line: number; col: number } {
  let doc: Document | undefined;
  let lines: LineCounter | undefined;
  return (path, at) => {
    doc ??= parseDocument(text, { uniqueKeys: false });
    lines ??= lineCounter(text);
    return lines.linePos(offsetOf(doc, path, at));
  };
}

/**
 * Positions inside one item's text (a chunk as the layout cuts it), `path`
 * relative to the item: the offsets FileLocator finds for the item. The item
 * starts at a line's start, so in the file the column is the same and the
 * line is shifted by the line the item starts on.
 */
export function itemPositions(text: string): (path: readonly PathSegment[], at: 'key' | 'value') => { line: number; col: number } {
  let doc: Document | undefined;
  let lines: LineCounter | undefined;
  return (path, at) => (lines ??= lineCounter(text)).linePos(offsetInChunk(text, path, at, () => (doc ??= parseDocument(text, { uniqueKeys: false }))));
}

/**
 * Offset of `inside` (a path within the item) in an item's text: read line by line where the item is written in
 * the fast parser's grammar (item-offsets.ts), else found in `doc`, the position-keeping parser's, parsed when first needed.
 */
function offsetInChunk(text: string, inside: readonly PathSegment[], at: 'key' | 'value', doc: () => Document): number {
  return offsetInItem(text, [0, ...inside], at) ?? offsetOf(doc(), [0, ...inside], at);
}

/** Where each line of a text starts, for line and column of an offset. */
function lineCounter(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/**
 * Finds offsets in one file. An item's findings are located by parsing that
 * item's lines alone with the position-keeping parser (slow on a whole large
 * file); anything else, or a layout that cannot be cut at items, by parsing
 * the whole file once.
 */
class FileLocator {
  private whole?: Document;
  private readonly items = new Map<number, Document>();
  private readonly split;
  /** Which chunk holds sections[s].items[i], from the skeleton's placeholders. */
  private readonly chunkOf = new Map<string, number>();
  readonly lines: LineCounter;

  constructor(
    private readonly text: string,
    itemByItem: boolean,
    private readonly memo?: LocatedMemo,
  ) {
    this.lines = lineCounter(text);
    this.split = itemByItem ? splitAtItems(text) : undefined;
    if (!this.split) return;
    try {
      const skeleton = loadYamlValue(this.split.skeleton) as { sections?: { items?: unknown[] }[] };
      skeleton.sections?.forEach((section, s) =>
        section?.items?.forEach((item, i) => {
          if (typeof item === 'string' && item.startsWith(this.split!.placeholder)) this.chunkOf.set(`${s}/${i}`, Number(item.slice(this.split!.placeholder.length)));
        }),
      );
    } catch {
      this.chunkOf.clear();
    }
  }

  offset(path: readonly PathSegment[], at: 'key' | 'value'): number {
    const chunk = path[0] === 'sections' && path[2] === 'items' ? this.chunkOf.get(`${String(path[1])}/${String(path[3])}`) : undefined;
    if (chunk !== undefined && path.length >= 4) {
      const text = this.split!.chunks[chunk]!;
      const key = JSON.stringify([at, ...path.slice(4)]);
      const hash = this.memo ? contentHash(text) : '';
      const known = this.memo?.offsets(hash) ?? {};
      let offset = known[key];
      if (offset === undefined) {
        offset = offsetInChunk(text, path.slice(4), at, () => {
          let doc = this.items.get(chunk);
          if (!doc) this.items.set(chunk, (doc = parseDocument(text, { uniqueKeys: false })));
          return doc;
        });
        this.memo?.keep(hash, { ...known, [key]: offset });
      }
      return this.split!.starts[chunk]! + offset;
    }
    this.whole ??= parseDocument(this.text, { uniqueKeys: false });
    return offsetOf(this.whole, path, at);
  }
}

/**
 * Turns path-based diagnostics into line/col ones, parsing with the
 * position-keeping parser only what there is something to report in.
 */
export function locateDiagnostics(
  diagnostics: readonly Diagnostic[],
  texts: TextSource,
  { itemByItem = true, memo }: { itemByItem?: boolean; memo?: (file: string) => LocatedMemo | undefined } = {},
): Diagnostic[] {
  const files = new Map<string, FileLocator>();
  return diagnostics.map((d) => {
    if (d.line !== undefined || !d.path) return d;
    const text = texts.get(d.file);
    if (text === undefined) return d;
    let locator = files.get(d.file);
    if (!locator) files.set(d.file, (locator = new FileLocator(text, itemByItem, memo?.(d.file))));
    const pos = locator.lines.linePos(locator.offset(d.path, d.at ?? 'value'));
    return { ...d, line: pos.line, col: pos.col };
  });
}
