import type { OpenContext } from './open-context.js';
import { needsPlanYear } from '../model/typed-date.js';
import { dateOption } from '../typed-input.js';
import { cacheKeys, calendarFingerprint, hashOfBytes, quickContentKey } from '../cache/index.js';
import { LedgerChanged, UserError } from '../errors.js';
import type { ScannedLedger } from '../index/file-scan.js';
import { resolve } from 'node:path';
import { beijingToday } from '../model/dates.js';
import { DEFAULT_GRACE_DAYS } from '../model/plan-year.js';
import type { ViewContext } from '../query/view-context.js';
import { cacheOf } from './cache-of.js';
import type { Diagnostic } from '../diagnostic.js';
import { locateLedger } from './locate-ledger.js';
import { readSourceFile } from '../read/read-file.js';
import type { IndexedView } from './indexed-view.js';
import type { CacheStore } from '../cache/cache-store.js';

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

/** What viewReport and viewShown take besides the view's name and its computation. */
export interface ViewSources<T> {
  remember?: boolean;
  /** The same report computed from the per-item index (src/index/), used when the index can answer. */
  fromIndex?: (view: IndexedView, notes: Diagnostic[]) => T | Promise<T>;
  /** The view's shares of each item (IndexedView.shares), kept after a whole load so that the next run after a hand edit finds them. */
  shares?: { view: string; of: (context: ViewContext) => unknown[] | Promise<unknown[]> };
}

/** A view's report shown as text in one form, and the few facts of the report its command needs besides the text. */
export interface ShownForm<T, F> {
  /** Everything the text depends on besides the report: format, width, styles, character widths (commands/view-output.ts). */
  form: string;
  text(report: T): string | Promise<string>;
  facts(report: T): F;
  /**
   * The text and facts made straight from the per-item index, without the report (from rows drawn before,
   * say); undefined when it cannot. `keep` is told the cache key the text is then kept under.
   */
  fromIndex?: (view: IndexedView, notes: Diagnostic[], at: { cache: CacheStore; file: string }) => Promise<ShownFromIndex<F> | undefined>;
}

/** A shown form's text made from the per-item index (ShownForm.fromIndex). */
export interface ShownFromIndex<F> {
  /** UTF-8, in parts. */
  text: readonly Uint8Array[];
  facts: F;
  keep(textKey: string): void;
}

/** The settings, cache and keys of one run of a view. */
async function viewSetting(ctx: OpenContext, options: ViewOptions, view: string, remember: boolean) {
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
  // The files the answer is made from, for a process that keeps runs to write them again (cache/replay.ts).
  const noteInput = cache ? ctx.io.inputs?.read : undefined;
  const calendar = cache ? calendarFingerprint(file, ctx.io.cwd, noteInput) : '';
  const keyFor = (content: string) => cacheKeys.view(view, content, calendar, settings, today, file);
  // A settled file known before: its key without reading it.
  const settled = cache ? quickContentKey(file, cache, ctx.io.cwd, () => undefined, { read: noteInput }) : undefined;
  // Else read at most once, for the view cache's key and the per-item index: a plain file read and hashed, cut at
  // its items only if the index is asked (index/file-scan.ts readLedgerFile); any other whole, as the load reads it.
  type Scanner = typeof import('../index/file-scan.js');
  const scanner = cache && !settled ? await import('../index/file-scan.js') : undefined;
  let read: { ledger: ScannedLedger | Buffer | undefined } | undefined;
  const readWith = (scan: Scanner | undefined) => (read ??= { ledger: scan?.readLedgerFile(resolve(ctx.io.cwd, file)) ?? readSourceFile(file, { allowLegacy: false, cwd: ctx.io.cwd }).bytes }).ledger;
  const hashOfRead = () => {
    const ledger = readWith(scanner);
    return ledger instanceof Uint8Array || ledger === undefined ? hashOfBytes(ledger) : { hash: ledger.hash, size: ledger.size };
  };
  // The per-item index's read, when the key did not need one (a settled file whose view was never cached): the same pass.
  const ledgerRead = async () => readWith(cache ? (scanner ?? (await import('../index/file-scan.js'))) : undefined);
  const content = settled ?? (cache ? quickContentKey(file, cache, ctx.io.cwd, hashOfRead, { read: noteInput }) : undefined);
  return { file, settings, cache, calendar, keyFor, ledgerRead, content, located: { file, config } };
}

