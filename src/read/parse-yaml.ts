import { contentHash, type ParseCache } from './parse-cache.js';
import { error, type Diagnostic } from '../diagnostic.js';
import { conflictMarkerLine } from './decode-text.js';

export interface ParsedYaml {
  value: unknown;
  diagnostics: Diagnostic[];
}

/**
 * Parses YAML 1.2 (core schema, so dates stay strings). The fast path uses
 * js-yaml, about 7× faster than `yaml` on large ledgers; anything it
 * refuses (syntax errors, duplicate keys, tabs, aliases, several documents)
 * is parsed again by `yaml`, which says exactly what and where.
 */
export async function parseYaml(source: string | (() => string), file: string, cache?: ParseCache, hash?: string): Promise<ParsedYaml> {
  const key = cache ? `parse:${hash ?? contentHash(typeof source === 'string' ? source : source())}` : '';
  const hit = cache?.get(key);
  if (hit) return { value: hit.value, diagnostics: [] };
  const text = typeof source === 'string' ? source : source();
  const markerLine = conflictMarkerLine(text);
  if (markerLine) {
    return {
      value: undefined,
      diagnostics: [error('CONFLICT_MARKERS', '文件中有未解决的 git 合并冲突标记；请先解决冲突（保留正确的一边并删除 <<<<<<< ======= >>>>>>> 行）', { file, line: markerLine, col: 1 })],
    };
  }
  try {
    const { loadYamlValue } = await import('./load-yaml-value.js');
    const value = loadYamlValue(text);
    cache?.set(key, value);
    return { value, diagnostics: [] };
  } catch {
    const { parseYamlPrecisely } = await import('./parse-yaml-precisely.js');
    return parseYamlPrecisely(text, file);
  }
}
