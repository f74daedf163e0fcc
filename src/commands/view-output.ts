import type { CommandContext } from '../command-context.js';
import { renderJson } from '../render/json.js';
import { renderCsv } from '../render/csv.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderTable } from '../render/table.js';
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

/** Writes a report in the chosen text format (to stdout, or to the -o file): JSON from the report itself, the rest from its doc. */
/** How the FILE_WRITTEN line names what was written. */
const TEXT_FORMAT_NAMES: Record<TextFormat, string> = { table: '文本表格', md: 'Markdown', csv: 'CSV 表格', json: 'JSON' };

export function writeView(ctx: CommandContext, format: TextFormat, report: unknown, doc: (bar: boolean) => TableDoc, output?: string): void {
  const out = {
    json: () => renderJson(report),
    md: () => renderMarkdown(doc(false)),
    csv: () => renderCsv(doc(false)),
    table: () => (output ? renderTable(doc(true), Infinity, PLAIN_STYLES, terminalTextWidth(ctx.io.env)) : terminalTable(ctx, doc(true))),
  }[format];
  if (output) writeOutputFile(ctx, output, out(), TEXT_FORMAT_NAMES[format]);
  else ctx.io.stdout(out());
}
