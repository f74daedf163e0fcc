import type { MergeConflict } from '../model/merge-conflict.js';
import { safeLine } from './safe-text.js';

/** Item fields in the users' words. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  number: '编号',
  text: '任务内容',
  clause: '分工原文',
  lead: '牵头',
  joint: '按职责分工负责',
  sole: '负责',
  cooperate: '配合',
  resolve: '群体所指部门',
  status: '状态',
  due: '时限',
  due_text: '时限原文',
  done_on: '完成日期',
  review: '待核实的原因',
  progress: '进展',
  postponements: '延期记录',
  postponement_requests: '延期申请',
  postponement_rejections: '驳回延期申请的记录',
  milestones: '分步时限',
  cancelled: '取消记录',
  carried_over: '上年结转记录',
  '*': '整项',
};

/** A field in the users' words; a key the ledger format does not have is named as the writer spelled it, as such. */
export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? `台账格式之外的字段 ${field}`;

/** The value part of a field's text (`status: 推进中` → 推进中), short and on one line. */
function shown(text: string): string {
  const value = text.replace(/^[\s-]*[^:\n]+:\s*/, '').replace(/\s+/g, ' ').trim();
  return safeLine(value.length > 40 ? `${value.slice(0, 40)}…` : value || '（无）');
}

/** `第 12 项的「状态」两边改得不同（本地：推进中；对方：已完成）` */
export function conflictText(conflict: MergeConflict): string {
  if (conflict.item === undefined && conflict.field === '') return '两边改了相同的行，请手工合并';
  if (conflict.item === undefined) return '计划或部分标题两边改得不同';
  return `第 ${conflict.item} 项的「${fieldLabel(conflict.field)}」两边改得不同（本地：${shown(conflict.ours)}；对方：${shown(conflict.theirs)}）`;
}

/** `123: 冲突：…`, after the file name. */
export function conflictLine(conflict: MergeConflict): string {
  return `${conflict.line}: 冲突：${conflictText(conflict)}`;
}
