import { error, type Diagnostic } from '../diagnostic.js';
import { conflictMarkerLine } from './decode-text.js';
import { parseInChunks, type ChunkTable } from './parse-yaml-chunks.js';
import { contentHash } from './content-hash.js';

export interface ParsedYaml {
  value: unknown;
  diagnostics: Diagnostic[];
  /** The item-by-item parse, when the layout allowed it. */
  table?: ChunkTable;
}

/**
 * Parses YAML 1.2 (core schema, so dates stay strings). With an earlier parse
 * of the same file at hand, only the items whose text changed are parsed
 * (parse-yaml-chunks.ts); otherwise, or when the layout does not allow it,
 * the whole text. The fast path uses js-yaml, about 7× faster than `yaml`
 * on large ledgers; anything it refuses (syntax errors, duplicate keys, tabs,
 * aliases, several documents) is parsed again by `yaml`, which says exactly
 * what and where. `hash` names the items' texts (load-ledger.ts gives tokens when nothing is kept);
 * `keep` says whether the parse is kept for a later run (then it comes with its table).
 */
export async function parseYaml(text: string, file: string, previous?: ChunkTable, hash: (text: string) => string = contentHash, keep = true): Promise<ParsedYaml> {
  const markerLine = conflictMarkerLine(text);
  if (markerLine) {
    return {
      value: undefined,
      diagnostics: [error('CONFLICT_MARKERS', '文件中有未解决的 git 合并冲突标记；请先解决冲突（保留正确的一边并删除 <<<<<<< ======= >>>>>>> 行）', { file, line: markerLine, col: 1 })],
    };
  }
  // Item by item when the layout allows, so the next run after a hand edit parses only what changed.
  const chunked = parseInChunks(text, hash, previous, keep);
  if (chunked) return { value: chunked.value, diagnostics: [], ...(chunked.table ? { table: chunked.table } : {}) };
  try {
    const { loadYamlValue } = await import('./load-yaml-value.js');
    return { value: loadYamlValue(text), diagnostics: [] };
  } catch {
    const { parseYamlPrecisely } = await import('./parse-yaml-precisely.js');
    return parseYamlPrecisely(text, file);
  }
}
