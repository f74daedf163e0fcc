import type { CommandContext } from '../command-context.js';
import { renderTable, renderTableAgain } from '../render/table.js';
import type { TableRecording } from '../render/table-recording.js';
import { terminalTextWidth } from '../render/text-width.js';
import type { TableDoc } from '../render/table-doc.js';
import { tableWidth } from './view-output.js';

/** A doc as a terminal table for this terminal: its width and its count of Ambiguous characters. */
export function terminalTable(ctx: CommandContext, doc: TableDoc): string {
  return renderTable(doc, tableWidth(ctx), ctx.out, terminalTextWidth(ctx.io.env));
}

/** terminalTable of a doc with rows drawn before (render/table.ts renderTableAgain), as UTF-8 in parts, its rows kept in `keep`; undefined when they cannot be shown as drawn. */
export function terminalTableAgain(ctx: CommandContext, doc: TableDoc, keep: TableRecording): Uint8Array[] | undefined {
  return renderTableAgain(doc, tableWidth(ctx), ctx.out, terminalTextWidth(ctx.io.env), keep);
}
