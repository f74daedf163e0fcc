import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import { git, gitRun } from '../git/git.js';
import { loadYamlValue } from '../read/load-yaml-value.js';
import { gongkaiCommand, shellWord } from './gongkai-command.js';
import { hookFile, refuseForeignHook, writeHook } from './hook-file.js';

/** The ledger's path in the shared repository: --ledger, else gongkai.yaml's `ledger` on the default branch. */
function ledgerPath(ctx: CommandContext, gitDir: string): string {
  if (ctx.global.ledger) return ctx.global.ledger.replace(/^\/+/, '');
  const config = gitRun(gitDir, ['show', 'HEAD:gongkai.yaml']);
  const written = config.status === 0 ? (loadYamlValue(config.stdout) as { ledger?: unknown } | null)?.ledger : undefined;
  if (typeof written !== 'string') throw new UserError('LEDGER_NOT_FOUND', '不知道台账在仓库中的路径：用 --ledger data/ledger.yaml 指定（或先推送含 gongkai.yaml 的提交）');
  return written;
}

/** `gongkai hook install --server`: a pre-receive hook in a bare repository that refuses pushes changing other departments' items. */
export async function hookInstallServer(ctx: CommandContext, options: { force?: boolean; requireSigned?: boolean }): Promise<ExitCode> {
  const bare = gitRun(ctx.io.cwd, ['rev-parse', '--is-bare-repository']);
  if (bare.status !== 0 || bare.stdout.trim() !== 'true') throw new UserError('NOT_IN_GIT', '--server 要在共享的裸仓库（git init --bare 建的仓库）中运行');
  const gitDir = git(ctx.io.cwd, ['rev-parse', '--absolute-git-dir']).trim();
  const hook = hookFile(gitDir, 'pre-receive');
  refuseForeignHook(hook, 'pre-receive', options.force);
  const ledger = ledgerPath(ctx, gitDir);
  writeHook(hook, {
    name: 'pre-receive',
    purpose: "refuses commits that change what the author's department may not change, deleted branches and rewritten history; installed by `gongkai hook install --server`.",
    lines: [
      // gongkai reads the ref updates on stdin; any failure of its own (exit 2, 70) refuses the push too.
      `${gongkaiCommand()} check-commits --pre-receive${options.requireSigned ? ' --require-signed' : ''} ${shellWord(`--ledger=${ledger}`)}`,
      'status=$?',
      'if [ "$status" -ne 0 ]; then',
      `  echo ${shellWord('gongkai：拒绝推送。各部门只能改本部门任务的状态、完成日期和进展；改正这些提交后再推送。')} >&2`,
      '  exit 1',
      'fi',
    ],
  });
  ctx.io.stdout(`已安装 ${hook}：推送到这个仓库的每个提交都按部门名录核对，台账 ${ledger} 中改了别的部门任务的推送会被拒绝${options.requireSigned ? '；每个提交都须用部门名录中登记的公钥签名' : ''}。\n`);
  return ExitCode.Ok;
}
