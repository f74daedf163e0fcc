import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { error, type Diagnostic, type TextSource } from '../diagnostic.js';
import { PROGRAM, UserError } from '../errors.js';
import { GitError, repositoryAndHead } from '../git/git.js';
import { policyOpener } from '../open/policy-opener.js';
import { violationLine } from '../render/violations.js';
import { withdrawRefused, type WithdrawOutcome } from '../sync/withdraw-refused.js';
import { conflictText, fieldLabel } from '../render/merge-conflicts.js';
import { safeLine } from '../render/safe-text.js';
import { syncLedger, SyncRefused } from '../sync/sync-ledger.js';
import { locateLedger } from '../open/locate-ledger.js';
import { openLedger } from '../open/open-ledger.js';

/** The ledger's errors under a head that says what sync did and did not do. */
function stopped(head: string, found: { errors: readonly Diagnostic[]; texts: TextSource }): UserError {
  return new UserError('LEDGER_HAS_ERRORS', head, ExitCode.Findings, [error('LEDGER_HAS_ERRORS', head, { file: PROGRAM }), ...found.errors], found.texts);
}

/** `gongkai sync [--commit-message M]`: commit the ledger, merge the shared repository's changes, check, push. */
export async function syncCommand(ctx: CommandContext, options: { commitMessage?: string; withdrawRefused?: boolean }): Promise<ExitCode> {
  const { file } = await locateLedger(ctx);
  if (file === '-') throw new UserError('LEDGER_NOT_FOUND', '不能同步标准输入；用 --ledger 指定台账文件');
  // The repository, a merge under way and the branch, in one git process.
  const repo = repositoryAndHead(file, ctx.io.cwd);
  if (!repo) throw new UserError('NOT_IN_GIT', `${file} 不在 git 仓库中：sync 通过 git 与共享仓库同步`);
  if (options.commitMessage !== undefined && !options.commitMessage.trim()) throw new UserError('OPTION_INVALID', '--commit-message 不能为空');
  if (options.withdrawRefused) {
    const withdrawn = await withdrawStep(ctx, repo.root);
    if (withdrawn !== undefined) return withdrawn;
  }
  let outcome;
  try {
    const open = (override: ((f: string) => Buffer | undefined) | undefined) => openLedger(ctx, { checks: 'all', file, override });
    const head = repo.head === 'unborn' ? undefined : { mergeHead: repo.mergeHead, headRef: repo.headRef };
    outcome = await syncLedger({ file, cwd: ctx.io.cwd, root: repo.root, path: repo.path, head, commitMessage: options.commitMessage, open });
  } catch (cause) {
    if (cause instanceof SyncRefused || cause instanceof GitError) throw new UserError('SYNC_REFUSED', `未同步：${cause.message}`);
    throw cause;
  }
  const say = (line: string) => ctx.io.stdout(safeLine(line) + '\n');
  if (outcome.committed) say(`已提交 ${outcome.committed.hash}：${outcome.committed.message}`);
  switch (outcome.kind) {
    case 'synced':
      say(outcome.incoming ? `已合并远端的 ${outcome.incoming} 个提交，没有冲突。` : '远端没有新的提交。');
      say(outcome.pushed ? '已推送。同步完成。' : '没有要推送的提交。同步完成。');
      return ExitCode.Ok;
    case 'invalid-local':
      // The diagnostics follow the head, each with its place.
      throw stopped('台账有错误，未提交也未同步；改正后再运行 gongkai sync：', outcome);
    case 'invalid-merge':
      throw stopped('与远端合并后的台账有错误，已退回合并之前（本地提交保留，未推送）：', outcome);
    case 'conflict': {
      const lines = ['同步未完成：本地和远端改了同一处，已撤销这次合并，本地提交和工作区保持合并之前的样子。'];
      for (const { path, fields } of outcome.conflicts) {
        if (!fields.length) lines.push(`  ${path}：两边改了相同的行`);
        for (const f of fields) lines.push(`  ${path}：${conflictText(f).replace('对方', '远端')}`);
      }
      const first = outcome.conflicts.flatMap((c) => c.fields).find((f) => f.item !== undefined && f.field !== '*');
      const hint = first ? `例如 gongkai set ${first.item} …把「${fieldLabel(first.field)}」` : '把这些地方';
      lines.push(`与对方商定后，${hint}改成商定的值，再运行 gongkai sync；或者 git pull，在台账中解决冲突标记，gongkai validate 后提交。`);
      ctx.tell(error('SYNC_STOPPED', lines.join('\n'), { file: PROGRAM }));
      return ExitCode.Findings;
    }
    case 'push-refused':
      ctx.tell(error('SYNC_REFUSED', `共享仓库拒绝了推送：\n${outcome.remoteMessage.trimEnd()}\n本地提交保留，尚未推送。要撤回被拒绝的提交、保留其余的：gongkai sync --withdraw-refused（被拒绝的提交从未推送，撤回后不留在共享仓库的历史中）。`, { file: PROGRAM }));
      return ExitCode.Findings;
  }
}

/**
 * `sync --withdraw-refused`: takes the commits the push policy refuses out of
 * the branch (they were never pushed) and replays the rest on the shared
 * branch; then the sync goes on. Returns an exit code when it stops there.
 */
async function withdrawStep(ctx: CommandContext, root: string): Promise<ExitCode | undefined> {
  const open = policyOpener(ctx);
  let outcome: WithdrawOutcome;
  try {
    outcome = await withdrawRefused({ root, open });
  } catch (cause) {
    if (cause instanceof SyncRefused || cause instanceof GitError) throw new UserError('SYNC_REFUSED', `未撤回：${cause.message}`);
    throw cause;
  }
  const say = (line: string) => ctx.io.stdout(safeLine(line) + '\n');
  if (outcome.kind === 'nothing-refused') {
    say(`本地 ${outcome.local} 个未推送的提交都符合这里的部门名录所定的推送规则，没有要撤回的；接着同步。`);
    return undefined;
  }
  const list = outcome.withdrawn.map((c) => `  ${c.hash.slice(0, 7)} ${c.subject}`);
  const reasons = outcome.violations.map((v) => `  ${violationLine(v)}`);
  if (outcome.kind === 'stuck') {
    const why =
      outcome.reason === 'depends'
        ? `提交 ${outcome.commit.slice(0, 7)} 建立在被拒绝的提交之上，撤回之后无法单独保留`
        : `撤回之后，提交 ${outcome.commit.slice(0, 7)} 仍然不符合推送规则`;
    ctx.tell(error('SYNC_STOPPED', [`未撤回：${why}；分支保持原样（${outcome.previous.slice(0, 7)}）。`, '被拒绝的提交：', ...list, ...reasons, '可以用 git reset --hard @{upstream} 放弃全部未推送的提交，再重做符合规则的修改。'].join('\n'), { file: PROGRAM }));
    return ExitCode.Findings;
  }
  say(`已撤回 ${outcome.withdrawn.length} 个被拒绝的提交（从未推送）：`);
  for (const line of [...list, ...reasons]) say(line);
  say(`其余 ${outcome.replayed} 个提交已重新放在远端最新版本之后${outcome.skippedMerges ? `（此前同步产生的 ${outcome.skippedMerges} 个合并提交不再需要）` : ''}；原来的提交仍可用 git reset --hard ${outcome.previous.slice(0, 7)} 找回。`);
  return undefined;
}
