import type { CommandContext } from '../cli/context.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import { diagnosticAsJson, renderDiagnosticsText, summarizeDiagnostics } from '../render/diagnostics.js';
import { cacheFor, readConfig } from './config.js';
import { chooseLedger } from '../read/find-ledger.js';
import { quickContentKey } from '../read/content-key.js';
import { readTextFile } from '../read/read-file.js';
import { SourceTexts, type TextSource } from '../read/source-texts.js';
import type { Diagnostic } from '../diagnostic.js';
import { beijingToday } from '../model/dates.js';
import { resolve } from 'node:path';

export interface ValidateOptions {
  format: 'text' | 'json';
  strict?: boolean;
  /** Validate the versions staged in git (the pre-commit hook). */
  staged?: boolean;
}

/** Reads files from the git index instead of the working tree, where the index has them. */
async function stagedVersions(cwd: string): Promise<(file: string) => Buffer | undefined> {
  // git (and child_process) only for the commit hook: every other run would pay for loading them.
  const { gitShowBytes, repositoryOf } = await import('../git/git.js');
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

interface Validation {
  file: string;
  items: number;
  /** With line and column. */
  diagnostics: Diagnostic[];
  texts: TextSource;
}

/**
 * Validates, or answers from the cache when the files' content and today are
 * unchanged. Locating needs the position-keeping YAML parser, which is slow on
 * large files and costs more to load than the rest of a small run.
 */
async function validation(ctx: CommandContext, options: ValidateOptions): Promise<Validation> {
  const cache = options.staged ? undefined : cacheFor(ctx);
  const today = beijingToday(ctx.io.now());
  const file = chooseLedger(ctx.global.ledger, ctx.io.env, await readConfig(ctx));
  const content = cache && file && file !== '-' ? quickContentKey(file, cache) : undefined;
  // File names in the result are as seen from the working folder.
  const key = (contentKey: string) => `validate:${contentKey}:${today}:${process.cwd()}`;
  const hit = content ? cache!.get<Omit<Validation, 'texts'>>(key(content)) : undefined;
  if (hit) {
    const texts = new SourceTexts();
    for (const d of hit.value.diagnostics) texts.set(d.file, () => readTextFile(d.file, { allowLegacy: false }).text ?? '');
    return { ...hit.value, texts };
  }
  // Loading and checking are imported only when the cache cannot answer.
  const { isUnreadable, openLedger } = await import('./open-ledger.js');
  const opened = await openLedger(ctx, options.staged ? await stagedVersions(ctx.io.cwd) : undefined);
  const diagnostics = opened.diagnostics.length ? (await import('../read/locate-diagnostics.js')).locateDiagnostics(opened.diagnostics, opened.texts) : [];
  if (isUnreadable(opened)) throw new UserError('无法读取台账', ExitCode.CannotRun, diagnostics, opened.texts);
  const result = { file: opened.file, items: opened.ledger?.items.length ?? 0, diagnostics };
  if (cache && opened.file !== '-') cache.set(key(opened.contentKey), result);
  return { ...result, texts: opened.texts };
}

/** `gongkai validate`: every problem of the ledger and its registry, with file:line:col. */
export async function validateCommand(ctx: CommandContext, options: ValidateOptions): Promise<ExitCode> {
  const { file, items, diagnostics, texts } = await validation(ctx, options);
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
