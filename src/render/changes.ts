import type { Change } from '../query/ledger-diff.js';
import { STATUS_LABELS } from '../model/status.js';
import { safeLine, truncateToWidth } from './safe-text.js';

/** 22 推进中→已完成: the short form used in commit messages. */
export function changeSummary(change: Change): string {
  switch (change.kind) {
    case 'status':
      return `${change.item} ${STATUS_LABELS[change.from]}→${STATUS_LABELS[change.to]}`;
    case 'due':
      return `${change.item} 时限 ${change.from}→${change.to}`;
    case 'done_on':
      return `${change.item} 完成日期 ${change.to ?? '（删除）'}`;
    case 'resolve':
      return `${change.item} ${change.group}=${change.to.join('、')}`;
    case 'progress':
      return `${change.item} 进展`;
    case 'postponed':
      return `${change.item} 延期 ${change.from}→${change.to}`;
    case 'postpone_requested':
      return `${change.item} 申请延期至${change.to}`;
    case 'postpone_rejected':
      return `${change.item} 驳回延期申请`;
    case 'cancelled':
      return `${change.item} 取消`;
    case 'milestone_done':
      return `${change.item} 第 ${change.step}/${change.total} 步完成`;
    case 'roles':
      return `${change.item} 分工调整`;
    case 'text':
      return `${change.item} 内容修改`;
    case 'added':
      return `新增 ${change.item}`;
    case 'removed':
      return `删除 ${change.item}`;
  }
}

/** 第 22 项　状态：推进中 → 已完成 — the long form for `diff` and `log`. */
export function describeChange(change: Change): string {
  const head = `第 ${change.item} 项`;
  switch (change.kind) {
    case 'status':
      return `${head}　状态：${STATUS_LABELS[change.from]} → ${STATUS_LABELS[change.to]}`;
    case 'due':
      return `${head}　时限：${change.from} → ${change.to}`;
    case 'done_on':
      return `${head}　完成日期：${change.from ?? '无'} → ${change.to ?? '无'}`;
    case 'roles':
      return `${head}　分工：${change.from} → ${change.to}`;
    case 'resolve':
      return `${head}　${change.group} 指：${change.from.join('、') || '未指明'} → ${change.to.join('、') || '未指明'}`;
    case 'postpone_requested':
      return `${head}　申请延期（${change.on}，${change.dept}）：延至 ${change.to}；理由：${change.reason}；待批准`;
    case 'postpone_rejected':
      return `${head}　驳回延期申请（${change.on}${change.rejected_by ? `，${change.rejected_by}` : ''}）：${change.request ? `${change.request.dept} ${change.request.on} 申请延至 ${change.request.to}；` : ''}理由：${change.reason}`;
    case 'postponed':
      return `${head}　延期（第 ${change.count} 次，${change.on}）：${change.from} → ${change.to}；理由：${change.reason}${change.approved_by ? `；批准：${change.approved_by}` : ''}`;
    case 'cancelled':
      return `${head}　取消（${change.on}）：${change.reason}${change.approved_by ? `；批准：${change.approved_by}` : ''}`;
    case 'milestone_done':
      return `${head}　第 ${change.step}/${change.total} 步完成（${change.done_on}）：${change.text}`;
    case 'progress':
      return `${head}　新进展（${change.entry.date}，${change.entry.dept}）：${change.entry.note}`;
    case 'text':
      return `${head}　任务内容有修改`;
    case 'added':
      return `${head}　新增：${truncateToWidth(safeLine(change.text), 60)}`;
    case 'removed':
      return `${head}　删除：${truncateToWidth(safeLine(change.text), 60)}`;
  }
}
