import type { TextSource } from './source-texts.js';
import type { Diagnostic, PathSegment } from '../diagnostic.js';
import { loadYamlValue } from './load-yaml-value.js';
import { splitAtItems } from './parse-yaml-chunks.js';
import { contentHash } from './content-hash.js';
import { offsetInItem } from './item-offsets.js';
import { LineStarts } from './line-starts.js';

/** Offsets found in item chunks on earlier runs: by the chunk's hash, then by the path inside the item. */
export interface LocatedMemo {
  offsets(chunkHash: string): Record<string, number> | undefined;
  keep(chunkHash: string, offsets: Record<string, number>): void;
}

/** The position-keeping parser's offsets for a text (yaml-positions.ts), loaded only when the line-by-line reading cannot answer. */
type ParsedOffsets = (text: string) => (path: readonly PathSegment[], at: 'key' | 'value') => number;

/** Thrown on the first pass, which runs without the parser, when a finding needs it. */
class ParserNeeded extends Error {}

const withoutParser: ParsedOffsets = () => () => {
  throw new ParserNeeded();
};

/**
 * Finds offsets in one file. An item's findings are located in that item's
 * lines alone: line by line where it is written in the fast parser's grammar,
 * else with the position-keeping parser (slow on a whole large file); anything
 * else, or a layout that cannot be cut at items, by parsing the whole file once.
 */
class FileLocator {
  private whole?: (path: readonly PathSegment[], at: 'key' | 'value') => number;
  private readonly items = new Map<number, (path: readonly PathSegment[], at: 'key' | 'value') => number>();
  private readonly split;
  /** Which chunk holds sections[s].items[i], from the skeleton's placeholders. */
  private readonly chunkOf = new Map<string, number>();
  readonly lines: LineStarts;

  constructor(
    private readonly text: string,
    itemByItem: boolean,
    private readonly parsed: ParsedOffsets,
    private readonly memo?: LocatedMemo,
  ) {
    this.lines = new LineStarts(text);
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
        const inside = [0, ...path.slice(4)];
        offset = offsetInItem(text, inside, at) ?? this.itemOffsets(chunk, text)(inside, at);
        this.memo?.keep(hash, { ...known, [key]: offset });
      }
      return this.split!.starts[chunk]! + offset;
    }
    return (this.whole ??= this.outsideTheItems())(path, at);
  }

  /**
   * Offsets of paths outside the items (the plan, the departments, a section's title), from the skeleton parsed
   * alone (every item one placeholder line): the parser need not read a large file's items to place a finding in
   * its plan. The skeleton is the file's text but for those lines, so an offset maps back past the items before it.
   */
  private outsideTheItems(): (path: readonly PathSegment[], at: 'key' | 'value') => number {
    const split = this.split;
    if (!split || !this.chunkOf.size) return this.parsed(this.text);
    // Per item: where its placeholder line starts and ends in the skeleton, and where the item starts and ends in the file.
    const marks = split.entries.map(([from, to], i) => ({ from, to, start: split.starts[i]!, end: split.starts[i]! + split.chunks[i]!.length }));
    const inSkeleton = this.parsed(split.skeleton);
    return (path, at) => {
      const offset = inSkeleton(path, at);
      // The last item whose placeholder starts at or before the offset.
      let low = 0;
      let high = marks.length - 1;
      let last = -1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (marks[mid]!.from <= offset) (last = mid), (low = mid + 1);
        else high = mid - 1;
      }
      if (last < 0) return offset;
      const mark = marks[last]!;
      return offset < mark.to ? mark.start : mark.end + (offset - mark.to);
    };
  }

  private itemOffsets(chunk: number, text: string) {
    let offsets = this.items.get(chunk);
    if (!offsets) this.items.set(chunk, (offsets = this.parsed(text)));
    return offsets;
  }
}

function locateWith(parsed: ParsedOffsets, diagnostics: readonly Diagnostic[], texts: TextSource, itemByItem: boolean, memo?: (file: string) => LocatedMemo | undefined): Diagnostic[] {
  const files = new Map<string, FileLocator>();
  return diagnostics.map((d) => {
    if (d.line !== undefined || !d.path) return d;
    const text = texts.get(d.file);
    if (text === undefined) return d;
    let locator = files.get(d.file);
    if (!locator) files.set(d.file, (locator = new FileLocator(text, itemByItem, parsed, memo?.(d.file))));
    const pos = locator.lines.linePos(locator.offset(d.path, d.at ?? 'value'));
    return { ...d, line: pos.line, col: pos.col };
  });
}

/**
 * Turns path-based diagnostics into line/col ones, parsing with the
 * position-keeping parser only what there is something to report in. Findings
 * in items written as gongkai writes them are located line by line; the YAML
 * library is loaded only when one is not (a comment, a block scalar, a finding
 * outside the items).
 */
export async function locateDiagnostics(
  diagnostics: readonly Diagnostic[],
  texts: TextSource,
  { itemByItem = true, memo }: { itemByItem?: boolean; memo?: (file: string) => LocatedMemo | undefined } = {},
): Promise<Diagnostic[]> {
  try {
    return locateWith(withoutParser, diagnostics, texts, itemByItem, memo);
  } catch (cause) {
    if (!(cause instanceof ParserNeeded)) throw cause;
  }
  const { parsedOffsets } = await import('./yaml-positions.js');
  return locateWith(parsedOffsets, diagnostics, texts, itemByItem, memo);
}
