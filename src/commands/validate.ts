import type { CommandContext } from '../cli/context.js';
import { ExitCode } from '../cli/exit-code.js';
import { UserError } from '../errors.js';
import { diagnosticAsJson, renderDiagnosticsText, summarizeDiagnostics } from '../render/diagnostics.js';
import { isUnreadable, openLedger } from './open-ledger.js';
import { gitShowBytes, repositoryOf } from '../git/git.js';
import { resolve } from 'node:path';

export interface ValidateOptions {
  format: 'text' | 'json';
  strict?: boolean;
  /** Validate the versions staged in git (the pre-commit hook). */
  staged?: boolean;
}

/** Reads files from the git index instead of the working tree, where the index has them. */
function stagedVersions(cwd: string): (file: string) => Buffer | undefined {
  return (file) => {
    const repo = repositoryOf(resolve(cwd, file));
    if (!repo) throw new UserError(`${file} 不在 git 仓库中，无法 --staged`);
    try {
      return gitShowBytes(repo.root, '', repo.path);
    } catch {
      return undefined;
    }
  };
}

/** `gongkai validate`: every problem of the ledger and its registry, with file:line:col. */
export async function validateCommand(ctx: CommandContext, options: ValidateOptions): Promise<ExitCode> {
  const opened = await openLedger(ctx, options.staged ? stagedVersions(ctx.io.cwd) : undefined);
  const diagnostics = opened.diagnostics.length ? (await import('../read/locate-diagnostics.js')).locateDiagnostics(opened.diagnostics, opened.texts) : [];
  if (isUnreadable(opened)) throw new UserError('无法读取台账', ExitCode.CannotRun, diagnostics, opened.texts);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (options.format === 'json') {
    ctx.io.stdout(JSON.stringify({ file: opened.file, errors, warnings, diagnostics: diagnostics.map(diagnosticAsJson) }, null, 2) + '\n');
  } else {
    // In the commit hook only what blocks the commit is shown.
    const shown = options.staged ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
    ctx.io.stdout(renderDiagnosticsText(shown, opened.texts, ctx.out));
    const items = opened.ledger?.items.length ?? 0;
    const summary = `${opened.file}：${items} 项任务，${summarizeDiagnostics(diagnostics)}\n`;
    ctx.io.stdout(errors ? ctx.out.error(summary) : warnings ? ctx.out.warning(summary) : ctx.out.ok(summary));
  }
  return errors || (options.strict && warnings) ? ExitCode.Findings : ExitCode.Ok;
}
