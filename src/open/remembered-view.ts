import type { OpenContext } from './open-context.js';
import { needsPlanYear } from '../model/typed-date.js';
import { dateOption } from '../typed-input.js';
import { cacheKeys, calendarFingerprint, quickContentKey } from '../cache/index.js';
import { UserError } from '../errors.js';
import { beijingToday } from '../model/dates.js';
import { DEFAULT_GRACE_DAYS } from '../model/plan-year.js';
import type { ViewContext } from '../query/view-context.js';
import { cacheOf } from './cache-of.js';
import type { Diagnostic } from '../diagnostic.js';
import { locateLedger } from './locate-ledger.js';
import { readSourceFile } from '../read/read-file.js';
import type { IndexedView } from './indexed-view.js';

export interface ViewOptions {
  asOf?: string;
  within?: string;
  staleDays?: string;
  /** Mark items changed on or after this date. */
  since?: string;
}

function positiveInteger(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UserError('OPTION_INVALID', `${option} 须为非负整数，收到「${text}」`);
  return Number(text);
}

/**
 * Computes a view's report, or takes it from the cache when nothing it depends
 * on has changed: the bytes of the ledger, its registry and the calendar
 * overrides, the as-of date, today, the settings and the view asked for. The
 * notes printed with it (errors in the ledger, unknown years) are kept with it.
 */
export async function viewReport<T>(
  ctx: OpenContext,
  options: ViewOptions,
  view: string,
  /** `notes` go to ctx.warn with the report, now and when it comes from the cache. */
  compute: (context: ViewContext, notes: Diagnostic[]) => T | Promise<T>,
  {
    remember = true,
    fromIndex,
    shares,
  }: {
    remember?: boolean;
    /** The same report computed from the per-item index (src/index/), used when the index can answer. */
    fromIndex?: (view: IndexedView, notes: Diagnostic[]) => T | Promise<T>;
    /** The view's shares of each item (IndexedView.shares), kept after a whole load so that the next run after a hand edit finds them. */
    shares?: { view: string; of: (context: ViewContext) => unknown[] | Promise<unknown[]> };
  } = {},
): Promise<T> {
  const today = beijingToday(ctx.io.now());
  // A month and day alone (10月8日) is kept as typed until the ledger names its year; no date at all is decided by the plan year (view-compute.ts).
  const asOf = options.asOf === undefined ? undefined : needsPlanYear(options.asOf) ? options.asOf : dateOption(options.asOf, '--as-of', { today });
  const { file, config } = await locateLedger(ctx);
  const since = options.since === undefined ? undefined : dateOption(options.since, '--since', { today });
  const settings = {
    ...(asOf ? { asOf } : {}),
    graceDays: config.graceDays ?? DEFAULT_GRACE_DAYS,
    ...(since ? { since } : {}),
    dueSoonDays: positiveInteger(options.within, '--within') ?? config.dueSoonDays ?? 10,
    staleDays: positiveInteger(options.staleDays, '--stale-days') ?? config.staleDays ?? 30,
  };
  // With --since the answer also depends on git history: computed afresh each time.
  const cache = remember && file !== '-' && !since ? cacheOf(ctx) : undefined;
  const calendar = cache ? calendarFingerprint(file, ctx.io.cwd) : '';
  const keyFor = (content: string) => cacheKeys.view(view, content, calendar, settings, today, file);
  // Read at most once: the view cache's key and the per-item index both need the bytes (a settled file's key does not).
  let read: { bytes: Buffer | undefined } | undefined;
  const ledgerBytes = () => (read ??= { bytes: readSourceFile(file, { allowLegacy: false, cwd: ctx.io.cwd }).bytes }).bytes;
  const content = cache ? quickContentKey(file, cache, ctx.io.cwd, ledgerBytes) : undefined;
  const cached = content ? cache!.get<{ report: T; notes: Diagnostic[] }>(keyFor(content)) : undefined;
  const notes: Diagnostic[] = [];
  let report: T;
  if (cached) {
    report = cached.value.report;
    notes.push(...cached.value.notes);
  } else {
    // After a hand edit the per-item index answers with only the changed items parsed.
    const indexed = cache && fromIndex ? await (await import('./indexed-view.js')).indexedView(ctx, file, cache, calendar, settings, notes, ledgerBytes()) : undefined;
    if (indexed) {
      report = await fromIndex!(indexed, notes);
      cache!.set(keyFor(indexed.ledger.contentKey), { report, notes });
    } else {
      // Loading and computing are imported only when the cache cannot answer.
      const { setUpView } = await import('./view-compute.js');
      const { context, contentKey, opened } = await setUpView(ctx, settings, notes);
      report = await compute(context, notes);
      // Stored under the content actually loaded, so a file changed meanwhile cannot be mistaken for the old one.
      cache?.set(keyFor(contentKey), { report, notes });
      if (cache && fromIndex) {
        const built = await import('./index-build.js');
        // Shares are kept only beside an index built from this very text: one left from an older text would file
        // these items' shares under that text's chunks.
        const builtNow = await built.buildIndexFrom(ctx, file, cache, calendar, opened);
        if (shares && builtNow) await built.keepSharesFrom(ctx, file, cache, context, shares.view, await shares.of(context));
      }
    }
  }
  for (const note of notes) ctx.warn(note);
  return report;
}
