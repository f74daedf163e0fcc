import type { CommandContext } from '../command-context.js';
import { renderCsv } from '../render/csv.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderTable } from '../render/table.js';
import type { TableDoc } from '../render/table-doc.js';
import { PLAIN_STYLES } from '../render/styles.js';
import { writeOutputFile } from './write-output.js';

export type ViewFormat = 'table' | 'md' | 'json' | 'csv' | 'xlsx';

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
