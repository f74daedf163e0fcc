import { warning, type Diagnostic } from '../diagnostic.js';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { beijingToday, dateOfEpochDay, epochDay } from '../model/dates.js';
import { pendingRequest, type Item, type Ledger } from '../model/ledger.js';
import { effectiveDue } from '../model/milestones.js';
import type { Status } from '../model/status.js';
import { dateOption, departmentOption } from '../typed-input.js';
import { lookupName } from '../model/department.js';
import { didYouMean } from '../model/closest-names.js';
import { isAccountable } from '../model/role.js';
import { parseStatus, STATUS_SPELLINGS } from '../model/status.js';
import { UserError } from '../errors.js';
import { editLedgerFile, type EditResult } from '../edit/edit-ledger.js';
import type { LedgerEdit } from '../model/ledger-edit.js';
import { commitFile, fileStateAgainstHead, GitError, repositoryAndHead, stagedPaths } from '../git/git.js';
import { diffLedgers, type Change } from '../query/ledger-diff.js';
import { changeSummary, describeChange } from '../render/changes.js';
import { safeLine } from '../render/safe-text.js';
import { locateLedger } from '../open/locate-ledger.js';
import { openLedger } from '../open/open-ledger.js';
import { openItem } from '../open/open-item.js';
import { periodOf, recordDate } from './record-date.js';
import { defaultAsOf } from '../model/plan-year.js';

export interface SetOptions {
  status?: string;
  due?: string;
  doneOn?: string;
  resolve?: string;
  /** With 已取消: why, who approved, when. */
  reason?: string;
  approvedBy?: string;
  on?: string;
  /** Move `due` without a postponement record, on an item that is overdue or was postponed. */
  force?: boolean;
  commit?: boolean;
}

/** An edit as typed: dates and department names are understood once the ledger is read (its year, its registry); `dated` gives a record's date by the plan-year rule, `asOf` the first day a deadline before it counts as missed (the views' date, or the day after a finished year's end: that day is over). */
type TypedEdit = (ledger: Ledger, understood: (note: Diagnostic) => void, dated: (typed: string | undefined, option: string) => string, asOf: string) => LedgerEdit;

/** A typed date, with the plan's year for 10月8日. */
const typedDate = (text: string, option: string, today: string, ledger: Ledger) => dateOption(text, option, { today, planYear: ledger.plan.year });

/** A typed department name as it goes into the ledger: as written when the registry knows it, else the full name it stands for. */
function typedDepartment(text: string, ledger: Ledger, understood: (note: Diagnostic) => void, option: string): string {
  return lookupName(ledger.registry, text) ? text : departmentOption(ledger.registry, text, understood, option).name;
}

/** The item an edit is about, when the ledger has it (otherwise the edit itself reports it missing). */
const itemOf = (ledger: Ledger, number: string): Item | undefined => ledger.items.find((i) => i.number === number);

/**
 * `set --due` on an item that is overdue or was postponed before would erase
 * the fact that it was late: that takes `postpone` (with a reason), or --force.
 */
function refuseSilentPostponement(item: Item | undefined, due: string, asOf: string): void {
  if (!item || item.due === due) return;
  const open = item.status === 'not_started' || item.status === 'in_progress';
  const late = open && effectiveDue(item) < asOf;
  if (!late && !item.postponements.length) return;
  const why = late ? `已逾期（时限 ${effectiveDue(item)}）` : `已延期 ${item.postponements.length} 次`;
  // Advice that works: postpone only moves a deadline later, so an earlier date can only be written with --force.
  const advice =
    due > item.due
      ? `改时限请用 gongkai postpone ${item.number} --to ${due} --reason 理由 [--approved-by 批准人]，留下延期记录；确要直接改写时限，加 --force`
      : `新时限 ${due} 早于当前时限 ${item.due}，延期只能推后；确是纠正录入错误，加 --force 直接改写`;
  throw new UserError('EDIT_REFUSED', `第 ${item.number} 项${why}：${advice}`);
}

/** `各有关司(局)=社会救助司,养老服务司` */
function parseResolve(text: string): { group: string; departments: string[] } {
  const at = text.indexOf('=');
  const group = text.slice(0, at).trim();
  const departments = text
    .slice(at + 1)
    .split(/[,，、]/)
    .map((d) => d.trim())
    .filter(Boolean);
  if (at < 0 || !group || !departments.length) throw new UserError('OPTION_INVALID', `--resolve 的写法是 群体=部门,部门，如 各有关司(局)=社会救助司,养老服务司；收到「${text}」`);
  return { group, departments };
}

