import type { CommandContext } from '../cli/context.js';
import { ExitCode } from '../exit-code.js';
import { beijingToday, isValidDate } from '../model/dates.js';
import { lookupName } from '../model/department.js';
import { didYouMean } from '../model/closest-names.js';
import { isAccountable } from '../model/role.js';
import { parseStatus, STATUS_SPELLINGS } from '../model/status.js';
import { UserError } from '../errors.js';
import { editLedgerFile } from '../edit/edit-ledger.js';
import type { LedgerEdit } from '../edit/ledger-edit.js';
import { commitFile, GitError, repositoryOf, stagedPaths } from '../git/git.js';
import { diffLedgers } from '../query/ledger-diff.js';
import { changeSummary, describeChange } from '../render/changes.js';
import { safeLine } from '../render/safe-text.js';
import { cacheFor, readConfig } from './config.js';
import { chooseLedger } from '../read/find-ledger.js';

export interface SetOptions {
  status?: string;
  due?: string;
  doneOn?: string;
  resolve?: string;
  commit?: boolean;
}

function date(text: string, option: string): string {
  if (!isValidDate(text)) throw new UserError(`${option} 须为存在的日期 YYYY-MM-DD，收到「${text}」`);
  return text;
}

/** `各有关司(局)=社会救助司,养老服务司` */
function parseResolve(text: string): NonNullable<LedgerEdit['resolve']> {
  const at = text.indexOf('=');
  const group = text.slice(0, at).trim();
  const departments = text
    .slice(at + 1)
    .split(/[,，、]/)
    .map((d) => d.trim())
    .filter(Boolean);
  if (at < 0 || !group || !departments.length) throw new UserError(`--resolve 的写法是 群体=部门,部门，如 各有关司(局)=社会救助司,养老服务司；收到「${text}」`);
  return { group, departments };
}

/** Checks git can take the commit before anything is written. */
function prepareCommit(file: string): { root: string; path: string } {
  const repo = repositoryOf(file);
  if (!repo) throw new UserError(`${file} 不在 git 仓库中，无法 --commit；去掉 --commit，或先 git init`);
  const others = stagedPaths(repo.root).filter((p) => p !== repo.path);
  if (others.length) throw new UserError(`暂存区已有其他改动（${others.slice(0, 3).join('、')}${others.length > 3 ? ' 等' : ''}）；gongkai 只提交台账，请先提交或取消暂存这些改动`);
  return repo;
}

/** Applies one edit, prints what changed, commits when asked (--commit or `commit: true` in gongkai.yaml). */
export async function runEdit(ctx: CommandContext, edit: LedgerEdit, commit: boolean | undefined): Promise<ExitCode> {
  const config = await readConfig(ctx);
  const file = chooseLedger(ctx.global.ledger, ctx.io.env, config);
  if (!file) throw new UserError('没有指定台账：用 --ledger 文件 指定，或在 gongkai.yaml 中写 ledger: …');
  if (file === '-') throw new UserError('不能编辑标准输入；用 --ledger 指定台账文件');
  const wantCommit = commit ?? config.commit ?? false;
  const repo = wantCommit ? prepareCommit(file) : undefined;
  const today = beijingToday(ctx.io.now());
  let result;
  try {
    result = await editLedgerFile(file, edit, { today, cache: cacheFor(ctx) });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`${file}: 文件不存在`);
    throw cause;
  }
  const changes = diffLedgers(result.before, result.after);
  if (!changes.length) {
    ctx.io.stdout(`第 ${edit.item} 项没有变化，未写入。\n`);
    return ExitCode.Ok;
  }
  ctx.io.stdout(changes.map((c) => safeLine(describeChange(c)) + '\n').join(''));
  if (repo) {
    const owners = edit.note
      ? [edit.note.dept]
      : result.itemAfter.assignments.filter((a) => isAccountable(a.role)).map((a) => {
          const entry = lookupName(result.after.registry, a.name);
          return entry?.type === 'department' ? entry.department.name : a.name;
        });
    // Marking done sets the done date too; the message names the status change alone.
    const doneNow = changes.some((c) => c.kind === 'status' && c.to === 'done');
    const summarized = changes.filter((c) => !(doneNow && c.kind === 'done_on'));
    const message = `gongkai: ${summarized.map(changeSummary).join('；')} (${[...new Set(owners)].join('、')})`;
    try {
      const hash = commitFile(repo.root, repo.path, message);
      ctx.io.stdout(`已提交 ${hash}：${safeLine(message)}\n`);
    } catch (cause) {
      if (cause instanceof GitError) throw new UserError(`已写入台账，但提交失败：${cause.message}`);
      throw cause;
    }
  }
  return ExitCode.Ok;
}

/** `gongkai set ITEM [--status S] [--due D] [--done-on D] [--resolve G=A,B]` */
export async function setCommand(ctx: CommandContext, item: string, options: SetOptions): Promise<ExitCode> {
  const edit: LedgerEdit = { item };
  if (options.status !== undefined) {
    const status = parseStatus(options.status);
    if (!status) throw new UserError(`没有「${options.status}」这个状态；可用：${STATUS_SPELLINGS.join('、')}${didYouMean(options.status, STATUS_SPELLINGS)}`);
    edit.status = status;
    // 已完成 needs a done date: today's, unless one is given.
    if (status === 'done' && !options.doneOn) edit.doneOn = beijingToday(ctx.io.now());
  }
  if (options.due !== undefined) edit.due = date(options.due, '--due');
  if (options.doneOn !== undefined) edit.doneOn = date(options.doneOn, '--done-on');
  if (options.resolve !== undefined) edit.resolve = parseResolve(options.resolve);
  if (Object.keys(edit).length === 1) throw new UserError('没有要修改的内容：请给出 --status、--due、--done-on 或 --resolve');
  return runEdit(ctx, edit, options.commit);
}

/** `gongkai done ITEM [--on DATE]` */
export async function doneCommand(ctx: CommandContext, item: string, options: { on?: string; commit?: boolean }): Promise<ExitCode> {
  const on = options.on === undefined ? beijingToday(ctx.io.now()) : date(options.on, '--on');
  return runEdit(ctx, { item, status: 'done', doneOn: on }, options.commit);
}

/** `gongkai note ITEM --dept DEPT [--on DATE] TEXT` */
export async function noteCommand(ctx: CommandContext, item: string, text: string[], options: { dept: string; on?: string; commit?: boolean }): Promise<ExitCode> {
  const note = text.join(' ').trim();
  if (!note) throw new UserError('进展内容不能为空');
  const on = options.on === undefined ? beijingToday(ctx.io.now()) : date(options.on, '--on');
  return runEdit(ctx, { item, note: { date: on, dept: options.dept, note } }, options.commit);
}
