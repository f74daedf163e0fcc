import type { CommandContext } from '../cli/context.js';
import { needsPlanYear } from '../model/typed-date.js';
import { dateOption } from './typed-input.js';
import { UserError } from '../errors.js';
import { beijingToday } from '../model/dates.js';
import { chooseLedger } from '../read/find-ledger.js';
import { quickContentKey } from '../read/content-key.js';
import { calendarOverridesKey } from '../read/calendar-key.js';
import type { ViewContext } from '../query/view-context.js';
import { renderCsv } from '../render/csv.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderTable } from '../render/table.js';
import type { TableDoc } from '../render/table-doc.js';
import { PLAIN_STYLES } from '../render/styles.js';
import { cacheFor, readConfig } from './config.js';
import { writeOutputFile } from './write-output.js';

export type ViewFormat = 'table' | 'md' | 'json' | 'csv' | 'xlsx';

export interface ViewOptions {
  asOf?: string;
  within?: string;
  staleDays?: string;
}

function positiveInteger(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UserError(`${option} 须为非负整数，收到「${text}」`);
  return Number(text);
}

/**
 * Computes a view's report, or takes it from the cache when nothing it depends
 * on has changed: the bytes of the ledger, its registry and the calendar
 * overrides, the as-of date, today, the options and the view asked for. The
 * notes printed with it (errors in the ledger, unknown years) are kept with it.
 */
export async function viewReport<T>(
  ctx: CommandContext,
  options: ViewOptions,
  view: string,
  /** `notes` are printed to stderr with the report, now and when it comes from the cache. */
  compute: (context: ViewContext, notes: string[]) => T | Promise<T>,
  { remember = true }: { remember?: boolean } = {},
): Promise<T> {
  const today = beijingToday(ctx.io.now());
  // A month and day alone (10月8日) is kept as typed until the ledger names its year.
  const asOf = options.asOf === undefined ? today : needsPlanYear(options.asOf) ? options.asOf : dateOption(options.asOf, '--as-of', { today });
  const config = await readConfig(ctx);
  const settings = {
    asOf,
    dueSoonDays: positiveInteger(options.within, '--within') ?? config.dueSoonDays ?? 10,
    staleDays: positiveInteger(options.staleDays, '--stale-days') ?? config.staleDays ?? 30,
  };
  const cache = cacheFor(ctx);
  const file = chooseLedger(ctx.global.ledger, ctx.io.env, config);
  const cacheable = remember && cache && file && file !== '-';
  const calendar = cacheable ? calendarOverridesKey(file) : '';
  const keyFor = (content: string) => `view:${view}:${content}|calendar:${calendar}:${JSON.stringify(settings)}:${beijingToday(ctx.io.now())}`;
  const content = cacheable ? quickContentKey(file, cache) : undefined;
  const cached = content ? cache!.get<{ report: T; notes: string[] }>(keyFor(content)) : undefined;
  const notes: string[] = [];
  let report: T;
  if (cached) {
    report = cached.value.report;
    notes.push(...cached.value.notes);
  } else {
    // Loading and computing are imported only when the cache cannot answer.
    const { setUpView } = await import('./view-compute.js');
    const { context, contentKey } = await setUpView(ctx, settings, notes);
    report = await compute(context, notes);
    // Stored under the content actually loaded, so a file changed meanwhile cannot be mistaken for the old one.
    if (cacheable) cache!.set(keyFor(contentKey), { report, notes });
  }
  for (const note of notes) ctx.io.stderr(ctx.err.warning(`${note}\n`));
  return report;
}

/** Terminal width for tables: the terminal's, or 120 when output is not a terminal. */
export function tableWidth(ctx: CommandContext): number {
  return ctx.io.stdoutIsTty && ctx.io.columns ? ctx.io.columns : 120;
}

/** Writes a report in the chosen text format (to stdout, or to the -o file): JSON from the report itself, the rest from its doc. */
export function writeView(ctx: CommandContext, format: Exclude<ViewFormat, 'xlsx'>, report: unknown, doc: (bar: boolean) => TableDoc, output?: string): void {
  const out = {
    json: () => JSON.stringify(report, null, 2) + '\n',
    md: () => renderMarkdown(doc(false)),
    csv: () => renderCsv(doc(false)),
    table: () => (output ? renderTable(doc(true), 120, PLAIN_STYLES) : renderTable(doc(true), tableWidth(ctx), ctx.out)),
  }[format];
  if (output) writeOutputFile(ctx, output, out(), format);
  else ctx.io.stdout(out());
}
