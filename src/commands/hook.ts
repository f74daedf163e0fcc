import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import { git, GitError } from '../git/git.js';
import { packageRoot } from '../package-root.js';
import { shellWord } from './gongkai-command.js';
import { installMergeDriver } from './hook-merge.js';
import { chooseLedger } from '../read/find-ledger.js';
import { readConfig } from '../open/locate-ledger.js';

const MARKER = '# gongkai pre-commit hook';


/**
 * The ledger the hook checks, as a path from the top of the working tree (where git runs hooks).
 * Recorded now: at commit time there may be no --ledger, no GONGKAI_LEDGER and no gongkai.yaml to find it by.
 */
async function recordedLedger(ctx: CommandContext, top: string): Promise<string> {
  const file = chooseLedger(ctx.global.ledger, ctx.io.env, await readConfig(ctx));
  if (!file || file === '-') throw new UserError('不知道钩子该检查哪个台账：用 gongkai hook install --ledger 台账文件 指定，或在 gongkai.yaml 中写 ledger: …');
  const path = relative(top, resolve(ctx.io.cwd, file)).split('\\').join('/');
  if (path.startsWith('../') || isAbsolute(path)) throw new UserError(`台账 ${file} 不在这个 git 仓库中，钩子无法检查它`);
  return path;
}

/** `gongkai hook install`: a pre-commit hook that validates the staged ledger and blocks the commit on errors. */
export async function hookInstallCommand(ctx: CommandContext, options: { force?: boolean; mergeDriver?: boolean; server?: boolean; requireSigned?: boolean }): Promise<ExitCode> {
  if (options.server) return (await import('./hook-server.js')).hookInstallServer(ctx, options);
  let hooks: string;
  let top: string;
  try {
    hooks = git(ctx.io.cwd, ['rev-parse', '--git-path', 'hooks']).trim();
    if (!isAbsolute(hooks)) hooks = join(ctx.io.cwd, hooks);
    top = git(ctx.io.cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch (cause) {
    if (cause instanceof GitError) throw new UserError('当前目录不在 git 仓库的工作区中，无法安装钩子');
    throw cause;
  }
  const hook = join(hooks, 'pre-commit');
  if (existsSync(hook) && !readFileSync(hook, 'utf8').includes(MARKER) && !options.force) {
    throw new UserError(`${hook} 已存在且不是 gongkai 安装的；要替换请加 --force（原钩子会被覆盖）`);
  }
  const ledger = await recordedLedger(ctx, top);
  const script = [
    '#!/bin/sh',
    `${MARKER}: validates the staged ledger; installed by \`gongkai hook install\`.`,
    // git runs hooks at the top of the working tree, which the ledger's path is relative to.
    `exec ${shellWord(process.execPath)} ${shellWord(join(packageRoot(), 'bin', 'gongkai.js'))} validate --staged ${shellWord(`--ledger=${ledger}`)}`,
    '',
  ].join('\n');
  mkdirSync(hooks, { recursive: true });
  writeFileSync(hook, script);
  chmodSync(hook, 0o755);
  ctx.io.stdout(`已安装 ${hook}：每次提交前检查暂存区中的台账 ${ledger}，有错误时阻止提交。\n`);
  if (options.mergeDriver !== false) await installMergeDriver(ctx, top, ledger);
  return ExitCode.Ok;
}
