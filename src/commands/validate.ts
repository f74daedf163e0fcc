import type { CommandContext } from '../cli/context.js';
import { ExitCode } from '../cli/exit-code.js';
import { UserError } from '../errors.js';
import { locateDiagnostics } from '../read/locate-diagnostics.js';
import { diagnosticAsJson, renderDiagnosticsText, summarizeDiagnostics } from '../render/diagnostics.js';
import { isUnreadable, openLedger } from './open-ledger.js';

export interface ValidateOptions {
  format: 'text' | 'json';
  strict?: boolean;
}

/** `gongkai validate`: every problem of the ledger and its registry, with file:line:col. */
export async function validateCommand(ctx: CommandContext, options: ValidateOptions): Promise<ExitCode> {
  const opened = await openLedger(ctx);
  const diagnostics = locateDiagnostics(opened.diagnostics, opened.texts);
  if (isUnreadable(opened)) throw new UserError('无法读取台账', ExitCode.CannotRun, diagnostics, opened.texts);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (options.format === 'json') {
    ctx.io.stdout(JSON.stringify({ file: opened.file, errors, warnings, diagnostics: diagnostics.map(diagnosticAsJson) }, null, 2) + '\n');
  } else {
    ctx.io.stdout(renderDiagnosticsText(diagnostics, opened.texts, ctx.out));
    const items = opened.ledger?.items.length ?? 0;
    const summary = `${opened.file}：${items} 项任务，${summarizeDiagnostics(diagnostics)}\n`;
    ctx.io.stdout(errors ? ctx.out.error(summary) : warnings ? ctx.out.warning(summary) : ctx.out.ok(summary));
  }
  return errors || (options.strict && warnings) ? ExitCode.Findings : ExitCode.Ok;
}
