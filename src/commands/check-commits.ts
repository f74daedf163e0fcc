import type { CommandContext } from '../command-context.js';
import { info, warning } from '../diagnostic.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import { git, GitError, gitRun, repositoryOf } from '../git/git.js';
import { checkCommits } from '../permissions/check-commits.js';
import { refusalLine, violationLine } from '../render/violations.js';
import { checkPush, parseRefUpdates, type PushReport } from '../permissions/push-policy.js';
import { locateLedger } from '../open/locate-ledger.js';
import { openLedger } from '../open/open-ledger.js';

/** The repository to read and the ledger's path in it: a bare repository takes --ledger as that path. */
async function ledgerInRepository(ctx: CommandContext): Promise<{ root: string; ledgerPath: string }> {
  const bare = gitRun(ctx.io.cwd, ['rev-parse', '--is-bare-repository']);
  if (bare.status !== 0) throw new UserError('NOT_IN_GIT', '当前目录不在 git 仓库中');
  if (bare.stdout.trim() === 'true') {
    const ledgerPath = ctx.global.ledger;
    if (!ledgerPath) throw new UserError('LEDGER_NOT_FOUND', '在裸仓库中要用 --ledger 给出台账在仓库中的路径，如 --ledger data/ledger.yaml');
    return { root: git(ctx.io.cwd, ['rev-parse', '--absolute-git-dir']).trim(), ledgerPath: ledgerPath.replace(/^\/+/, '') };
  }
  const { file } = await locateLedger(ctx);
  if (file === '-') throw new UserError('LEDGER_NOT_FOUND', 'check-commits 读 git 中的台账：用 --ledger 指定台账文件');
  const repo = repositoryOf(file, ctx.io.cwd);
  if (!repo) throw new UserError('NOT_IN_GIT', `${file} 不在 git 仓库中`);
  return { root: repo.root, ledgerPath: repo.path };
}

/** `gongkai check-commits A..B [--new-only]`: each commit changes only what its author's department may change. */
export async function checkCommitsCommand(ctx: CommandContext, range: string | undefined, options: { newOnly?: boolean; preReceive?: boolean; requireSigned?: boolean; format: 'text' | 'json' }): Promise<ExitCode> {
  if ((range === undefined) !== (options.preReceive === true)) throw new UserError('OPTIONS_CONFLICT', options.preReceive ? '--pre-receive 从标准输入读引用更新，不再接受范围' : '请给出提交范围，如 gongkai check-commits origin/main..HEAD');
  const { root, ledgerPath } = await ledgerInRepository(ctx);
  let report: PushReport;
  try {
    const open = (file: string, override: (f: string) => Buffer | undefined) => openLedger(ctx, { checks: 'none', file, override });
    const requireSigned = options.requireSigned === true;
    report =
      range === undefined
        ? await checkPush({ root, ledgerPath, updates: parseRefUpdates(ctx.io.stdin().toString('utf8')), requireSigned, open })
        : { ...(await checkCommits({ root, ledgerPath, range, newOnly: options.newOnly === true, requireSigned, open })), refusals: [] };
  } catch (cause) {
    if (cause instanceof GitError) throw new UserError('GIT_FAILED', cause.message);
    throw cause;
  }
  const refused = report.violations.length + report.refusals.length;
  if (options.format === 'json') {
    const violations = report.violations.map((v) => ({ commit: v.commit, author_name: v.authorName, author_email: v.authorEmail, department: v.department ?? null, item: v.item ?? null, field: v.field, reason: v.reason }));
    const refusals = report.refusals.map((r) => ({ ref: r.ref, reason: r.reason, commit: r.commit ?? null }));
    ctx.io.stdout(JSON.stringify({ commits: report.commits, configured: report.configured, violations, refusals }, null, 2) + '\n');
  } else if (refused) {
    ctx.io.stdout([...report.refusals.map(refusalLine), ...report.violations.map(violationLine)].map((line) => line + '\n').join(''));
    ctx.tell(info('COMMITS_CHECKED', `核对了 ${report.commits} 个提交：${refused} 处超出了提交人所在部门的权限。`));
  } else if (!report.configured && report.commits) {
    ctx.warn(warning('NO_COMMITTERS', '部门名录中没有任何部门登记提交人（committers），无法核对；在名录的部门下写 committers: [邮箱] 后生效。', { file: ledgerPath }));
  } else {
    ctx.tell(info('COMMITS_CHECKED', `核对了 ${report.commits} 个提交：都只改了提交人所在部门可以改的内容。`));
  }
  return refused ? ExitCode.Findings : ExitCode.Ok;
}
