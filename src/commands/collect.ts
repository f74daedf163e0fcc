import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { editLedgerFileWith } from '../edit/edit-ledger.js';
import { UserError } from '../errors.js';
import { commitFile, GitError } from '../git/git.js';
import { beijingToday } from '../model/dates.js';
import { dateOption } from '../typed-input.js';
import { planCollect, type CollectPlan } from '../query/collect-plan.js';
import { diffLedgers } from '../query/ledger-diff.js';
import { readForm } from '../read/read-form.js';
import { changeSummary, describeChange } from '../render/changes.js';
import { renderDiagnosticsText } from '../render/diagnostics.js';
import { safeLine } from '../render/safe-text.js';
import { locateLedger } from '../open/locate-ledger.js';
import { openLedger } from '../open/open-ledger.js';
import { prepareCommit, requireCommittedBase } from './edit.js';
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
  if (ledgerFile === '-') throw new UserError('不能把表格收进标准输入；用 --ledger 指定台账文件');
  const today = beijingToday(ctx.io.now());
  // Checked once here (typing mistakes), then against the plan year once the ledger is read.
  if (options.on !== undefined) dateOption(options.on, '--on', { today });
  const wantCommit = options.commit ?? config.commit ?? false;
  const outcomes: Outcome[] = [];
  for (const file of files) outcomes.push(await collectOne(ctx, file, { ledgerFile, today, on: options.on, graceDays: config.graceDays, wantCommit, dept: options.dept }));
  const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
  ctx.io.stderr(`收回 ${files.length} 份表格：写入 ${count('applied')} 份，无新内容 ${count('nothing')} 份，有冲突 ${count('conflicts')} 份，未读取 ${count('refused')} 份\n`);
  if (count('refused')) return ExitCode.CannotRun;
  return count('conflicts') ? ExitCode.Findings : ExitCode.Ok;
}

async function collectOne(ctx: CommandContext, file: string, setting: { ledgerFile: string; today: string; on?: string; graceDays?: number; wantCommit: boolean; dept?: string }): Promise<Outcome> {
  const say = (message: string) => ctx.io.stderr(`${safeLine(file)}: ${safeLine(message)}\n`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    say((cause as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : `无法读取（${(cause as NodeJS.ErrnoException).code ?? cause}）`);
    return 'refused';
  }
  const form = await readForm(bytes);
  if ('refused' in form) {
    say(form.refused);
    return 'refused';
  }
  const ledgerFile = setting.ledgerFile;
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
        const plan = planCollect(ledger, form.record, form.answers, { today: setting.today, noteDate: noteDate ?? setting.today, dept: setting.dept });
        planned = plan;
        if (plan.refused || plan.problems.length || form.problems.length) return [];
        if (refusal && plan.edits.length) throw refusal;
        return plan.edits;
      },
      {
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
              committed = { hash: commitFile(repo.root, repo.path, message, who), message };
            } catch (cause) {
              if (cause instanceof GitError) throw new UserError(`已写入台账，但提交失败：${cause.message}`);
              throw cause;
            }
          }),
      },
    );
  } catch (cause) {
    if (!(cause instanceof UserError)) throw cause;
    say(`这份表格的填报未写入：${cause.message}`);
    if (cause.diagnostics.length) ctx.io.stderr(renderDiagnosticsText(cause.diagnostics, cause.texts, ctx.err));
    return 'refused';
  }
  const plan: CollectPlan | undefined = planned;
  if (!plan) throw new Error('collect: no plan was made');
  if (plan.refused) {
    say(plan.refused);
    return 'refused';
  }
  const problems = [...form.problems, ...plan.problems];
  if (problems.length) {
    for (const p of problems) ctx.io.stderr(`${safeLine(file)}:${p.cell}: ${safeLine(p.message)}\n`);
    say(`${problems.length} 处填写有误，这份表格未写入；请联络员改正后重交`);
    return 'refused';
  }
  for (const c of plan.conflicts) ctx.io.stderr(`${safeLine(file)}:${c.cell}: 冲突：${safeLine(c.reason)}\n`);
  if (!plan.edits.length) {
    if (!plan.conflicts.length) ctx.io.stdout(`${safeLine(file)}（${plan.department}）：没有新的填报内容${plan.alreadyIn ? `（${plan.alreadyIn} 行已在台账中）` : ''}\n`);
    return plan.conflicts.length ? 'conflicts' : 'nothing';
  }
  const changes = diffLedgers(result.before, result.after);
  ctx.io.stdout(`${safeLine(file)}（${plan.department}）：\n${changes.map((c) => `  ${safeLine(describeChange(c))}\n`).join('')}`);
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
