import { resolve } from 'node:path';
import type { ParseMemo, StoredParse } from '../read/parse-memo.js';
import type { CacheStore } from './cache-store.js';
import { cacheKeys } from './cache-keys.js';
import { contentHash, rememberRegistryOf } from './fingerprints.js';
import type { Diagnostic } from '../diagnostic.js';

/** The parses of this process: an edit reads the ledger twice and should not read the stored copy twice. */
const inProcess = new Map<string, StoredParse>();

/** Keeps each file's last parse in the cache: one entry per path, replaced when the file changes. */
export function parseMemoIn(store: CacheStore): ParseMemo {
  const key = (file: string) => cacheKeys.parsedFile(resolve(file));
  return {
    previous: (file) => {
      const known = inProcess.get(key(file));
      if (known) return known;
      const stored = store.get<StoredParse>(key(file))?.value;
      if (stored) inProcess.set(key(file), stored);
      return stored;
    },
    remember: (file, parse) => {
      inProcess.set(key(file), parse);
      store.set(key(file), parse);
    },
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

interface StoredFindings {
  context: string;
  items: Record<string, Diagnostic[][]>;
}

/**
 * Per-item check findings of one ledger file, valid for one context (registry,
 * plan, today, the file's name as shown): one entry per path, rewritten once
 * per run with the findings of the items the ledger has now.
 */
export function itemFindingsIn(store: CacheStore, ledgerFile: string, context: unknown) {
  const key = cacheKeys.itemFindings(resolve(ledgerFile));
  const contextHash = contentHash(JSON.stringify(context));
  const stored = store.get<StoredFindings>(key)?.value;
  const previous = stored?.context === contextHash ? stored.items : {};
  const now: Record<string, Diagnostic[][]> = {};
  let changed = false;
  return {
    memo: {
      store: {
        findings: (fingerprint: string) => {
          const found = previous[fingerprint];
          if (found) now[fingerprint] = found;
          return found;
        },
        keep: (fingerprint: string, findings: Diagnostic[][]) => {
          now[fingerprint] = findings;
          changed = true;
        },
      },
      fingerprint: (item: unknown) => contentHash(JSON.stringify(item)),
    },
    /** Writes the findings back when anything new was found. */
    save: () => {
      if (changed || Object.keys(now).length !== Object.keys(previous).length) store.set(key, { context: contextHash, items: now });
    },
  };
}

/**
 * Where findings sit inside items, by the item's text: after a hand edit,
 * validate parses with the position-keeping parser only the items that changed.
 * One entry per ledger path, holding the items that had findings this run.
 */
export function locatedIn(store: CacheStore, file: string) {
  const key = cacheKeys.located(resolve(file));
  const previous = store.get<Record<string, Record<string, number>>>(key)?.value ?? {};
  const now: Record<string, Record<string, number>> = {};
  let changed = false;
  return {
    memo: {
      offsets: (chunkHash: string) => {
        const known = now[chunkHash] ?? previous[chunkHash];
        if (known) now[chunkHash] = known;
        return known;
      },
      keep: (chunkHash: string, offsets: Record<string, number>) => {
        now[chunkHash] = offsets;
        changed = true;
      },
    },
    save: () => {
      if (changed || Object.keys(now).length !== Object.keys(previous).length) store.set(key, now);
    },
  };
}