type Setting = Awaited<ReturnType<typeof viewSetting>>;

/**
 * The report computed (from the per-item index when it can answer, else from a whole load), with the content key
 * it was computed from. `keep`: the report is stored in the cache under that key.
 */
async function computeView<T>(
  ctx: OpenContext,
  { file, settings, cache, calendar, keyFor, ledgerRead, located }: Setting,
  compute: (context: ViewContext, notes: Diagnostic[]) => T | Promise<T>,
  { fromIndex, shares }: ViewSources<T>,
  notes: Diagnostic[],
  keep: boolean,
  shownFromIndex?: ShownForm<T, unknown>['fromIndex'],
): Promise<{ report: T; contentKey: string; shown?: undefined } | { shown: ShownFromIndex<unknown>; contentKey: string; report?: undefined }> {
  // After a hand edit the per-item index answers with only the changed items parsed.
  const before = notes.length;
  try {
    const indexed = cache && fromIndex ? await (await import('./indexed-view.js')).indexedView(ctx, file, cache, calendar, settings, notes, await ledgerRead()) : undefined;
    if (indexed) {
      const shown = shownFromIndex && (await shownFromIndex(indexed, notes, { cache: cache!, file }));
      if (shown) return { shown, contentKey: indexed.ledger.contentKey };
      const report = await fromIndex!(indexed, notes);
      if (keep) cache!.set(keyFor(indexed.ledger.contentKey), { report, notes });
      return { report, contentKey: indexed.ledger.contentKey };
    }
  } catch (cause) {
    // Changed while read in parts: the whole load below reads it afresh.
    if (!(cause instanceof LedgerChanged)) throw cause;
    notes.length = before;
  }
  // Loading and computing are imported only when the cache cannot answer.
  const { setUpView } = await import('./view-compute.js');
  const { context, contentKey, opened } = await setUpView(ctx, settings, notes, located);
  const report = await compute(context, notes);
  // Stored under the content actually loaded, so a file changed meanwhile cannot be mistaken for the old one.
  if (keep) cache?.set(keyFor(contentKey), { report, notes });
  if (cache && fromIndex) {
    const built = await import('./index-build.js');
    // Shares are kept only beside an index built from this very text: one left from an older text would file
    // these items' shares under that text's chunks.
    const builtNow = await built.buildIndexFrom(ctx, file, cache, calendar, opened);
    if (shares && builtNow) await built.keepSharesFrom(ctx, file, cache, context, shares.view, await shares.of(context));
  }
  return { report, contentKey };
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
  sources: ViewSources<T> = {},
): Promise<T> {
  const setting = await viewSetting(ctx, options, view, sources.remember ?? true);
  const { cache, content, keyFor } = setting;
  const cached = content ? cache!.get<{ report: T; notes: Diagnostic[] }>(keyFor(content)) : undefined;
  const notes: Diagnostic[] = [];
  let report: T;
  if (cached) {
    report = cached.value.report;
    notes.push(...cached.value.notes);
  } else report = (await computeView(ctx, setting, compute, sources, notes, true)).report!;
  for (const note of notes) ctx.warn(note);
  return report;
}

/** A shown form's entry: one line of JSON (the notes and facts), then the text's bytes. */
const shownKey = (viewKey: string, form: string) => `${viewKey}|shown|${form}`;

/**
 * Keeps a shown form's text under `key`, removing first the text kept before for the same view, settings, ledger
 * and form (`last`), which is of the ledger as it was: at 100,000 items each overdue after a hand edit kept a
 * new text of 41 MB beside the old, and the cache, over its bound, dropped the per-item validation base for it.
 */
