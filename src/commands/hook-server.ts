import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import { gitRun } from '../git/git.js';
import { gongkaiCommand, shellWord } from './gongkai-command.js';
import { hookIn, refuseForeignHook, writeHook } from './hook-file.js';

/** `gongkai hook install --server`: a pre-receive hook in a bare repository that refuses pushes changing other departments' items. */
export async function hookInstallServer(ctx: CommandContext, options: { force?: boolean; requireSigned?: boolean }): Promise<ExitCode> {
  // Bare or not, the git directory and its hooks folder: one git process.
  const answer = gitRun(ctx.io.cwd, ['rev-parse', '--is-bare-repository', '--absolute-git-dir', '--git-path', 'hooks']);
  const [bare = '', gitDir = '', hooks = ''] = answer.stdout.split('\n');
  if (answer.status !== 0 || bare !== 'true' || !gitDir || !hooks) throw new UserError('NOT_IN_GIT', '--server 要在共享的裸仓库（git init --bare 建的仓库）中运行');
  // --git-path answers from the folder git ran in.
  const hook = hookIn(ctx.io.cwd, hooks, 'pre-receive');
  refuseForeignHook(hook, 'pre-receive', options.force);
  writeHook(hook, {
    name: 'pre-receive',
    purpose: "refuses commits that change what the author's department may not change, deleted branches and rewritten history; installed by `gongkai hook install --server`.",
    lines: [
      // gongkai reads the ref updates on stdin; any failure of its own (exit 2, 70) refuses the push too.
      // No ledger is named: every ledger in the repository is judged, whichever year it is for, and any other file is the coordinator's.
      `${gongkaiCommand()} check-commits --pre-receive${options.requireSigned ? ' --require-signed' : ''}`,
      'status=$?',
      'if [ "$status" -ne 0 ]; then',
      `  echo ${shellWord('gongkai：拒绝推送。各部门只能改本部门任务的状态、完成日期、进展和延期申请；要撤回被拒绝的提交、保留其余的，运行 gongkai sync --withdraw-refused。')} >&2`,
      '  exit 1',
      'fi',
    ],
  });
  ctx.io.stdout(`已安装 ${hook}：推送到这个仓库的每个提交都按部门名录核对，仓库中每一份台账都按各部门的职责核对，越权的推送会被拒绝${options.requireSigned ? '；每个提交都须用部门名录中登记的公钥签名' : ''}。\n`);
  return ExitCode.Ok;
}
