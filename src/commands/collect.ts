import { basename } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { error, info, type Diagnostic } from '../diagnostic.js';
import { ExitCode } from '../exit-code.js';
import { editLedgerFileWith } from '../edit/edit-ledger.js';
import { PROGRAM, UserError } from '../errors.js';
import { commitFile, committerEmail, GitError } from '../git/git.js';
import { beijingToday } from '../model/dates.js';
import { dateOption } from '../typed-input.js';
import { planCollect, type CollectPlan } from '../query/collect-plan.js';
import { diffLedgers } from '../query/ledger-diff.js';
import { readFileBytes } from '../read/read-file.js';
import { readForm } from '../read/read-form.js';
import { maxFileBytes } from '../read/read-regular-file.js';
import type { TextSource } from '../read/source-texts.js';
import { changeSummary, describeChange } from '../render/changes.js';
import { safeLine } from '../render/safe-text.js';
import { locateLedger } from '../open/locate-ledger.js';
import { openLedger } from '../open/open-ledger.js';
import { prepareCommit, requireCommittedBase } from './edit.js';
import { formForgery, refuseForged } from './form-key.js';
import { liaisonEmail } from '../permissions/form-signature.js';
import { recordDate } from './record-date.js';

export interface CollectOptions {
  commit?: boolean;
  dept?: string;
  on?: string;
}

type Outcome = 'applied' | 'nothing' | 'conflicts' | 'refused';

/**
 * `gongkai collect FILES… [--commit]`: reads returned progress forms and applies
 * each as one validated, byte-preserving edit of the ledger (one commit per form).
 */
export async function collectCommand(ctx: CommandContext, files: string[], options: CollectOptions): Promise<ExitCode> {
  const { file: ledgerFile, config } = await locateLedger(ctx);
  if (ledgerFile === '-') throw new UserError('LEDGER_NOT_FOUND', '不能把表格收进标准输入；用 --ledger 指定台账文件');
  const today = beijingToday(ctx.io.now());
  // Checked once here (typing mistakes), then against the plan year once the ledger is read.
  if (options.on !== undefined) dateOption(options.on, '--on', { today });
  const wantCommit = options.commit ?? config.commit ?? false;
  const outcomes: Outcome[] = [];
  for (const file of files) outcomes.push(await collectOne(ctx, file, { ledgerFile, today, on: options.on, graceDays: config.graceDays, wantCommit, dept: options.dept }));
  const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
  ctx.tell(info('FORMS_COLLECTED', `收回 ${files.length} 份表格：写入 ${count('applied')} 份，无新内容 ${count('nothing')} 份，有冲突 ${count('conflicts')} 份，未读取 ${count('refused')} 份`));
  if (count('refused')) return ExitCode.CannotRun;
  return count('conflicts') ? ExitCode.Findings : ExitCode.Ok;
}