function keepShown(cache: CacheStore, last: string, key: string, head: { notes: Diagnostic[]; facts: unknown }, text: readonly Uint8Array[]): void {
  const before = cache.get<string>(last)?.value;
  if (before !== undefined && before !== key) cache.forget(before);
  cache.setHeaded(key, head, text);
  if (before !== key) cache.set(last, key);
}

/**
 * A view's report shown as text (what the command writes), taken from the cache
 * as one blob when nothing the report depends on has changed and the text was
 * made in the same form before: the report is then neither read nor drawn
 * again. Otherwise as viewReport, with the text kept instead of the report (a
 * warm run of this form never reads the report; another form computes it again,
 * from the per-item index after a first run).
 */
export async function viewShown<T, F>(
  ctx: OpenContext,
  options: ViewOptions,
  view: string,
  compute: (context: ViewContext, notes: Diagnostic[]) => T | Promise<T>,
  sources: ViewSources<T>,
  shown: ShownForm<T, F>,
): Promise<{ text: string | Uint8Array | readonly Uint8Array[]; facts: F }> {
  const setting = await viewSetting(ctx, options, view, sources.remember ?? true);
  const { cache, content, keyFor } = setting;
  const last = cacheKeys.shownLast(view, setting.settings, setting.file, shown.form);
  // Made from the files viewSetting noted and nothing else, when it knew them all before loading (a content key
  // from the settled files, or from their bytes and the registry a load of this text named).
  if (content !== undefined) ctx.io.inputs?.answeredFromThese();
  const kept = content ? shownEntry<F>(cache!, shownKey(keyFor(content), shown.form)) : undefined;
  if (kept) {
    for (const note of kept.head.notes) ctx.warn(note);
    return { text: kept.rest, facts: kept.head.facts };
  }
  const notes: Diagnostic[] = [];
  const cached = content ? cache!.get<{ report: T; notes: Diagnostic[] }>(keyFor(content)) : undefined;
  let report: T;
  let contentKey: string | undefined;
  if (cached) {
    report = cached.value.report;
    notes.push(...cached.value.notes);
    contentKey = content;
  } else {
    const computed = await computeView(ctx, setting, compute, sources, notes, false, shown.fromIndex as ShownForm<T, unknown>['fromIndex']);
    if (computed.shown) {
      // Made from the index: kept like any shown text, and the drawing told where.
      const made = computed.shown;
      const key = shownKey(keyFor(computed.contentKey), shown.form);
      keepShown(cache!, last, key, { notes, facts: made.facts }, made.text);
      made.keep(key);
      for (const note of notes) ctx.warn(note);
      return { text: made.text, facts: made.facts as F };
    }
    ({ report, contentKey } = computed);
  }
  const facts = shown.facts(report);
  if (!cache || contentKey === undefined) {
    for (const note of notes) ctx.warn(note);
    return { text: await shown.text(report), facts };
  }
  // Encoded once: the bytes kept are the bytes written.
  const made = Buffer.from(await shown.text(report), 'utf8');
  keepShown(cache, last, shownKey(keyFor(contentKey), shown.form), { notes, facts }, [made]);
  for (const note of notes) ctx.warn(note);
  return { text: made, facts };
}

/** The text (UTF-8 bytes) of a shown form's entry kept under `key`; undefined when absent or spoilt. */
export function keptShownText(cache: CacheStore, key: string): Buffer | undefined {
  return shownEntry(cache, key)?.rest;
}

/** A shown form's entry: its notes and facts (the head), and its text after them; undefined when absent or spoilt. */
function shownEntry<F>(cache: CacheStore, key: string): { head: { notes: Diagnostic[]; facts: F }; rest: Buffer } | undefined {
  const entry = cache.getHeaded<{ notes: Diagnostic[]; facts: F }>(key);
  return entry && Array.isArray(entry.head.notes) ? entry : undefined;
}
