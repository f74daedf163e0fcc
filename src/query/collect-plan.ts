import type { LedgerEdit } from '../model/ledger-edit.js';
import { findDepartment } from '../model/department.js';
import type { Ledger } from '../model/ledger.js';
import type { FormAnswer, FormProblem, FormRecord } from '../read/read-form.js';
import { itemFingerprint } from './form-items.js';
import { roleMayChange } from '../model/role-rights.js';
import { obligationsByDepartment } from './ownership.js';

/** A row the ledger has moved past since the form was made: reported, not applied. */
export interface FormConflict {
  item: string;
  cell: string;
  reason: string;
}

export interface CollectPlan {
  /** Set when the whole form is refused (another ledger, unknown department). */
  refused?: string;
  department: string;
  edits: LedgerEdit[];
  conflicts: FormConflict[];
  problems: FormProblem[];
  /** Rows whose every answer is already in the ledger (the form was collected before). */
  alreadyIn: number;
  /** Who filled it in, as written in 联系人 (distinct, in row order). */
  contacts: string[];
}

/** 「填报」表第 6 行「完成日期」列 from a cell `填报!H6`: the place in words, beside the file:cell the finding is located at. */
function whereIn(cell: string, column: string): string {
  const m = /^(.*)!\$?[A-Z]+\$?(\d+)$/.exec(cell);
  return m ? `「${m[1]}」表第 ${m[2]} 行「${column}」列` : `「${column}」列`;
}

/** The progress note a row adds: what was done, the evidence (佐证材料), and who to ask. */
export function noteText(answer: FormAnswer): string | undefined {
  if (!answer.note && !answer.evidence) return undefined;
  const evidence = answer.evidence ? `${answer.note ? '（' : ''}佐证材料：${answer.evidence}${answer.note ? '）' : ''}` : '';
  const body = `${answer.note ?? ''}${evidence}`;
  return answer.contact ? `${body}（联系人：${answer.contact}）` : body;
}

/**
 * Turns a returned form into edits of the current ledger. Only what is not yet
 * in the ledger becomes an edit, so collecting a form twice adds nothing; a row
 * whose item changed after the form was made is a conflict, never applied.
 */
