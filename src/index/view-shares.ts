/**
 * A listing view's shares, item chunk by item chunk (what the view lists of
 * each item alone, such as overdue-shares.ts makes), kept per file and view
 * settings. After a hand edit only the changed chunks' shares are made again;
 * the view is joined from them without modelling or judging the other items.
 * Derived and disposable like the index: the shares stand for the chunk text
 * at the same place of a file with the same skeleton and row setting.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { CacheStore } from '../cache/cache-store.js';
import { cacheKeys } from '../cache/cache-keys.js';
import { HASH_LENGTH } from '../read/content-hash.js';

interface StoredShares {
  /** IndexedLedger.identity of the file the shares were made for. */
  identity: string;
  /** Names this table: a delta belongs to it alone. */
  stamp: string;
  /** The chunk hashes, one after another (40 hex digits each). */
  order: string;
  shares: readonly unknown[];
}

/** Shares made since the table was kept (the chunks edited since), by `place:hash`: a one-item edit does not rewrite the table. */
interface SharesDelta {
  stamp: string;
  shares: Record<string, unknown>;
}

/** A delta folds into its table once it holds this many shares. */
const foldAt = (chunks: number) => Math.max(8, chunks >> 4);

/** The chunks whose shares are kept for `identity`, by hash at each place. */
export interface SharesTable<S> {
  /** Places whose kept share is not for the chunk now there. */
  missing: number[];
  /** Fills in the new shares (by place) and keeps them; returns the shares in chunk order. */
  complete(made: ReadonlyMap<number, S>): S[];
}

/** The keys of one view's shares: the file and everything the view's options are. */
const keysOf = (file: string, cwd: string, view: string, settings: unknown) => {
  const path = resolve(cwd, file);
  return { table: cacheKeys.viewShares(path, view, settings), delta: cacheKeys.viewSharesDelta(path, view, settings) };
};

/** The shares kept for the file's chunks, and which places need theirs made. */
export function sharesTable<S>(cache: CacheStore, file: string, cwd: string, view: string, settings: unknown, identity: string, hashes: readonly string[], empty: S): SharesTable<S> {
  const keys = keysOf(file, cwd, view, settings);
  const kept = cache.get<StoredShares>(keys.table)?.value;
  const table = kept && kept.identity === identity && kept.shares.length * HASH_LENGTH === kept.order.length ? kept : undefined;
  const keptDelta = table ? cache.get<SharesDelta>(keys.delta)?.value : undefined;
  const delta: SharesDelta = table && keptDelta?.stamp === table.stamp ? keptDelta : { stamp: table?.stamp ?? '', shares: {} };
  const found: (S | undefined)[] = [];
  const missing: number[] = [];
  for (let i = 0; i < hashes.length; i++) {
    const share = table && i < table.shares.length && table.order.startsWith(hashes[i]!, i * HASH_LENGTH) ? table.shares[i] : delta.shares[`${i}:${hashes[i]}`];
    found.push(share as S | undefined);
    if (share === undefined) missing.push(i);
  }
  return {
    missing,
    complete(made) {
      const shares = found.map((share, i) => share ?? made.get(i) ?? empty);
      if (!missing.length) return shares;
      for (const i of missing) delta.shares[`${i}:${hashes[i]}`] = shares[i];
      // Shares of chunks no longer where they were are dropped, so the delta stays the size of what changed.
      for (const key of Object.keys(delta.shares)) {
        const colon = key.indexOf(':');
        if (hashes[Number(key.slice(0, colon))] !== key.slice(colon + 1)) delete delta.shares[key];
      }
      if (!table || Object.keys(delta.shares).length >= foldAt(hashes.length)) keepShares(cache, file, cwd, view, settings, identity, hashes, shares);
      else cache.set(keys.delta, delta);
      return shares;
    },
  };
}

/** Keeps a view's shares of every chunk of the file (from a whole load, say), with an empty delta. */
export function keepShares(cache: CacheStore, file: string, cwd: string, view: string, settings: unknown, identity: string, hashes: readonly string[], shares: readonly unknown[]): void {
  if (shares.length !== hashes.length || hashes.some((hash) => hash.length !== HASH_LENGTH)) return;
  const keys = keysOf(file, cwd, view, settings);
  const stamp = randomBytes(8).toString('hex');
  cache.set(keys.table, { identity, stamp, order: hashes.join(''), shares } satisfies StoredShares);
  cache.set(keys.delta, { stamp, shares: {} } satisfies SharesDelta);
}
