import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { CommandContext } from '../cli/context.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import { git, GitError } from '../git/git.js';
import { packageRoot } from '../package-root.js';

const MARKER = '# gongkai pre-commit hook';

/** A word for sh, single-quoted. */
function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `gongkai hook install`: a pre-commit hook that validates the staged ledger and blocks the commit on errors. */
export async function hookInstallCommand(ctx: CommandContext, options: { force?: boolean }): Promise<ExitCode> {
  let hooks: string;
  try {
    hooks = git(ctx.io.cwd, ['rev-parse', '--git-path', 'hooks']).trim();
    if (!isAbsolute(hooks)) hooks = join(ctx.io.cwd, hooks);
  } catch (cause) {
    if (cause instanceof GitError) throw new UserError('当前目录不在 git 仓库中，无法安装钩子');
    throw cause;
  }
  const hook = join(hooks, 'pre-commit');
  if (existsSync(hook) && !readFileSync(hook, 'utf8').includes(MARKER) && !options.force) {
    throw new UserError(`${hook} 已存在且不是 gongkai 安装的；要替换请加 --force（原钩子会被覆盖）`);
  }
  const ledger = ctx.global.ledger ? ` --ledger ${shellWord(ctx.global.ledger)}` : '';
  const script = [
    '#!/bin/sh',
    `${MARKER}: validates the staged ledger; installed by \`gongkai hook install\`.`,
    `exec ${shellWord(process.execPath)} ${shellWord(join(packageRoot(), 'bin', 'gongkai.js'))} validate --staged${ledger}`,
    '',
  ].join('\n');
  mkdirSync(hooks, { recursive: true });
  writeFileSync(hook, script);
  chmodSync(hook, 0o755);
  ctx.io.stdout(`已安装 ${hook}：每次提交前检查暂存区中的台账，有错误时阻止提交。\n`);
  return ExitCode.Ok;
}
