import type { OpenContext } from './open-context.js';
import { cacheKeys, calendarFingerprint, hashOfBytes, locatedIn, quickContentKey } from '../cache/index.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import type { Diagnostic } from '../diagnostic.js';
import { beijingToday } from '../model/dates.js';
import { readSourceFile } from '../read/read-file.js';
import { maxFileBytes } from '../read/read-regular-file.js';
import { SourceTexts, type TextSource } from '../read/source-texts.js';
import { cacheOf } from './cache-of.js';
import { locateLedger } from './locate-ledger.js';

export interface Validation {
  file: string;
  items: number;
  /** With line and column. */
  diagnostics: Diagnostic[];
  texts: TextSource;
}

/** Reads files from the git index instead of the working tree, where the index has them. */
async function stagedVersions(cwd: string): Promise<(file: string) => Buffer | undefined> {
  // git (and child_process) only for the commit hook: every other run would pay for loading them.
  const { readBlobs } = await import('../git/commit-range.js');
  const { gitShowBytes, repositoryFinder } = await import('../git/git.js');
  const { basename, dirname, resolve } = await import('node:path');
  const repositoryOf = repositoryFinder(cwd);
  return (file) => {
    if (file.includes('\n')) {
      // A name cat-file's lines cannot carry: the top of the working tree, then git show.
      const repo = repositoryOf(file);
      if (!repo) throw new UserError('NOT_IN_GIT', `${file} 不在 git 仓库中，无法 --staged`);
      try {
        return gitShowBytes(repo.root, '', repo.path);
      } catch {
        return undefined;
      }
    }
    // One git process per file: asked from the file's own folder, `:./name` is its entry in the index, so the top of the
    // working tree need not be asked first. A git that fails there is not in a repository.
    const absolute = resolve(cwd, file);
    const spec = `:./${basename(absolute)}`;
    try {
      return readBlobs(dirname(absolute), [spec]).get(spec);
    } catch {
      throw new UserError('NOT_IN_GIT', `${file} 不在 git 仓库中，无法 --staged`);
    }
  };
}

/**
 * Every finding of every check, located (file:line:col), or the same from the
 * cache when the files' content and today are unchanged. Locating needs the
 * position-keeping YAML parser, which is slow on large files and costs more to
 * load than the rest of a small run.
 */
export async function validation(ctx: OpenContext, { staged = false }: { staged?: boolean }): Promise<Validation> {
  const ledgerAndSettings = await locateLedger(ctx);
  const { file, config } = ledgerAndSettings;
  const cache = staged || file === '-' ? undefined : cacheOf(ctx);
  const today = beijingToday(ctx.io.now());
  // File names in the result are as seen from the working folder.
  // The files the answer is made from, for a process that keeps runs to write them again (cache/replay.ts).
  const noteInput = cache ? ctx.io.inputs?.read : undefined;
  const calendar = cache ? calendarFingerprint(file, ctx.io.cwd, noteInput) : '';
  // One entry per ledger, holding the content, calendar and day its findings are for.
  const key = cacheKeys.validation(ctx.io.cwd, file);
  const keep = (contentKey: string, result: Omit<Validation, 'texts'>) => cache?.set(key, { for: cacheKeys.validationFor(contentKey, calendar, today), ...result });
  // The ledger's bytes are read at most once, for the key and for the run item by item — and not at all when the
  // cache knows a settled file's hash (a warm validate).
  let read: ReturnType<typeof readSourceFile> | undefined;
  const ledger = () => (read ??= cache && !staged && file !== '-' ? readSourceFile(file, { allowLegacy: false, cwd: ctx.io.cwd, maxBytes: maxFileBytes(ctx.io.env) }) : undefined);
  const content = cache ? quickContentKey(file, cache, ctx.io.cwd, () => hashOfBytes(ledger()?.bytes), { read: noteInput }) : undefined;
  if (content !== undefined) ctx.io.inputs?.answeredFromThese();
  const kept = content ? cache!.get<{ for: string } & Omit<Validation, 'texts'>>(key)?.value : undefined;
  if (kept && kept.for === cacheKeys.validationFor(content!, calendar, today)) {
    const { for: _for, ...result } = kept;
    const texts = new SourceTexts();
    // Read when a finding is shown; the ledger's bytes are those already read for the key, when they were.
    for (const name of new Set(result.diagnostics.map((d) => d.file))) {
      texts.setSource(name, () => {
        const read = (name === file ? ledger() : undefined) ?? readSourceFile(name, { allowLegacy: false, cwd: ctx.io.cwd });
        return read.bytes === undefined ? undefined : read;
      });
    }
    return { ...result, texts };
  }
  // After a hand edit, only the items whose text changed are checked again.
  if (cache && file !== '-') {
    const { chunkedValidation } = await import('./chunked-validation.js');
    const chunked = await chunkedValidation(cache, { file, cwd: ctx.io.cwd, today, calendar, graceDays: config.graceDays, maxBytes: maxFileBytes(ctx.io.env), ledger: ledger() });
    if (chunked) {
      const { contentKey, texts, checked: _checked, ...result } = chunked;
      keep(contentKey, result);
      return { ...result, texts };
    }
  }
  // Loading and checking are imported only when the cache cannot answer.
  const { isUnreadable, openLedger } = await import('./open-ledger.js');
  const opened = await openLedger(ctx, { checks: 'all', override: staged ? await stagedVersions(ctx.io.cwd) : undefined, located: ledgerAndSettings });
  const located = cache && opened.file !== '-' ? locatedIn(cache, opened.file, ctx.io.cwd) : undefined;
  const diagnostics = opened.diagnostics.length
    ? await (await import('../read/locate-diagnostics.js')).locateDiagnostics(opened.diagnostics, opened.texts, { memo: (f) => (f === opened.file ? located?.memo : undefined) })
    : [];
  located?.save();
  if (isUnreadable(opened)) throw new UserError('LEDGER_HAS_ERRORS', '无法读取台账', ExitCode.CannotRun, diagnostics, opened.texts);
  const result = { file: opened.file, items: opened.ledger?.items.length ?? 0, diagnostics };
  keep(opened.contentKey, result);
  return { ...result, texts: opened.texts };
}
