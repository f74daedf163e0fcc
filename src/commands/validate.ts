import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { diagnosticAsJson, renderDiagnosticsText, summarizeDiagnostics } from '../render/diagnostics.js';
import { validation } from '../open/remembered-validation.js';

export interface ValidateOptions {
  format: 'text' | 'json';
  strict?: boolean;
  /** Validate the versions staged in git (the pre-commit hook). */
  staged?: boolean;
}

/** `gongkai validate`: every problem of the ledger and its registry, with file:line:col. */
export async function validateCommand(ctx: CommandContext, options: ValidateOptions): Promise<ExitCode> {
  const { file, items, diagnostics, texts } = await validation(ctx, { staged: options.staged });
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (options.format === 'json') {
    ctx.io.stdout(JSON.stringify({ file, errors, warnings, diagnostics: diagnostics.map(diagnosticAsJson) }, null, 2) + '\n');
  } else {
    // In the commit hook only what blocks the commit is shown.
    const shown = options.staged ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
    ctx.io.stdout(renderDiagnosticsText(shown, texts, ctx.out));
    const summary = `${file}：${items} 项任务，${summarizeDiagnostics(diagnostics)}\n`;
    ctx.io.stdout(errors ? ctx.out.error(summary) : warnings ? ctx.out.warning(summary) : ctx.out.ok(summary));
  }
  return errors || (options.strict && warnings) ? ExitCode.Findings : ExitCode.Ok;
}
