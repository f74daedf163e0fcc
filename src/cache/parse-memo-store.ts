import { resolve } from 'node:path';
import type { ParseMemo, StoredParse } from '../read/parse-memo.js';
import type { CacheStore } from './cache-store.js';
import { cacheKeys } from './cache-keys.js';
import { contentHash, rememberRegistryOf } from './fingerprints.js';
import type { Diagnostic } from '../diagnostic.js';

/** The parses of this process: an edit reads the ledger twice and should not read the stored copy twice. */
const inProcess = new Map<string, StoredParse>();

/** What changed since the stored base: the new parse, holding only the item values the base lacks. */
interface StoredDelta {
  base: string;
  parse: StoredParse;
}

/** A delta is kept while it holds fewer new items than this share of the file's, and the base no more items than the file and this share; then the base is written anew. */
const DELTA_SHARE = 0.1;

/**
 * Keeps each file's last parse in the cache: one entry per path. A large
 * ledger's parse is a base written now and then, plus a small delta with the
 * items changed since, so a hand edit of one item writes one item's worth.
 */
export function parseMemoIn(store: CacheStore, cwd: string): ParseMemo {
  const baseKey = (file: string) => cacheKeys.parsedFile(resolve(cwd, file));
  const deltaKey = (file: string) => cacheKeys.parsedDelta(resolve(cwd, file));
  const bases = new Map<string, StoredParse>();
  const readBase = (file: string) => {
    if (!bases.has(file)) bases.set(file, store.get<StoredParse>(baseKey(file))?.value as StoredParse);
    return bases.get(file);
  };
  return {
    previous: (file) => {
      const known = inProcess.get(resolve(cwd, file));
      if (known) return known;
      const base = readBase(file);
      if (!base) return undefined;
      const delta = store.get<StoredDelta>(deltaKey(file))?.value;
      let parse = base;
      if (delta && delta.base === base.hash && delta.parse.table && base.table) {
        // The base's values stand behind the delta's: found by key, never copied.
        const values = Object.assign(Object.create(base.table.values) as Record<string, unknown>, delta.parse.table.values);
        parse = { ...delta.parse, table: { ...delta.parse.table, values } };
      }
      inProcess.set(resolve(cwd, file), parse);
      return parse;
    },
    remember: (file, parse) => {
      inProcess.set(resolve(cwd, file), parse);
      const base = readBase(file);
      if (base?.table && parse.table) {
        const fresh = Object.fromEntries(Object.entries(parse.table.values).filter(([key]) => !Object.prototype.hasOwnProperty.call(base.table!.values, key)));
        // A base much larger than this parse (the file shrank, or another ledger was put at its path) would be read
        // whole on every run for items no longer there: written anew instead.
        const baseFits = base.table.order.length <= parse.table.order.length * (1 + DELTA_SHARE);
        if (baseFits && Object.keys(fresh).length <= parse.table.order.length * DELTA_SHARE) {
          store.set(deltaKey(file), { base: base.hash, parse: { ...parse, table: { ...parse.table, values: fresh } } } satisfies StoredDelta);
          return;
        }
      }
      // The values of this parse's items, also those found through a delta's base, become the new base's own.
      const own = parse.table ? { ...parse, table: { ...parse.table, values: Object.fromEntries(parse.table.order.map((key) => [key, parse.table!.values[key]])) } } : parse;
      store.set(baseKey(file), own);
      bases.set(file, own);
    },
    registryNamed: (ledgerFile, hash, registryFile) => rememberRegistryOf(store, `${resolve(cwd, ledgerFile)}:${hash}`, registryFile, cwd),
  };
}

/** gongkai.yaml's parsed value by its text's hash. */
export function configMemoIn(store: CacheStore) {
  return {
    get: (text: string) => store.get<unknown>(cacheKeys.config(text)),
    set: (text: string, value: unknown) => store.set(cacheKeys.config(text), value),
  };
}

/**
 * A table kept under one key, by fingerprint, valid within one context: what
 * this run looks up or adds is written back once, so entries of items that
 * are gone drop out.
 */
function keptTable<T>(store: CacheStore, key: string, context = '') {
  const stored = store.get<{ context: string; entries: Record<string, T> }>(key)?.value;
  const previous = stored?.context === context ? stored.entries : {};
  const now: Record<string, T> = {};
  let changed = false;
  return {
    find: (fingerprint: string): T | undefined => {
      const found = now[fingerprint] ?? previous[fingerprint];
      if (found !== undefined) now[fingerprint] = found;
      return found;
    },
    keep: (fingerprint: string, value: T) => {
      now[fingerprint] = value;
      changed = true;
    },
    /** Writes the table back when anything was added or dropped. */
    save: () => {
      if (changed || Object.keys(now).length !== Object.keys(previous).length) store.set(key, { context, entries: now });
    },
  };
}

/**
 * Per-item check findings of one ledger file, valid for one context (registry,
 * plan, today, the file's name as shown): one entry per path.
 */
export function itemFindingsIn(store: CacheStore, ledgerFile: string, context: unknown, cwd: string) {
  const table = keptTable<Diagnostic[][]>(store, cacheKeys.itemFindings(resolve(cwd, ledgerFile)), contentHash(JSON.stringify(context)));
  return {
    memo: { store: { findings: table.find, keep: table.keep }, fingerprint: (item: unknown) => contentHash(JSON.stringify(item)) },
    save: table.save,
  };
}

/**
 * Where findings sit inside items, by the item's text: after a hand edit,
 * validate parses with the position-keeping parser only the items that changed.
 * One entry per ledger path.
 */
export function locatedIn(store: CacheStore, file: string, cwd: string) {
  const table = keptTable<Record<string, number>>(store, cacheKeys.located(resolve(cwd, file)));
  return { memo: { offsets: table.find, keep: table.keep }, save: table.save };
}
