import type { CommandContext } from '../command-context.js';
import { renderJson } from '../render/json.js';
import { ExitCode } from '../exit-code.js';
import { diagnosticAsJson, renderDiagnosticsText, summarizeDiagnostics } from '../render/diagnostics.js';
import { validation } from '../open/remembered-validation.js';

export interface ValidateOptions {
  format: 'text' | 'json';
  strict?: boolean;
  /** Validate the versions staged in git (the pre-commit hook). */
  staged?: boolean;
  /** Show errors only (warnings are still counted in the summary). */
  errorsOnly?: boolean;
}

/** `gongkai validate`: every problem of the ledger and its registry, with file:line:col. */
export async function validateCommand(ctx: CommandContext, options: ValidateOptions): Promise<ExitCode> {
  const { file, items, diagnostics, texts } = await validation(ctx, { staged: options.staged });
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (options.format === 'json') {
    ctx.io.stdout(renderJson({ file, errors, warnings, diagnostics: diagnostics.map(diagnosticAsJson) }));
  } else {
    // In the commit hook, and with -q, only what blocks the commit is shown.
    const errorsOnly = options.staged || options.errorsOnly;
    const shown = errorsOnly ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
    ctx.io.stdout(renderDiagnosticsText(shown, texts, ctx.out));
    const hidden = diagnostics.length - shown.length;
    const summary = `${file}：${items} 项任务，${summarizeDiagnostics(diagnostics)}${options.errorsOnly && hidden ? `（${hidden} 个警告未列出）` : ''}\n`;
    ctx.io.stdout(errors ? ctx.out.error(summary) : warnings ? ctx.out.warning(summary) : ctx.out.ok(summary));
  }
  return errors || (options.strict && warnings) ? ExitCode.Findings : ExitCode.Ok;
}