/** The repository an edit commits to, with what git said of it before the edit: the paths staged, and whether HEAD has a commit yet. */
export interface CommitTarget {
  root: string;
  path: string;
  staged: readonly string[];
  unborn: boolean;
}

/** Checks git can take the commit before anything is written (two git processes: the repository and HEAD, then the index). */
export function prepareCommit(ctx: CommandContext, file: string): CommitTarget {
  const repo = repositoryAndHead(file, ctx.io.cwd);
  if (!repo) throw new UserError('NOT_IN_GIT', `${file} 不在 git 仓库中，无法 --commit；去掉 --commit，或先 git init`);
  const staged = stagedPaths(repo.root);
  const others = staged.filter((p) => p !== repo.path);
  if (others.length) throw new UserError('STAGED_CHANGES', `暂存区已有其他改动（${others.slice(0, 3).join('、')}${others.length > 3 ? ' 等' : ''}）；gongkai 只提交台账，请先提交或取消暂存这些改动`);
  if (repo.head === 'detached') ctx.warn(warning('HEAD_DETACHED', 'HEAD 处于分离状态（不在任何分支上），这次提交不属于任何分支；要保留它，提交后用 git switch -c 分支名', { file: repo.root }));
  return { root: repo.root, path: repo.path, staged, unborn: repo.head === 'unborn' };
}

/**
 * The commit must hold gongkai's change and nothing else, under a message that
 * describes it: so the file gongkai edits must be exactly the one in HEAD.
 */
export function requireCommittedBase(file: string, repo: CommitTarget, bytes: Buffer): void {
  // The index as prepareCommit saw it: gongkai's own commits never leave the ledger staged.
  const state = fileStateAgainstHead(repo.root, repo.path, bytes, { staged: repo.staged, unborn: repo.unborn });
  const fix = '先提交（git commit）或放弃（git restore）这些修改，或不加 --commit 运行';
  if (state === 'modified') throw new UserError('UNCOMMITTED_CHANGES', `${file} 有尚未提交的修改（与 HEAD 不同）；--commit 只提交 gongkai 自己的改动，未写入。${fix}`);
  if (state === 'untracked' || state === 'no-commits') throw new UserError('UNCOMMITTED_CHANGES', `${file} 还没有提交到 git；--commit 只提交 gongkai 自己的改动，未写入。先 git add 并提交台账，或不加 --commit 运行`);
}

/** `gongkai: 22 未启动→已完成 (信息中心)` */
function commitMessage(edit: LedgerEdit, result: EditResult, changes: Change[]): string {
  const owners = edit.note
    ? [edit.note.dept]
    : result.itemAfter.assignments.filter((a) => isAccountable(a.role)).map((a) => {
        const entry = lookupName(result.after.registry, a.name);
        return entry?.type === 'department' ? entry.department.name : a.name;
      });
  // Marking done sets the done date too; the message names the status change alone.
  const doneNow = changes.some((c) => c.kind === 'status' && c.to === 'done');
  const summarized = changes.filter((c) => !(doneNow && c.kind === 'done_on'));
  return `gongkai: ${summarized.map(changeSummary).join('；')} (${[...new Set(owners)].join('、')})`;
}

