import type { CacheStore } from '../cache/cache-store.js';
import { parseMemoIn } from '../cache/parse-memo-store.js';

/** Item values by the hash of their chunk's text, from the cache's last parse of the file; `found` counts the values it gave. */
export interface StoredItemValues {
  (hash: string): unknown;
  found: number;
}

/**
 * The item values the last whole load of `file` parsed, by chunk hash: a view
 * that lists thousands of items reads them with one JSON parse instead of one
 * YAML parse per item. A value stands for the exact text its hash names, so an
 * item changed since is simply not found and is parsed from its chunk.
 * Undefined when the cache holds no item-by-item parse of the file.
 */
export function storedItemValues(cache: CacheStore, file: string, cwd: string): StoredItemValues | undefined {
  const values = parseMemoIn(cache, cwd).previous(file)?.table?.values;
  if (!values) return undefined;
  const given = new Set<string>();
  const lookup = ((hash: string) => {
    const value = values[hash];
    if (value === undefined) return undefined;
    lookup.found++;
    // Identical items share a hash: each gets a value of its own, as when parsed.
    if (given.has(hash)) return structuredClone(value);
    given.add(hash);
    return value;
  }) as StoredItemValues;
  lookup.found = 0;
  return lookup;
}
