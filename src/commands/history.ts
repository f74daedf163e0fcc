import { relative, resolve } from 'node:path';
import { renderJson } from '../render/json.js';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import { GitError, repositoryOf, verifyRevision } from '../git/git.js';
import { locateLedger } from '../open/locate-ledger.js';
import { ledgerAt } from '../open/ledger-at.js';
import { diffLedgers } from '../query/ledger-diff.js';
import { ledgerHistory } from '../open/ledger-history.js';
import { describeChange } from '../render/changes.js';
import { safeLine } from '../render/safe-text.js';
import { terminalTable } from './terminal-table.js';

async function ledgerRepository(ctx: CommandContext) {
  const { file } = await locateLedger(ctx);
  if (file === '-') throw new UserError('LEDGER_NOT_FOUND', '没有指定台账文件：用 --ledger 指定，或在 gongkai.yaml 中写 ledger: …');
  const repo = repositoryOf(file, ctx.io.cwd);
  if (!repo) throw new UserError('NOT_IN_GIT', `${file} 不在 git 仓库中：历史和差异来自 git`);
  return { file, ...repo };
}

/** `gongkai diff [REV [REV]]`: what changed, item by item, between two versions (default HEAD and the working file). */
export async function diffCommand(ctx: CommandContext, revisions: string[], options: { format: 'text' | 'json' }): Promise<ExitCode> {
  const { file, root } = await ledgerRepository(ctx);
  if (revisions.length > 2) throw new UserError('USAGE', 'gongkai diff 最多接受两个版本');
  const [from = 'HEAD', to] = revisions;
  try {
    // Revisions are typed by the user: checked and turned into commit ids before git sees them.
    const fromCommit = verifyRevision(root, from);
    const toCommit = to === undefined ? undefined : verifyRevision(root, to);
    const changes = diffLedgers(await ledgerAt(ctx, file, root, fromCommit, from), await ledgerAt(ctx, file, root, toCommit, to));
    if (options.format === 'json') ctx.io.stdout(renderJson({ from, to: to ?? null, changes }));
    else if (!changes.length) ctx.io.stdout(`${from} 与${to ? ` ${to}` : '工作区'}之间台账没有实质变化。\n`);
    else ctx.io.stdout(`${from} → ${to ?? '工作区'}：${changes.length} 处变化\n` + changes.map((c) => safeLine(describeChange(c)) + '\n').join(''));
  } catch (cause) {
    if (cause instanceof GitError) throw new UserError('GIT_FAILED', cause.message);
    throw cause;
  }
  return ExitCode.Ok;
}

/** `gongkai log [ITEM]`: the history of an item (or the plan) rebuilt from the ledger's versions in git. */
export async function logCommand(ctx: CommandContext, item: string | undefined, options: { format: 'table' | 'json' }): Promise<ExitCode> {
  const { file, root } = await ledgerRepository(ctx);
  const path = relative(root, resolve(ctx.io.cwd, file)).split('\\').join('/');
  const entries = (await ledgerHistory(ctx, root, path)).filter((e) => !item || e.change.item === item);
  // No history for an item the ledger does not have either: a mistyped number, said as such (not an empty history).
  if (item && !entries.length && !(await ledgerAt(ctx, file, root, undefined)).items.some((i) => i.number === item)) {
    throw new UserError('ITEM_NOT_FOUND', `台账中没有第 ${item} 项，历史中也没有它的变化`);
  }
  if (options.format === 'json') {
    ctx.io.stdout(renderJson({ item: item ?? null, entries }));
    return ExitCode.Ok;
  }
  const title = item ? `第 ${item} 项的变化` : '台账的变化';
  ctx.io.stdout(
    terminalTable(ctx, {
        title,
        facts: [`${file}，按 git 提交从早到晚`],
        tables: [
          {
            columns: [{ header: '日期' }, { header: '作者' }, { header: '提交' }, { header: '变化', flexible: true }],
            rows: entries.map((e) => ({ cells: [e.date, e.author, e.commit, describeChange(e.change)] })),
            empty: '没有记录到变化。',
          },
        ],
        notes: [],
      }),
  );
  return ExitCode.Ok;
}
