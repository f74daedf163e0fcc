import type { CommandContext } from '../command-context.js';
import type { TableDoc } from '../render/table-doc.js';
import type { FileFormatName } from '../render/formats.js';
import { ambiguousCountsWide } from '../render/ambiguous-width.js';
import { writeOutputFile } from './write-output.js';

// The renderers are loaded when a text is made, not at every start: a warm view writes the text kept in the cache.

export type TextFormat = 'table' | 'md' | 'json' | 'csv';
export type ViewFormat = TextFormat | FileFormatName;

/** A view's rows as a doc; `bar`: with the bar chart a terminal table shows. */
export type DocOf = (bar: boolean) => TableDoc | Promise<TableDoc>;

/** Terminal width for tables: the terminal's; unlimited when output is piped or written to a file, so nothing is shortened. */
export function tableWidth(ctx: CommandContext): number {
  return ctx.io.stdoutIsTty && ctx.io.columns ? ctx.io.columns : Infinity;
}

/** How the FILE_WRITTEN line names what was written. */
const TEXT_FORMAT_NAMES: Record<TextFormat, string> = { table: '文本表格', md: 'Markdown', csv: 'CSV 表格', json: 'JSON' };

/** Writes a report in the chosen text format (to stdout, or to the -o file): JSON from the report itself, the rest from its doc. A table in a file is plain and unbounded. */
export async function writeView(ctx: CommandContext, format: TextFormat, report: unknown, doc: DocOf, output?: string): Promise<void> {
  if (!output) {
    ctx.io.stdout(await viewText(ctx, format, report, doc));
    return;
  }
  const text = format === 'table' ? await plainTable(ctx, await doc(true)) : await viewText(ctx, format, report, doc);
  writeOutputFile(ctx, output, text, TEXT_FORMAT_NAMES[format]);
}

/** A table for a file: plain and unbounded. */
async function plainTable(ctx: CommandContext, doc: TableDoc): Promise<string> {
  const [{ renderTable }, { PLAIN_STYLES }, { terminalTextWidth }] = await Promise.all([import('../render/table.js'), import('../render/styles.js'), import('../render/text-width.js')]);
  return renderTable(doc, Infinity, PLAIN_STYLES, terminalTextWidth(ctx.io.env));
}

/** The text writeView writes to stdout in a format: JSON from the report itself, the rest from its doc. */
export async function viewText(ctx: CommandContext, format: TextFormat, report: unknown, doc: DocOf): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../render/json.js')).renderJson(report);
    case 'md':
      return (await import('../render/markdown.js')).renderMarkdown(await doc(false));
    case 'csv':
      return (await import('../render/csv.js')).renderCsv(await doc(false));
    case 'table':
      return (await import('./terminal-table.js')).terminalTable(ctx, await doc(true));
  }
}

/**
 * Everything viewText's text depends on besides the report, so a text kept in
 * the cache is used only where it would be made the same: for a table the
 * width, the count of Ambiguous characters and the styles (by what they do).
 */
export function shownForm(ctx: CommandContext, format: TextFormat): string {
  if (format !== 'table') return format;
  const { error, warning, ok, bold, dim } = ctx.out;
  const paint = [error, warning, ok, bold, dim].map((style) => style('\u0001'));
  return `table|${tableWidth(ctx)}|${ambiguousCountsWide(ctx.io.env) ? 'wide' : 'narrow'}|${JSON.stringify(paint)}`;
}

/** Writes a view's text to stdout: bytes from the cache as they are, where the Io takes bytes. */
export function writeShown(ctx: CommandContext, text: string | Uint8Array | readonly Uint8Array[]): void {
  if (typeof text === 'string') ctx.io.stdout(text);
  else if (!(text instanceof Uint8Array)) for (const part of text) writeShown(ctx, part);
  else if (ctx.io.stdoutBytes) ctx.io.stdoutBytes(text);
  else ctx.io.stdout(Buffer.from(text.buffer, text.byteOffset, text.length).toString('utf8'));
}
