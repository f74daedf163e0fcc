import type { CacheStore } from '../cache/cache-store.js';
import { buildIndex, storedChunks } from '../index/item-index.js';
import { keepShares } from '../index/view-shares.js';
import type { ViewContext } from '../query/view-context.js';
import { sharesSettings } from './indexed-view.js';
import { beijingToday } from '../model/dates.js';
import { loadYamlValue } from '../read/load-yaml-value.js';
import type { OpenContext } from './open-context.js';
import type { OpenedLedger } from './open-ledger.js';
import { calendarFingerprint } from '../cache/fingerprints.js';
import { cacheOf } from './cache-of.js';

/** Builds the per-item index from a ledger a view has just loaded whole, so the next run after a hand edit need not. */
export async function buildIndexFrom(ctx: OpenContext, file: string, cache: CacheStore, calendar: string, opened: OpenedLedger): Promise<boolean> {
  const ledger = opened.ledger;
  if (!ledger || file === '-' || opened.file !== file) return false;
  const inline = ledger.registryFile === ledger.file;
  let registryValue: unknown;
  try {
    registryValue = inline ? (opened.value as Record<string, unknown>).departments : loadYamlValue(opened.texts.get(ledger.registryFile) ?? '');
  } catch {
    return false;
  }
  const { plan } = ledger;
  return buildIndex(
    cache,
    {
      file,
      displayFile: ledger.file,
      registryFile: inline ? file : ledger.registryFile,
      registryValue,
      errors: opened.diagnostics.filter((d) => d.severity === 'error').length,
      ledger,
      diagnostics: opened.diagnostics,
      plan: { title: plan.title, document_number: plan.documentNumber ?? null, year: plan.year, ...(plan.issuedOn ? { issuedOn: plan.issuedOn } : {}), defaultDue: plan.defaultDue, ...(plan.closedOn ? { closedOn: plan.closedOn } : {}) },
    },
    calendar,
    beijingToday(ctx.io.now()),
    ctx.io.cwd,
  );
}

/**
 * Keeps a view's shares of each item of a ledger just loaded whole and indexed (IndexedView.shares), one per
 * item in ledger order: when every chunk made an item, the items are the index's chunks in the same order.
 */
export async function keepSharesFrom(ctx: OpenContext, file: string, cache: CacheStore, context: ViewContext, view: string, shares: readonly unknown[]): Promise<void> {
  const chunks = storedChunks(cache, file, ctx.io.cwd);
  if (!chunks || chunks.chunkHashes.length !== context.ledger.items.length || shares.length !== chunks.chunkHashes.length) return;
  keepShares(cache, file, ctx.io.cwd, view, sharesSettings(context.options, context.asOfNote), chunks.identity, chunks.chunkHashes, shares);
}

/**
 * After an edit read the whole ledger (no index could vouch for the rest of the file: never indexed, or the
 * plan or sections changed), the index of the bytes it wrote, built from the ledger it has just read, so that
 * the next edit or view reads only the items changed since. `opened` is what the edit read of `content`.
 */
export async function indexAfterWholeEdit(ctx: OpenContext, file: string, opened: OpenedLedger): Promise<void> {
  const cache = cacheOf(ctx);
  if (!cache) return;
  try {
    await buildIndexFrom(ctx, file, cache, calendarFingerprint(file, ctx.io.cwd), opened);
  } catch {
    // The ledger is written; the index is derived, and the next run works it out again.
  }
}
