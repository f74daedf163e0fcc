import type { CommandContext } from '../command-context.js';
import { renderJson } from '../render/json.js';
import { renderCsv } from '../render/csv.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderTable, renderTableAgain, type TableRecording } from '../render/table.js';
import { terminalTextWidth } from '../render/text-width.js';
import type { TableDoc } from '../render/table-doc.js';
import type { FileFormatName } from '../render/formats.js';
import { PLAIN_STYLES } from '../render/styles.js';
import { writeOutputFile } from './write-output.js';

export type TextFormat = 'table' | 'md' | 'json' | 'csv';
export type ViewFormat = TextFormat | FileFormatName;

/** Terminal width for tables: the terminal's; unlimited when output is piped or written to a file, so nothing is shortened. */
export function tableWidth(ctx: CommandContext): number {
  return ctx.io.stdoutIsTty && ctx.io.columns ? ctx.io.columns : Infinity;
}

/** A doc as a terminal table for this terminal: its width and its count of Ambiguous characters. */
export function terminalTable(ctx: CommandContext, doc: TableDoc): string {
  return renderTable(doc, tableWidth(ctx), ctx.out, terminalTextWidth(ctx.io.env));
}

/** terminalTable of a doc with rows drawn before (render/table.ts renderTableAgain), as UTF-8 in parts, its rows kept in `keep`; undefined when they cannot be shown as drawn. */
export function terminalTableAgain(ctx: CommandContext, doc: TableDoc, keep: TableRecording): Uint8Array[] | undefined {
  return renderTableAgain(doc, tableWidth(ctx), ctx.out, terminalTextWidth(ctx.io.env), keep);
}

/** How the FILE_WRITTEN line names what was written. */
const TEXT_FORMAT_NAMES: Record<TextFormat, string> = { table: '文本表格', md: 'Markdown', csv: 'CSV 表格', json: 'JSON' };

/** Writes a report in the chosen text format (to stdout, or to the -o file): JSON from the report itself, the rest from its doc. A table in a file is plain and unbounded. */
export function writeView(ctx: CommandContext, format: TextFormat, report: unknown, doc: (bar: boolean) => TableDoc, output?: string): void {
  if (!output) {
    ctx.io.stdout(viewText(ctx, format, report, doc));
    return;
  }
  const text = format === 'table' ? renderTable(doc(true), Infinity, PLAIN_STYLES, terminalTextWidth(ctx.io.env)) : viewText(ctx, format, report, doc);
  writeOutputFile(ctx, output, text, TEXT_FORMAT_NAMES[format]);
}

/** The text writeView writes to stdout in a format: JSON from the report itself, the rest from its doc. */
export function viewText(ctx: CommandContext, format: TextFormat, report: unknown, doc: (bar: boolean) => TableDoc): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'md':
      return renderMarkdown(doc(false));
    case 'csv':
      return renderCsv(doc(false));
    case 'table':
      return terminalTable(ctx, doc(true));
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
  return `table|${tableWidth(ctx)}|${terminalTextWidth(ctx.io.env).ambiguousWide ? 'wide' : 'narrow'}|${JSON.stringify(paint)}`;
}

/** Writes a view's text to stdout: bytes from the cache as they are, where the Io takes bytes. */
export function writeShown(ctx: CommandContext, text: string | Uint8Array | readonly Uint8Array[]): void {
  if (typeof text === 'string') ctx.io.stdout(text);
  else if (!(text instanceof Uint8Array)) for (const part of text) writeShown(ctx, part);
  else if (ctx.io.stdoutBytes) ctx.io.stdoutBytes(text);
  else ctx.io.stdout(Buffer.from(text.buffer, text.byteOffset, text.length).toString('utf8'));
}
