import type { CacheStore } from '../cache/cache-store.js';
import type { Diagnostic } from '../diagnostic.js';
import { indexedLedger, type IndexedLedger } from '../index/item-index.js';
import type { ScannedLedger } from '../index/file-scan.js';
import { dueYearsOf } from '../index/aggregates.js';
import { beijingToday } from '../model/dates.js';
import { needsPlanYear } from '../model/typed-date.js';
import { defaultAsOf, planPeriod } from '../model/plan-year.js';
import { WorkingDayCounter } from '../model/work-calendar.js';
import { judgeDeadline, shareFacts, unknownYearsOf, type Deadline, type DeadlineOptions } from '../query/deadline.js';
import { readCalendarOverrides, workCalendar } from '../read/read-calendar.js';
import { dateOption } from '../typed-input.js';
import type { OpenContext } from './open-context.js';
import { storedItemValues, type StoredItemValues } from './stored-item-values.js';
import { holidaysUnknownNote, ledgerHasErrorsNote } from './view-notes.js';
import { sharesTable } from '../index/view-shares.js';
import { viewContext, type ViewContext } from '../query/view-context.js';

/** A view's input from the per-item index: each item's facts with its deadline judged once, and the departments' obligations. */
export interface IndexedView {
  ledger: IndexedLedger;
  options: DeadlineOptions;
  /** Every item's deadline, judged once (on first use). */
  readonly deadlines: Deadline[];
  /** The deadline as one department stands on it (query/view-context.ts obligationDeadline): a share judged by its own notes. */
  obligationDeadline(o: IndexedLedger['obligations'][number][number]): Deadline;
  /** Why the view counts as of another day than today (the plan year is over). */
  asOfNote?: string;
  /** Item values from the cache's last parse of the file, read when a view lists many items (stored-item-values.ts). */
  storedValues: () => StoredItemValues | undefined;
  /**
   * A listing view's shares of every item chunk, in file order (`empty` for a
   * chunk that makes no item): kept ones where the chunk is unchanged, the rest
   * made by `make` from a ledger of only those items (one share per item).
   * Undefined when the items modelled are not one per chunk that makes one.
   */
  shares<S>(view: string, make: (context: ViewContext) => S[], empty: S): Promise<S[] | undefined>;
  /** Shares of the chunks at these places made from a ledger of only their items, by place; undefined as for shares. */
  sharesAt<S>(places: readonly number[], make: (context: ViewContext) => S[]): Promise<Map<number, S> | undefined>;
  /** What the view's shares depend on besides the items and the index's identity (sharesSettings). */
  readonly sharesSettings: unknown;
}

/** What a view's shares depend on besides the items and the index's identity: the view's options and as-of note. */
export function sharesSettings(options: DeadlineOptions, asOfNote: string | undefined): unknown {
  const { counter: _counter, ...rest } = options;
  return { ...rest, ...(asOfNote ? { asOfNote } : {}) };
}

/**
 * What setUpView computes, from the per-item index instead of a whole load:
 * the same notes in the same order. Undefined when the index cannot answer.
 */
export async function indexedView(
  ctx: OpenContext,
  file: string,
  cache: CacheStore,
  calendar: string,
  typed: { asOf?: string; graceDays: number; dueSoonDays: number; staleDays: number },
  notes: Diagnostic[],
  /** The ledger as read this run: its bytes, or one pass through a window (index/file-scan.ts). */
  read?: Uint8Array | ScannedLedger,
): Promise<IndexedView | undefined> {
  const today = beijingToday(ctx.io.now());
  const ledger = await indexedLedger(cache, file, calendar, today, ctx.io.cwd, read);
  if (!ledger) return undefined;
  // The same rule as setUpView: no --as-of means today while the plan year runs, its end once it is over.
  const byYear = typed.asOf === undefined ? defaultAsOf(planPeriod(ledger.plan, typed.graceDays), today) : undefined;
  const asOf = byYear ? byYear.asOf : needsPlanYear(typed.asOf!) ? dateOption(typed.asOf!, '--as-of', { today, planYear: ledger.plan.year }) : typed.asOf!;
  // Asked as of a day before some record (done later, approved later): the whole load sees the ledger as it stood then (view-compute.ts).
  const last = byYear ? undefined : ledger.lastRecord();
  if (last !== undefined && last > asOf) return undefined;
  if (ledger.errors) notes.push(ledgerHasErrorsNote(ledger.errors, file));
  const { overrides, problems } = readCalendarOverrides(ledger.file, ctx.io.cwd);
  notes.push(...problems);
  const counter = new WorkingDayCounter(workCalendar(overrides));
  // The years of the due dates, from the running counts when they stand (every item's due is then never unpacked).
  const unknown = unknownYearsOf(ledger.summary ? dueYearsOf(ledger.summary) : ledger.items.map((item) => item.due), asOf, counter);
  if (unknown.length) notes.push(holidaysUnknownNote(unknown, counter.calendar.source, ledger.file));
  const options = { asOf, dueSoonDays: typed.dueSoonDays, staleDays: typed.staleDays, counter, ...(byYear?.dayOver ? { dayOver: true } : {}) };
  let deadlines: Deadline[] | undefined;
  // Judged on first use: the status summary counts from the running counts instead.
  const judged = () => (deadlines ??= ledger.items.map((item) => judgeDeadline(item.facts, ledger.plan.issuedOn, options)));
  const settingsOfShares = sharesSettings(options, byYear?.note);
  const sharesAt = async <S>(places: readonly number[], make: (context: ViewContext) => S[]): Promise<Map<number, S> | undefined> => {
    const made = new Map<number, S>();
    if (!places.length) return made;
    // Many chunks (no shares kept yet): their values from the cache's last parse, as listedContext reads them.
    const known = places.length * 8 > ledger.chunkHashes.length ? storedItemValues(cache, file, ctx.io.cwd) : undefined;
    const { ledger: alone, chunks } = await ledger.chunkLedger(places, known);
    const context = viewContext(alone, options);
    if (byYear?.note) context.asOfNote = byYear.note;
    const shares = make(context);
    if (shares.length !== chunks.length) return undefined;
    shares.forEach((share, i) => made.set(chunks[i]!, share));
    return made;
  };
  return {
    ledger,
    options,
    get deadlines() {
      return judged();
    },
    obligationDeadline(o) {
      const d = judged()[o.item]!;
      if (!o.own) return d;
      const facts = ledger.items[o.item]!.facts;
      const share = shareFacts(facts, o.own.lastProgress);
      return share === facts ? d : judgeDeadline(share, ledger.plan.issuedOn, options);
    },
    ...(byYear?.note ? { asOfNote: byYear.note } : {}),
    storedValues: () => storedItemValues(cache, file, ctx.io.cwd),
    sharesSettings: settingsOfShares,
    sharesAt,
    async shares<S>(view: string, make: (context: ViewContext) => S[], empty: S): Promise<S[] | undefined> {
      const table = sharesTable(cache, file, ctx.io.cwd, view, settingsOfShares, ledger.identity, ledger.chunkHashes, empty);
      const made = await sharesAt(table.missing, make);
      return made && table.complete(made);
    },
  };
}