/** Applies one edit, prints what changed, commits when asked (--commit or `commit: true` in gongkai.yaml). */
export async function runEdit(ctx: CommandContext, item: string, typed: TypedEdit, commit: boolean | undefined): Promise<ExitCode> {
  const { file, config } = await locateLedger(ctx);
  if (file === '-') throw new UserError('LEDGER_NOT_FOUND', '不能编辑标准输入；用 --ledger 指定台账文件');
  const wantCommit = commit ?? config.commit ?? false;
  const repo = wantCommit ? prepareCommit(ctx, file) : undefined;
  const open = (bytes: Buffer) => openLedger(ctx, { checks: 'all', file, override: (f) => (f === file ? bytes : undefined) });
  // An edit may be made more than once (the file changed meanwhile); say each reading once.
  const understood = new Map<string, Diagnostic>();
  let committed: { hash: string; message: string } | undefined;
  let result;
  try {
    const today = beijingToday(ctx.io.now());
    const dated = (ledger: Ledger) => (value: string | undefined, option: string) => recordDate(value, option, today, ledger, config.graceDays);
    const asOf = (ledger: Ledger) => {
      const byYear = defaultAsOf(periodOf(ledger, config.graceDays), today);
      return byYear.dayOver ? dateOfEpochDay(epochDay(byYear.asOf) + 1) : byYear.asOf;
    };
    result = await editLedgerFile(file, (ledger) => typed(ledger, (note) => understood.set(`${note.file}\0${note.message}`, note), dated(ledger), asOf(ledger)), {
      cwd: ctx.io.cwd,
      open,
      // The item alone when the cache vouches for the rest of the file (open/open-item.ts); the whole ledger otherwise.
      openItem: (bytes) => openItem(ctx, file, config.graceDays, bytes, item),
      // An edit that read the whole ledger keeps its index, so that the next edit reads one item.
      wholeWritten: async (read) => (await import('../open/index-build.js')).indexAfterWholeEdit(ctx, file, read),
      // Both under the edit's lock: the base is checked against HEAD and the commit made before any other edit can land.
      checkBase: repo && ((bytes) => requireCommittedBase(file, repo, bytes)),
      afterWrite:
        repo &&
        ((written) => {
          const message = commitMessage(written.edit, written, diffLedgers(written.before, written.after));
          try {
            committed = { hash: commitFile(repo.root, repo.path, message), message };
          } catch (cause) {
            if (cause instanceof GitError) throw new UserError('GIT_FAILED', `已写入台账，但提交失败：${cause.message}`);
            throw cause;
          }
        }),
    });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError('FILE_NOT_FOUND', `${file}: 文件不存在`);
    throw cause;
  }
  for (const note of understood.values()) ctx.warn(note);
  const edit = result.edit;
  const changes = diffLedgers(result.before, result.after);
  if (!changes.length) {
    ctx.io.stdout(`第 ${edit.item} 项没有变化，未写入。\n`);
    return ExitCode.Ok;
  }
  ctx.io.stdout(changes.map((c) => safeLine(describeChange(c)) + '\n').join(''));
  if (committed) ctx.io.stdout(`已提交 ${committed.hash}：${safeLine(committed.message)}\n`);
  return ExitCode.Ok;
}

/** `gongkai set ITEM [--status S] [--due D] [--done-on D] [--resolve G=A,B]` */
export async function setCommand(ctx: CommandContext, item: string, options: SetOptions): Promise<ExitCode> {
  const today = beijingToday(ctx.io.now());
  let status: Status | undefined;
  if (options.status !== undefined) {
    status = parseStatus(options.status);
    if (!status) throw new UserError('OPTION_INVALID', `没有「${options.status}」这个状态；可用：${STATUS_SPELLINGS.join('、')}${didYouMean(options.status, STATUS_SPELLINGS)}`);
  }
  const resolve = options.resolve === undefined ? undefined : parseResolve(options.resolve);
  if (status === undefined && options.due === undefined && options.doneOn === undefined && !resolve) {
    throw new UserError('USAGE', '没有要修改的内容：请给出 --status、--due、--done-on 或 --resolve');
  }
  const reason = options.reason?.trim();
  if (status === 'cancelled' && !reason) throw new UserError('OPTION_INVALID', '取消任务须写明理由：--reason 理由（可加 --approved-by 批准人、--on 日期）');
  if ((options.reason !== undefined || options.approvedBy !== undefined || options.on !== undefined) && status !== 'cancelled') {
    throw new UserError('OPTIONS_CONFLICT', '--reason、--approved-by、--on 只用于 --status 已取消；延期请用 gongkai postpone');
  }
  return runEdit(
    ctx,
    item,
    (ledger, understood, dated, asOf) => {
      const edit: LedgerEdit = { item };
      if (status) edit.status = status;
      // 已完成 needs a done date: today's, unless one is given.
      if (status === 'done' && options.doneOn === undefined) edit.doneOn = dated(undefined, '--done-on');
      if (status === 'cancelled') {
        const approvedBy = options.approvedBy?.trim();
        edit.cancel = { on: dated(options.on, '--on'), reason: reason!, ...(approvedBy ? { approvedBy } : {}) };
      }
      if (options.due !== undefined) {
        edit.due = typedDate(options.due, '--due', today, ledger);
        if (!options.force) refuseSilentPostponement(itemOf(ledger, item), edit.due, asOf);
      }
      if (options.doneOn !== undefined) edit.doneOn = dated(options.doneOn, '--done-on');
      if (resolve) edit.resolve = { group: resolve.group, departments: resolve.departments.map((d) => typedDepartment(d, ledger, understood, '--resolve')) };
      return edit;
    },
    options.commit,
  );
}

