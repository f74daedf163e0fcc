import type { RefRefusal, Violation } from '../model/permission-findings.js';
import { fieldLabel } from './merge-conflicts.js';
import { safeLine } from './safe-text.js';

const PART_LABELS: Readonly<Record<string, string>> = { plan: '计划（plan）', sections: '部分标题', departments: '部门名录', registry: '部门名录文件' };

/** `第 22 项的「状态」` or `部门名录` */
function what(v: Violation): string {
  if (v.item === undefined) return PART_LABELS[v.field] ?? `「${v.field}」`;
  return v.field === '*' ? `第 ${v.item} 项（增删整项）` : `第 ${v.item} 项的「${fieldLabel(v.field)}」`;
}

function why(v: Violation): string {
  switch (v.reason) {
    case 'unknown_author':
      return '提交人未在部门名录中登记（部门的 committers）';
    case 'not_own_item':
      return `该项不是${v.department}负责的任务`;
    case 'unreadable_ledger':
      return '提交前或提交后的台账无法读取，这样的提交只有办公厅可以推送；请先用 gongkai validate 改正台账';
    case 'unsigned':
      return '共享仓库要求签名提交，这个提交没有用部门名录中登记的公钥（signing_keys）签名';
    case 'signer_not_author':
      return `签名的公钥登记给 ${v.signer ?? '别人'}，与提交人不是同一部门`;
    case 'coordinator_only':
      return v.item !== undefined && v.field !== '*' ? `各部门只能改本部门任务的状态、完成日期和进展，「${fieldLabel(v.field)}」由办公厅修改` : '只有办公厅可以修改';
  }
}

const WHOLE_COMMIT = new Set(['unreadable_ledger', 'unsigned', 'signer_not_author']);

/** `提交 1a2b3c4（王五 <w@x>，社会救助司）修改了第 22 项的「状态」：该项不是社会救助司负责的任务` */
export function violationLine(v: Violation): string {
  const who = `${v.authorName} <${v.authorEmail}>${v.department ? `，${v.department}` : ''}`;
  if (WHOLE_COMMIT.has(v.reason)) return safeLine(`提交 ${v.commit.slice(0, 7)}（${who}）不能推送：${why(v)}`);
  return safeLine(`提交 ${v.commit.slice(0, 7)}（${who}）修改了${what(v)}：${why(v)}`);
}

/** `分支 main 被改写（强制推送或退回）：…` */
export function refusalLine(r: RefRefusal): string {
  const ref = r.ref.replace(/^refs\/heads\//, '');
  if (r.reason === 'deleted') return safeLine(`删除分支 ${ref}：只有办公厅可以删除分支，请在服务器的仓库中操作（git branch -D ${ref}）`);
  return safeLine(`分支 ${ref} 不是在原来的基础上前进（强制推送、退回或换成另一段历史）：只有办公厅可以这样做，且新的顶端须是办公厅的新提交；请先 git pull 合并再推送`);
}