async function collectOne(ctx: CommandContext, file: string, setting: { ledgerFile: string; today: string; on?: string; graceDays?: number; wantCommit: boolean; dept?: string }): Promise<Outcome> {
  // Each finding about a form is a diagnostic at the form (and its cell), shown as every other one is.
  const tell = (findings: readonly Diagnostic[], texts?: TextSource) => ctx.tell(findings, texts);
  const refuse = (message: string) => tell([error('FORM_REFUSED', message, { file })]);
  // Relative to the run's folder, within the file-size budget, refusing what is not a regular file.
  const read = readFileBytes(file, { cwd: ctx.io.cwd, maxBytes: maxFileBytes(ctx.io.env) });
  if (read.bytes === undefined) {
    tell(read.diagnostics);
    return 'refused';
  }
  const form = await readForm(read.bytes);
  if ('refused' in form) {
    refuse(form.refused);
    return 'refused';
  }
  const ledgerFile = setting.ledgerFile;
  const forgery = formForgery(ctx, ledgerFile, form.record);
  const repo = setting.wantCommit ? prepareCommit(ctx, ledgerFile) : undefined;
  // Planned against the ledger as read under the edit's lock: a change made meanwhile is a conflict, never overwritten.
  let planned: CollectPlan | undefined;
  let committed: { hash: string; message: string } | undefined;
  let result;
  try {
    result = await editLedgerFileWith(
      ledgerFile,
      (ledger) => {
        // The date of this round's records, by the same plan-year rule as note and done; needed only when something is written.
        let noteDate: string | undefined;
        let refusal: unknown;
        try {
          noteDate = recordDate(setting.on, '--on', setting.today, ledger, setting.graceDays);
        } catch (cause) {
          refusal = cause;
        }
        const plan = refuseForged(planCollect(ledger, form.record, form.answers, { today: setting.today, noteDate: noteDate ?? setting.today, dept: setting.dept }), forgery);
        planned = plan;
        if (plan.refused || plan.problems.length || form.problems.length) return [];
        if (refusal && plan.edits.length) throw refusal;
        return plan.edits;
      },
      {
        cwd: ctx.io.cwd,
        open: (bytes) => openLedger(ctx, { checks: 'all', file: ledgerFile, override: (f) => (f === ledgerFile ? bytes : undefined) }),
        // Under the edit's lock, as for set/done/note: the base must be HEAD, and the commit lands before any other edit can.
        checkBase: repo && ((bytes) => requireCommittedBase(ledgerFile, repo, bytes)),
        afterWrite:
          repo &&
          ((written) => {
            const plan = planned!;
            const who = plan.contacts.length ? `${plan.contacts.join('、')}（${plan.department}）` : plan.department;
            const message = `gongkai: ${plan.department}报送 ${summarize(diffLedgers(written.before, written.after))} (表格 ${basename(file)})`;
            try {
              // Credited to the department when the registry lists its liaison's e-mail, and the push policy judges it by the
              // department's roles; otherwise to whoever collects (the office, who checked the form's signature), never to an empty e-mail nobody is.
              const email = liaisonEmail(written.after.registry, plan.department) ?? committerEmail(repo.root);
              committed = { hash: commitFile(repo.root, repo.path, message, who, email), message };
            } catch (cause) {
              if (cause instanceof GitError) throw new UserError('GIT_FAILED', `已写入台账，但提交失败：${cause.message}`);
              throw cause;
            }
          }),
      },
    );
  } catch (cause) {
    if (!(cause instanceof UserError)) throw cause;
    refuse(`这份表格的填报未写入：${cause.message}`);
    // Located as the edge locates a refused edit's findings: file:line:col with the line.
    const about = cause.diagnostics.filter((d) => d.file !== PROGRAM);
    if (about.length) tell(await (await import('../read/locate-diagnostics.js')).locateDiagnostics(about, cause.texts), cause.texts);
    return 'refused';
  }
  const plan: CollectPlan | undefined = planned;
  if (!plan) throw new Error('collect: no plan was made');
  if (plan.refused) {
    refuse(plan.refused);
    return 'refused';
  }
  const problems = [...form.problems, ...plan.problems];
  if (problems.length) {
    tell(problems.map((p) => error('FORM_ENTRY_INVALID', p.message, { file, cell: p.cell })));
    refuse(`${problems.length} 处填写有误，这份表格未写入；请联络员改正后重交`);
    return 'refused';
  }
  tell(plan.conflicts.map((c) => error('FORM_CONFLICT', `冲突：${c.reason}`, { file, cell: c.cell })));
  if (!plan.edits.length) {
    if (!plan.conflicts.length) ctx.io.stdout(`${safeLine(file)}（${plan.department}）：没有新的填报内容${plan.alreadyIn ? `（${plan.alreadyIn} 行已在台账中）` : ''}\n`);
    return plan.conflicts.length ? 'conflicts' : 'nothing';
  }
  const changes = diffLedgers(result.before, result.after);
  ctx.io.stdout(`${safeLine(file)}（${plan.department}）：\n${changes.map((c) => `  ${safeLine(describeChange(c))}\n`).join('')}`);
  for (const c of changes) if (c.kind === 'postpone_requested') ctx.io.stdout(`  第 ${safeLine(c.item)} 项的延期申请待批准：gongkai postpone ${safeLine(c.item)} --approved-by 批准人\n`);
  if (committed) ctx.io.stdout(`  已提交 ${committed.hash}：${safeLine(committed.message)}\n`);
  return plan.conflicts.length ? 'conflicts' : 'applied';
}

/** 22 推进中→已完成；23 进展 — the done date that comes with 已完成 is not repeated. */
function summarize(changes: ReturnType<typeof diffLedgers>): string {
  const doneItems = new Set(changes.filter((c) => c.kind === 'status' && c.to === 'done').map((c) => c.item));
  return changes
    .filter((c) => !(c.kind === 'done_on' && doneItems.has(c.item)))
    .map(changeSummary)
    .join('；');
}
