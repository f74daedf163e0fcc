import { relative, resolve } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { hasErrors, info } from '../diagnostic.js';
import { UserError } from '../errors.js';
import { git, repositoryOf } from '../git/git.js';
import { loadLedger } from '../read/load-ledger.js';
import type { LedgerDraft } from '../model/ledger-draft.js';
import { safeLine } from '../render/safe-text.js';
import { carryOver } from '../carry/carry-over.js';

/** The commit the old ledger was last committed in, when it is in git: the link names its history. */
function lastCommit(file: string, cwd: string): string | undefined {
  const repo = repositoryOf(file, cwd);
  if (!repo) return undefined;
  try {
    return git(repo.root, ['log', '-1', '--format=%h', '--', repo.path]).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** `import … --carry-over OLD`: reads last year's ledger and carries its unfinished items into the draft; says what it did on stderr. */
export async function carryOverFrom(ctx: CommandContext, draft: LedgerDraft, oldFile: string, newLedgerFolder: string): Promise<LedgerDraft> {
  const loaded = await loadLedger(oldFile, { cwd: ctx.io.cwd, stdin: ctx.io.stdin });
  if (!loaded.ledger || hasErrors(loaded.diagnostics)) throw new UserError('LEDGER_HAS_ERRORS', `--carry-over：无法读取上年台账 ${oldFile}`, ExitCode.CannotRun, loaded.diagnostics.filter((d) => d.severity === 'error'), loaded.texts);
  const link = relative(newLedgerFolder, resolve(ctx.io.cwd, oldFile)).split('\\').join('/') || oldFile;
  const commit = lastCommit(oldFile, ctx.io.cwd);
  const result = carryOver(draft, loaded.ledger, { ledger: link, ...(commit ? { commit } : {}) });
  const year = loaded.ledger.plan.year;
  ctx.tell(info('CARRY_OVER', [
    `上年结转：${year} 年度未完成的任务 ${result.linked.length + result.added.length} 项，其中 ${result.linked.length} 项新计划中已有（已标明结转），${result.added.length} 项加在「上年结转」部分`,
    ...result.linked.map((l) => `${year} 年第 ${safeLine(l.from)} 项 → 第 ${safeLine(l.to)} 项（文字相似度 ${l.similarity}）`),
    ...result.added.map((a) => `${year} 年第 ${safeLine(a.from)} 项 → ${safeLine(a.to)}（新加在「上年结转」部分）`),
  ].join('\n')));
  return result.draft;
}