/** `gongkai done ITEM [--on DATE]` */
export async function doneCommand(ctx: CommandContext, item: string, options: { on?: string; commit?: boolean }): Promise<ExitCode> {
  return runEdit(ctx, item, (_ledger, _understood, dated) => ({ item, status: 'done', doneOn: dated(options.on, '--on') }), options.commit);
}

export interface PostponeOptions {
  /** Both default to the item's pending request (申请延期 from a form), which this then approves. */
  to?: string;
  reason?: string;
  approvedBy?: string;
  /** Refuses the pending request instead: who refused it (with --reason, required). */
  rejectedBy?: string;
  on?: string;
  commit?: boolean;
}

/** `gongkai postpone ITEM --rejected-by NAME --reason TEXT [--on DATE]`: refuses the department's pending request; the deadline stays. */
function rejectRequest(ctx: CommandContext, item: string, options: PostponeOptions): Promise<ExitCode> {
  const rejectedBy = options.rejectedBy!.trim();
  if (!rejectedBy) throw new UserError('OPTION_INVALID', '驳回须写明驳回人：--rejected-by 姓名');
  if (options.to !== undefined || options.approvedBy !== undefined) throw new UserError('OPTIONS_CONFLICT', '--rejected-by 驳回延期申请，不能同时写 --to 或 --approved-by');
  const reason = options.reason?.trim();
  if (!reason) throw new UserError('OPTION_INVALID', '驳回延期申请须写明理由：--reason 理由');
  return runEdit(
    ctx,
    item,
    (ledger, _understood, dated) => {
      const found = itemOf(ledger, item);
      if (found && !pendingRequest(found)) throw new UserError('EDIT_REFUSED', `第 ${item} 项没有待批准的延期申请，无可驳回`);
      return { item, rejectPostponement: { on: dated(options.on, '--on'), reason, rejectedBy } };
    },
    options.commit,
  );
}

/** `gongkai postpone ITEM --to DATE --reason TEXT [--approved-by NAME] [--on DATE]`: moves the deadline and keeps the trail. */
export async function postponeCommand(ctx: CommandContext, item: string, options: PostponeOptions): Promise<ExitCode> {
  if (options.rejectedBy !== undefined) return rejectRequest(ctx, item, options);
  if (options.reason !== undefined && !options.reason.trim()) throw new UserError('OPTION_INVALID', '延期须写明理由：--reason 理由');
  const approvedBy = options.approvedBy?.trim();
  const today = beijingToday(ctx.io.now());
  return runEdit(
    ctx,
    item,
    (ledger, _understood, dated) => {
      const found = itemOf(ledger, item);
      // Without --to or --reason, the department's pending request supplies them: this approves it.
      const request = found ? pendingRequest(found) : undefined;
      if ((options.to === undefined || options.reason === undefined) && !request) {
        throw new UserError('EDIT_REFUSED', `第 ${item} 项没有待批准的延期申请；请写明 --to 新时限 和 --reason 理由`);
      }
      const to = options.to === undefined ? request!.to : typedDate(options.to, '--to', today, ledger);
      const reason = options.reason === undefined ? request!.reason : options.reason.trim();
      if (!reason) throw new UserError('EDIT_REFUSED', `第 ${item} 项的延期申请没有写理由；请用 --reason 理由 写明`);
      const on = dated(options.on, '--on');
      if (found?.status === 'done') throw new UserError('EDIT_REFUSED', `第 ${item} 项已完成，无需延期`);
      if (found?.status === 'cancelled') throw new UserError('EDIT_REFUSED', `第 ${item} 项已取消，无需延期`);
      if (found && to <= found.due) throw new UserError('EDIT_REFUSED', `新时限 ${to} 须晚于第 ${item} 项当前的时限 ${found.due}`);
      return { item, postpone: { on, from: found?.due ?? to, to, reason, ...(approvedBy ? { approvedBy } : {}) } };
    },
    options.commit,
  );
}

/** `gongkai note ITEM --dept DEPT [--on DATE] TEXT` */
export async function noteCommand(ctx: CommandContext, item: string, text: string[], options: { dept: string; on?: string; commit?: boolean }): Promise<ExitCode> {
  const note = text.join(' ').trim();
  if (!note) throw new UserError('OPTION_INVALID', '进展内容不能为空');
  return runEdit(
    ctx,
    item,
    (ledger, understood, dated) => ({
      item,
      note: { date: dated(options.on, '--on'), dept: typedDepartment(options.dept, ledger, understood, '--dept'), note },
    }),
    options.commit,
  );
}
