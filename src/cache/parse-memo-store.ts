import { resolve } from 'node:path';
import type { ParseMemo, StoredParse } from '../read/parse-memo.js';
import type { CacheStore } from './cache-store.js';
import { cacheKeys } from './cache-keys.js';
import { rememberRegistryOf } from './fingerprints.js';

/** Keeps each file's last parse in the cache: one entry per path, replaced when the file changes. */
export function parseMemoIn(store: CacheStore): ParseMemo {
  const key = (file: string) => cacheKeys.parsedFile(resolve(file));
  return {
    previous: (file) => store.get<StoredParse>(key(file))?.value,
    remember: (file, parse) => store.set(key(file), parse),
    registryNamed: (ledgerFile, hash, registryFile) => rememberRegistryOf(store, `${resolve(ledgerFile)}:${hash}`, registryFile),
  };
}

/** gongkai.yaml's parsed value by its text's hash. */
export function configMemoIn(store: CacheStore) {
  return {
    get: (hash: string) => store.get<unknown>(cacheKeys.config(hash)),
    set: (hash: string, value: unknown) => store.set(cacheKeys.config(hash), value),
  };
}
