import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import { git, GitError } from '../git/git.js';
import { gongkaiCommand, shellWord } from './gongkai-command.js';
import { hookIn, refuseForeignHook, writeHook } from './hook-file.js';
import { installMergeDriver } from './hook-merge.js';
import { attributePattern } from '../git/merge-driver-config.js';
import { chooseLedger } from '../read/find-ledger.js';
import { readConfig } from '../open/locate-ledger.js';


/**
 * The ledger the hook checks, as a path from the top of the working tree (where git runs hooks).
 * Recorded now: at commit time there may be no --ledger, no GONGKAI_LEDGER and no gongkai.yaml to find it by.
 */
async function recordedLedger(ctx: CommandContext, top: string): Promise<string> {
  const file = chooseLedger(ctx.global.ledger, ctx.io.env, await readConfig(ctx));
  if (!file || file === '-') throw new UserError('LEDGER_NOT_FOUND', '不知道钩子该检查哪个台账：用 gongkai hook install --ledger 台账文件 指定，或在 gongkai.yaml 中写 ledger: …');
  const path = relative(top, resolve(ctx.io.cwd, file)).split('\\').join('/');
  if (path.startsWith('../') || isAbsolute(path)) throw new UserError('NOT_IN_GIT', `台账 ${file} 不在这个 git 仓库中，钩子无法检查它`);
  return path;
}

/** Marks the line before each ledger's check in the pre-commit hook, with the path as JSON, so a later install can read it back. */
const LEDGER_MARK = '# ledger: ';

/** The ledgers a pre-commit hook gongkai wrote checks already (none when there is no such hook). */
function recordedBefore(hook: string): string[] {
  if (!existsSync(hook)) return [];
  const paths: string[] = [];
  for (const line of readFileSync(hook, 'utf8').split('\n')) {
    if (!line.startsWith(LEDGER_MARK)) continue;
    try {
      const path = JSON.parse(line.slice(LEDGER_MARK.length)) as unknown;
      if (typeof path === 'string' && path && !path.startsWith('../') && !isAbsolute(path)) paths.push(path);
    } catch {
      // A line someone edited by hand: that ledger is no longer recorded.
    }
  }
  return paths;
}

/** `gongkai hook install`: a pre-commit hook that validates the staged ledger and blocks the commit on errors. */
export async function hookInstallCommand(ctx: CommandContext, options: { force?: boolean; mergeDriver?: boolean; server?: boolean; requireSigned?: boolean }): Promise<ExitCode> {
  if (options.server) return (await import('./hook-server.js')).hookInstallServer(ctx, options);
  let hook: string;
  let top: string;
  try {
    // Both answers from one git process.
    const [hooks = '', toplevel = ''] = git(ctx.io.cwd, ['rev-parse', '--git-path', 'hooks', '--show-toplevel']).split('\n');
    hook = hookIn(ctx.io.cwd, hooks, 'pre-commit');
    top = toplevel;
  } catch (cause) {
    if (cause instanceof GitError) throw new UserError('NOT_IN_GIT', '当前目录不在 git 仓库的工作区中，无法安装钩子');
    throw cause;
  }
  refuseForeignHook(hook, 'pre-commit', options.force);
  const ledger = await recordedLedger(ctx, top);
  // Refused before anything is installed, not after the pre-commit hook is.
  if (options.mergeDriver !== false && attributePattern(ledger) === undefined) throw new UserError('PATH_UNSAYABLE', `路径「${ledger}」含引号、反斜杠或换行，无法写进 .gitattributes；请改名，或加 --no-merge-driver 不装合并驱动`);
  // Installing for the 2027 ledger keeps checking the 2026 one: the ledgers recorded before stay, while they are still there.
  const ledgers = [...new Set([...recordedBefore(hook).filter((path) => existsSync(resolve(top, path))), ledger])];
  writeHook(hook, {
    name: 'pre-commit',
    purpose: 'validates the staged ledgers; installed by `gongkai hook install`.',
    // git runs hooks at the top of the working tree, which the ledgers' paths are relative to.
    lines: ledgers.flatMap((path) => [`${LEDGER_MARK}${JSON.stringify(path)}`, `${gongkaiCommand()} validate --staged ${shellWord(`--ledger=${path}`)} || exit 1`]),
  });
  ctx.io.stdout(`已安装 ${hook}：每次提交前检查暂存区中的台账 ${ledgers.join('、')}，有错误时阻止提交。\n`);
  if (options.mergeDriver !== false) await installMergeDriver(ctx, top, ledger);
  return ExitCode.Ok;
}
