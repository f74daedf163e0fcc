import type { CommandContext } from '../cli/context.js';
import { ExitCode } from '../cli/exit-code.js';
import { UserError } from '../errors.js';
import { diagnosticAsJson, renderDiagnosticsText, summarizeDiagnostics } from '../render/diagnostics.js';
import { cacheFor, isUnreadable, openLedger, type OpenedLedger } from './open-ledger.js';
import type { Diagnostic } from '../diagnostic.js';
import { beijingToday } from '../model/dates.js';
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

/**
 * Diagnostics with line and column. Locating needs the position-keeping YAML
 * parser (slow on large files), so located results are cached by content.
 */
async function locatedDiagnostics(ctx: CommandContext, opened: OpenedLedger): Promise<Diagnostic[]> {
  if (!opened.diagnostics.length) return [];
  const cache = opened.file === '-' ? undefined : cacheFor(ctx);
  const key = `located:${opened.contentKey}:${beijingToday(ctx.io.now())}`;
  const cached = cache?.get<Diagnostic[]>(key);
  if (cached) return cached.value;
  const { locateDiagnostics } = await import('../read/locate-diagnostics.js');
  const located = locateDiagnostics(opened.diagnostics, opened.texts);
  cache?.set(key, located);
  return located;
}

/** `gongkai validate`: every problem of the ledger and its registry, with file:line:col. */
export async function validateCommand(ctx: CommandContext, options: ValidateOptions): Promise<ExitCode> {
  const opened = await openLedger(ctx, options.staged ? stagedVersions(ctx.io.cwd) : undefined);
  const diagnostics = await locatedDiagnostics(ctx, opened);
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