export function planCollect(ledger: Ledger, record: FormRecord, answers: readonly FormAnswer[], options: { today: string; noteDate: string; dept?: string }): CollectPlan {
  const plan: CollectPlan = { department: record.department, edits: [], conflicts: [], problems: [], alreadyIn: 0, contacts: [] };
  const sameLedger = record.title === ledger.plan.title && (record.documentNumber ?? null) === (ledger.plan.documentNumber ?? null);
  if (!sameLedger) {
    return { ...plan, refused: `这份表格来自另一份台账（${record.title}${record.documentNumber ? `，${record.documentNumber}` : ''}），不是本台账（${ledger.plan.title}）；未读取` };
  }
  const department = findDepartment(ledger.registry, record.department);
  if (!department) return { ...plan, refused: `表格的部门「${record.department}」不在部门名录中；未读取` };
  if (options.dept) {
    const wanted = findDepartment(ledger.registry, options.dept);
    if (wanted !== department) return { ...plan, refused: `这是${department.name}的表格，不是${options.dept}的；未读取` };
  }
  plan.department = department.name;
  // The master table (任务分工表) is the office's own: every item is its to edit.
  const master = record.scope === 'all';
  const obligations = (obligationsByDepartment(ledger).get(department) ?? []).filter((o) => !o.possible);
  const own = master ? new Set(ledger.items.map((item) => item.number)) : new Set(obligations.map((o) => o.item.number));
  // What the department's role on the item lets it change: the same rule the shared repository's push policy applies.
  const mayChange = (number: string, field: string) => master || obligations.some((o) => o.item.number === number && roleMayChange(o.role, field));
  const items = new Map(ledger.items.map((item) => [item.number, item]));
  for (const answer of answers) {
    if (answer.contact && !plan.contacts.includes(answer.contact)) plan.contacts.push(answer.contact);
    const item = items.get(answer.item);
    if (!item) {
      plan.conflicts.push({ item: answer.item, cell: answer.cell, reason: `台账中已没有第 ${answer.item} 项` });
      continue;
    }
    const edit: LedgerEdit = { item: item.number };
    const status = answer.status?.value;
    const doneOn = answer.doneOn?.value;
    // Done by the round's date at the latest: a form returned on 10-12 cannot report work finished on 10-20.
    const latest = options.noteDate < options.today ? options.noteDate : options.today;
    if (doneOn && doneOn > latest) {
      const by = latest === options.today ? `今天（${latest}）` : `本轮填报的日期（--on ${latest}）`;
      plan.problems.push({ cell: answer.doneOn!.cell, message: `${whereIn(answer.doneOn!.cell, '完成日期')}填的完成日期 ${doneOn} 晚于${by}：尚未发生的完成不能写入；请联络员核对，任务确已完成的填实际完成的日期，尚未完成的状态选「推进中」并删去完成日期` });
      continue;
    }
    if (doneOn && (status ?? item.status) !== 'done') {
      plan.problems.push({ cell: answer.doneOn!.cell, message: '填了完成日期，状态却不是「已完成」；请在状态中选「已完成」，或删去完成日期' });
      continue;
    }
    if (status === 'cancelled' && item.status !== 'cancelled') {
      plan.problems.push({ cell: answer.status!.cell, message: '「已取消」须写明理由：请用 gongkai set 编号 --status 已取消 --reason 理由' });
      continue;
    }
    // A postponement already recorded (the request approved, or the table collected before) is already in.
    const postponedAlready = answer.postpone && item.postponements.some((p) => p.to === answer.postpone!.to && p.reason === answer.postpone!.reason);
    if (answer.postpone && !postponedAlready) {
      const { to, reason, cell, approvedBy } = answer.postpone;
      const willBe = status ?? item.status;
      if (willBe === 'done' || willBe === 'cancelled') {
        plan.problems.push({ cell, message: `第 ${item.number} 项${willBe === 'done' ? '已完成' : '已取消'}，无需申请延期；请删去申请延期至` });
        continue;
      }
      if (to <= item.due) {
        plan.problems.push({ cell, message: `申请延期至 ${to} 须晚于第 ${item.number} 项当前的时限 ${item.due}` });
        continue;
      }
      if (master && approvedBy) edit.postpone = { on: options.noteDate, from: item.due, to, reason, approvedBy };
      else if (!item.postponementRequests.some((r) => r.dept === department.name && r.to === to && r.reason === reason)) {
        edit.requestPostponement = { on: options.noteDate, dept: department.name, to, reason };
      }
    }
    if (status && status !== item.status) {
      edit.status = status;
      // 已完成 needs a done date: the one written, else the round's date (today, or collect --on), checked against the plan year.
      if (status === 'done') edit.doneOn = doneOn ?? options.noteDate;
    } else if (doneOn && doneOn !== item.doneOn) edit.doneOn = doneOn;
    if ((edit.status !== undefined || edit.doneOn !== undefined) && own.has(item.number) && !mayChange(item.number, edit.status !== undefined ? 'status' : 'done_on')) {
      plan.problems.push({ cell: (answer.status ?? answer.doneOn)!.cell, message: `${department.name}在第 ${item.number} 项中是配合部门，状态和完成日期由负责的部门报送；请删去，把本部门做了什么写在本期进展中` });
      continue;
    }
    const note = noteText(answer);
    if (note && !item.progress.some((p) => p.dept === department.name && p.note === note)) edit.note = { date: options.noteDate, dept: department.name, note };
    if (Object.keys(edit).length === 1) {
      plan.alreadyIn++;
      continue;
    }
    const madeFrom = record.fingerprints.get(item.number);
    if (madeFrom !== itemFingerprint(item)) {
      plan.conflicts.push({ item: item.number, cell: answer.cell, reason: `第 ${item.number} 项在表格生成（${record.madeOn}）之后已在台账中修改；这一行未写入，请核对后用 gongkai set / note 处理` });
      continue;
    }
    if (!own.has(item.number)) {
      plan.conflicts.push({ item: item.number, cell: answer.cell, reason: `第 ${item.number} 项现在已不是${department.name}的任务；这一行未写入` });
      continue;
    }
    plan.edits.push(edit);
  }
  return plan;
}
