import { stringify } from 'yaml';
import { renderJson } from '../render/json.js';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import type { AssignmentTable } from '../query/assignment-table.js';
import { MASTER_SHEET } from '../model/form-layout.js';
import { ledgerExport } from '../query/ledger-export.js';
import { openLedgerForView } from '../open/open-ledger.js';
import type { Diagnostic } from '../diagnostic.js';
import { viewReport, type ViewOptions } from '../open/remembered-view.js';
import { isFileFormat } from '../render/formats.js';
import { writeRendered } from './write-output.js';

export interface ExportOptions extends Pick<ViewOptions, 'asOf'> {
  format: 'json' | 'yaml' | 'xlsx';
  output?: string;
}

/** `gongkai export`: the loaded ledger, every item with its roles, as JSON or YAML; as xlsx, the 任务分工表. */
export async function exportCommand(ctx: CommandContext, options: ExportOptions): Promise<ExitCode> {
  if (isFileFormat(options.format)) {
    const table = await viewReport<AssignmentTable>(ctx, { asOf: options.asOf }, 'assignment-table', async (view) => (await import('../query/assignment-table.js')).assignmentTable(view));
    const { locateLedger } = await import('../open/locate-ledger.js');
    const { file } = await locateLedger(ctx);
    let origin: { ledgerSha256: string; commit: string | null; signature?: string } = { ledgerSha256: '', commit: null };
    if (file !== '-') {
      origin = (await import('./form-origin.js')).formOrigin(file, ctx.io.cwd);
      // Signed like a form, so collect can read an edited copy back and a department's form cannot pose as it.
      if (options.format === 'xlsx') {
        const { masterRecordOf, signForm } = await import('./form-key.js');
        origin = { ...origin, signature: signForm(ctx, file, masterRecordOf(table, origin, MASTER_SHEET)) };
      }
    }
    await writeRendered(ctx, options.format, 'assignment', { table, origin }, options.output);
    return ExitCode.Ok;
  }
  const notes: Diagnostic[] = [];
  const { ledger } = await openLedgerForView(ctx, notes);
  for (const note of notes) ctx.warn(note);
  const data = ledgerExport(ledger);
  const text = options.format === 'yaml' ? stringify(data, { lineWidth: 0, aliasDuplicateObjects: false }) : renderJson(data);
  if (options.output) (await import('./write-output.js')).writeOutputFile(ctx, options.output, text, options.format);
  else ctx.io.stdout(text);
  return ExitCode.Ok;
}
