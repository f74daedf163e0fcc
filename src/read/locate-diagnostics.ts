import type { TextSource } from './source-texts.js';
import { isMap, isSeq, isScalar, isPair, LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic, PathSegment } from '../diagnostic.js';

interface Located {
  doc: ReturnType<typeof parseDocument>;
  lines: LineCounter;
}

/** Offset of the node at `path` (or of the deepest ancestor that exists). */
function offsetOf(doc: Located['doc'], path: readonly PathSegment[], at: 'key' | 'value'): number {
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
 * Turns path-based diagnostics into line/col ones. Parses each file with the
 * position-keeping parser once, and only when there is something to report.
 */
export function locateDiagnostics(diagnostics: readonly Diagnostic[], texts: TextSource): Diagnostic[] {
  const parsed = new Map<string, Located>();
  return diagnostics.map((d) => {
    if (d.line !== undefined || !d.path) return d;
    const text = texts.get(d.file);
    if (text === undefined) return d;
    let located = parsed.get(d.file);
    if (!located) {
      const lines = new LineCounter();
      located = { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: false }), lines };
      parsed.set(d.file, located);
    }
    const pos = located.lines.linePos(offsetOf(located.doc, d.path, d.at ?? 'value'));
    return { ...d, line: pos.line, col: pos.col };
  });
}
