import type { CommandContext } from '../command-context.js';
import { info, warning } from '../diagnostic.js';
import { ExitCode } from '../exit-code.js';
import { PROGRAM, UserError } from '../errors.js';
import { git, GitError, repositoryAt, repositoryOf } from '../git/git.js';
import { locateLedger } from '../open/locate-ledger.js';
import { checkCommits } from '../permissions/check-commits.js';
import { refusalLine, violationLine } from '../render/violations.js';
import { checkPush, parseRefUpdates, type PushReport } from '../permissions/push-policy.js';
import { policyOpener } from '../open/policy-opener.js';

/**
 * The repository to read: its git directory when bare; else the one holding
 * the ledger the user named (--ledger, gongkai.yaml), or the working tree the
 * command runs in. The policy covers every ledger in it either way.
 */
async function repositoryRoot(ctx: CommandContext): Promise<{ root: string; head?: { commit: string | undefined } }> {
  const here = repositoryAt(ctx.io.cwd);
  // A bare repository (a pre-receive hook's): HEAD's commit came with the same answer, so the policy need not ask again.
  if (here?.bare) return { root: here.gitDir, head: { commit: here.head } };
  const named = await locateLedger(ctx).then(
    (located) => located.file,
    () => undefined,
  );
  const repo = named && named !== '-' ? repositoryOf(named, ctx.io.cwd) : undefined;
  if (repo) return { root: repo.root };
  if (!here) throw new UserError('NOT_IN_GIT', named && named !== '-' ? `${named} 不在 git 仓库中` : '当前目录不在 git 仓库中');
  return { root: git(ctx.io.cwd, ['rev-parse', '--show-toplevel']).trim() };
}

/** `gongkai check-commits A..B [--new-only]`: each commit changes only what its author's department may change. */
export async function checkCommitsCommand(ctx: CommandContext, range: string | undefined, options: { newOnly?: boolean; preReceive?: boolean; requireSigned?: boolean; format: 'text' | 'json' }): Promise<ExitCode> {
  if ((range === undefined) !== (options.preReceive === true)) throw new UserError('OPTIONS_CONFLICT', options.preReceive ? '--pre-receive 从标准输入读引用更新，不再接受范围' : '请给出提交范围，如 gongkai check-commits origin/main..HEAD');
  const { root, head } = await repositoryRoot(ctx);
  let report: PushReport;
  try {
    const open = policyOpener(ctx);
    const requireSigned = options.requireSigned === true;
    report =
      range === undefined
        ? await checkPush({ root, head, updates: parseRefUpdates(ctx.io.stdin().toString('utf8')), requireSigned, open })
        : { ...(await checkCommits({ root, range, newOnly: options.newOnly === true, requireSigned, open })), refusals: [] };
  } catch (cause) {
    if (cause instanceof GitError) throw new UserError('GIT_FAILED', cause.message);
    throw cause;
  }
  const refused = report.violations.length + report.refusals.length;
  if (options.format === 'json') {
    const violations = report.violations.map((v) => ({ commit: v.commit, author_name: v.authorName, author_email: v.authorEmail, department: v.department ?? null, file: v.path ?? null, item: v.item ?? null, field: v.field, reason: v.reason }));
    const refusals = report.refusals.map((r) => ({ ref: r.ref, reason: r.reason, commit: r.commit ?? null }));
    ctx.io.stdout(JSON.stringify({ commits: report.commits, configured: report.configured, violations, refusals }, null, 2) + '\n');
  } else if (refused) {
    ctx.io.stdout([...report.refusals.map(refusalLine), ...report.violations.map(violationLine)].map((line) => line + '\n').join(''));
    ctx.tell(info('COMMITS_CHECKED', `核对了 ${report.commits} 个提交：${refused} 处超出了提交人所在部门的权限。`));
  } else if (!report.configured && report.commits) {
    ctx.warn(warning('NO_COMMITTERS', '部门名录中没有任何部门登记提交人（committers），无法核对；在名录的部门下写 committers: [邮箱] 后生效。', { file: PROGRAM }));
  } else {
    ctx.tell(info('COMMITS_CHECKED', `核对了 ${report.commits} 个提交：都只改了提交人所在部门可以改的内容。`));
  }
  return refused ? ExitCode.Findings : ExitCode.Ok;
}
