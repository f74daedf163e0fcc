import type { RefRefusal, Violation } from '../model/permission-findings.js';
import { fieldLabel } from './merge-conflicts.js';
import { safeLine } from './safe-text.js';

const PART_LABELS: Readonly<Record<string, string>> = { plan: '计划（通知的标题、文号、年度等）', sections: '部分标题', departments: '部门名录', registry: '部门名录文件' };

/** `台账 data/2027/ledger.yaml 中` when the repository holds more than one, so the reader knows which. */
const inLedger = (v: Violation) => (v.path ? `台账 ${v.path} ` : '');

/** The field alone, in the users' words: an item's field, or a part of the ledger. */
const named = (v: Violation) => (v.item === undefined ? (PART_LABELS[v.field] ?? fieldLabel(v.field)) : fieldLabel(v.field));

/** `第 22 项的「状态」`, `部门名录`, or a file that is not a ledger */
function what(v: Violation): string {
  if (v.field === 'file') return `文件 ${v.path ?? ''}`;
  if (v.item === undefined) return `${inLedger(v)}${PART_LABELS[v.field] ?? `顶层的${fieldLabel(v.field)}`}`;
  return v.field === '*' ? `${inLedger(v)}第 ${v.item} 项（增删整项）` : `${inLedger(v)}第 ${v.item} 项的「${fieldLabel(v.field)}」`;
}

function why(v: Violation): string {
  switch (v.reason) {
    case 'unknown_author':
      return '提交人没有在部门名录中登记为任何部门的提交人';
    case 'not_own_item':
      return `该项不是${v.department}负责的任务`;
    case 'unreadable_ledger':
      return '提交前或提交后的台账无法读取，这样的提交只有办公厅可以推送；请先用 gongkai validate 改正台账';
    case 'unsigned':
      return '共享仓库要求签名提交，这个提交没有用部门名录中登记的签名公钥签名';
    case 'signer_not_author':
      return `签名的公钥登记给 ${v.signer ?? '别人'}，与提交人不是同一部门`;
    case 'own_entries_only':
      return v.field === 'progress'
        ? `各部门只能增删改以本部门名义记的「${named(v)}」，别的部门的条目由它们自己或办公厅修改`
        : `各部门只能以本部门的名义新增「${named(v)}」；已有的条目不能删改，批准或驳回由办公厅办理`;
    case 'coordinator_only':
      if (v.field === 'file') return '这个文件不是能按部门核对的台账，只有办公厅可以修改（增删、改名、改坏台账也是）';
      return v.item !== undefined && v.field !== '*' ? `各部门只能改本部门任务的状态、完成日期、进展和延期申请，「${fieldLabel(v.field)}」由办公厅修改` : '只有办公厅可以修改';
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
