import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import { git, gitRun } from '../git/git.js';
import { loadYamlValue } from '../read/load-yaml-value.js';
import { gongkaiCommand, shellWord } from './gongkai-command.js';

const MARKER = '# gongkai pre-receive hook';

/** The ledger's path in the shared repository: --ledger, else gongkai.yaml's `ledger` on the default branch. */
function ledgerPath(ctx: CommandContext, gitDir: string): string {
  if (ctx.global.ledger) return ctx.global.ledger.replace(/^\/+/, '');
  const config = gitRun(gitDir, ['show', 'HEAD:gongkai.yaml']);
  const written = config.status === 0 ? (loadYamlValue(config.stdout) as { ledger?: unknown } | null)?.ledger : undefined;
  if (typeof written !== 'string') throw new UserError('不知道台账在仓库中的路径：用 --ledger data/ledger.yaml 指定（或先推送含 gongkai.yaml 的提交）');
  return written;
}

/** `gongkai hook install --server`: a pre-receive hook in a bare repository that refuses pushes changing other departments' items. */
export async function hookInstallServer(ctx: CommandContext, options: { force?: boolean; requireSigned?: boolean }): Promise<ExitCode> {
  const bare = gitRun(ctx.io.cwd, ['rev-parse', '--is-bare-repository']);
  if (bare.status !== 0 || bare.stdout.trim() !== 'true') throw new UserError('--server 要在共享的裸仓库（git init --bare 建的仓库）中运行');
  const gitDir = git(ctx.io.cwd, ['rev-parse', '--absolute-git-dir']).trim();
  let hooks = git(gitDir, ['rev-parse', '--git-path', 'hooks']).trim();
  if (!isAbsolute(hooks)) hooks = join(gitDir, hooks);
  const hook = join(hooks, 'pre-receive');
  if (existsSync(hook) && !readFileSync(hook, 'utf8').includes(MARKER) && !options.force) {
    throw new UserError(`${hook} 已存在且不是 gongkai 安装的；要替换请加 --force（原钩子会被覆盖）`);
  }
  const ledger = ledgerPath(ctx, gitDir);
  const script = [
    '#!/bin/sh',
    `${MARKER}: refuses commits that change what the author's department may not change, deleted branches and rewritten history; installed by \`gongkai hook install --server\`.`,
    // gongkai reads the ref updates on stdin; any failure of its own (exit 2, 70) refuses the push too.
    `${gongkaiCommand()} check-commits --pre-receive${options.requireSigned ? ' --require-signed' : ''} ${shellWord(`--ledger=${ledger}`)}`,
    'status=$?',
    'if [ "$status" -ne 0 ]; then',
    `  echo ${shellWord('gongkai：拒绝推送。各部门只能改本部门任务的状态、完成日期和进展；改正这些提交后再推送。')} >&2`,
    '  exit 1',
    'fi',
    '',
  ].join('\n');
  mkdirSync(hooks, { recursive: true });
  writeFileSync(hook, script);
  chmodSync(hook, 0o755);
  ctx.io.stdout(`已安装 ${hook}：推送到这个仓库的每个提交都按部门名录核对，台账 ${ledger} 中改了别的部门任务的推送会被拒绝${options.requireSigned ? '；每个提交都须用部门名录中登记的公钥签名' : ''}。\n`);
  return ExitCode.Ok;
}
