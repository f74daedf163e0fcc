import type { ItemRow } from '../query/item-row.js';
import type { ChaseKind, Reminder, RemindReport } from '../query/remind-report.js';
import { escapeMarkdown } from './markdown.js';
import { safeLine, truncateToWidth, displayWidth } from './safe-text.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const HEADINGS: Record<ChaseKind, string> = { overdue: '已逾期', due_soon: '即将到期', stale: '久未报送进展' };

/** What the office asks for each kind of item. */
const ASKS: Record<ChaseKind, string> = {
  overdue: '请即报送办理进展和预计完成时间；确需延期的，请按程序提出延期申请。',
  due_soon: '请抓紧推进，确保按期完成，完成后及时报送。',
  stale: '请报送近期工作进展。',
};

/** 2021年10月8日 */
export function chineseDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** The task's first sentence, at most 60 columns: enough to recognise it, short enough for a phone screen. */
export function shortText(text: string): string {
  const first = safeLine(text).split(/(?<=[。；;])/)[0]!.trim();
  // 「……」, the ellipsis of official Chinese text, rather than the terminal tables' ⋯.
  return displayWidth(first) > 60 ? truncateToWidth(first, 57).replace(/⋯$/, '') + '……' : first;
}

function days(n: number, working: number | null): string {
  return `${n} 天（${working === null ? '工作日数未知' : `${working} 个工作日`}）`;
}

/** The facts of one item, each a short line: deadline, time left or late, current step, latest progress, the ask. */
function itemLines(row: ItemRow, kind: ChaseKind): string[] {
  const due = row.step ? row.step.due : row.due;
  // The notice's own words say where the date came from (送达后10个工作日内); a postponement says why it moved.
  const postponed = row.postponed
    ? `（已延期${row.postponed > 1 ? ` ${row.postponed} 次` : ''}，原定${chineseDate(row.original_due!)}）`
    : row.due_text && !row.step
      ? `（通知原文：${safeLine(row.due_text)}）`
      : '';
  // An ongoing (持续推进) item has no completion date to quote; what is missing is its progress.
  const lines = kind === 'stale' ? [] : [`完成时限：${chineseDate(due)}${postponed}`];
  if (row.step) lines.push(`当前步骤：第 ${row.step.index}/${row.step.total} 步，${safeLine(row.step.text)}`);
  if (kind === 'overdue') lines.push(`已逾期：${days(-row.days_left, row.working_days_left === null ? null : -row.working_days_left)}`);
  if (kind === 'due_soon') lines.push(row.days_left === 0 ? '今天到期' : `距到期：${days(row.days_left, row.working_days_left)}`);
  const note = row.latest_note;
  lines.push(note ? `最新进展：${chineseDate(note.date)}，${safeLine(note.note)}` : '最新进展：尚未报送');
  lines.push(ASKS[kind]);
  return lines;
}

function sections(reminder: Reminder): { kind: ChaseKind; rows: ItemRow[] }[] {
  return (['overdue', 'due_soon', 'stale'] as const).filter((kind) => reminder[kind].length).map((kind) => ({ kind, rows: reminder[kind] }));
}

function opening(report: RemindReport): { plan: string; office: string } {
  const plan = `《${safeLine(report.plan.title)}》${report.plan.document_number ? `（${safeLine(report.plan.document_number)}）` : ''}`;
  return { plan, office: safeLine(report.plan.issuer ?? '办公厅') };
}

/** A ready-to-send 催办 as plain text (政务微信, OA, email). */
export function renderReminderText(report: RemindReport, reminder: Reminder): string {
  const { plan, office } = opening(report);
  const lines = ['催办通知', '', `${safeLine(reminder.department)}：`, '', `　　按照${plan}的分工，截至${chineseDate(report.as_of)}，你单位负责的以下任务需抓紧办理：`];
  sections(reminder).forEach(({ kind, rows }, i) => {
    lines.push('', `${NUMERALS[i]}、${HEADINGS[kind]}（${rows.length} 项）`);
    for (const row of rows) {
      lines.push('', `第 ${safeLine(row.number)} 项　${shortText(row.text)}`, ...itemLines(row, kind).map((l) => `　　${l}`));
    }
  });
  lines.push('', `　　请于${chineseDate(report.reply_by)}前将有关情况反馈${office}；已经办结的，请一并告知完成日期。感谢支持配合！`, '', office, chineseDate(report.as_of));
  return lines.join('\n') + '\n';
}

/** The same 催办 as markdown (for OA systems and email clients that render it). */
export function renderReminderMarkdown(report: RemindReport, reminder: Reminder): string {
  const { plan, office } = opening(report);
  const md = escapeMarkdown;
  const lines = ['# 催办通知', '', `**${md(safeLine(reminder.department))}：**`, '', `按照${md(plan)}的分工，截至${chineseDate(report.as_of)}，你单位负责的以下任务需抓紧办理：`];
  sections(reminder).forEach(({ kind, rows }, i) => {
    lines.push('', `## ${NUMERALS[i]}、${HEADINGS[kind]}（${rows.length} 项）`);
    for (const row of rows) {
      lines.push('', `- **第 ${md(row.number)} 项** ${md(shortText(row.text))}`, ...itemLines(row, kind).map((l) => `  - ${md(l)}`));
    }
  });
  lines.push('', `请于${chineseDate(report.reply_by)}前将有关情况反馈${md(office)}；已经办结的，请一并告知完成日期。感谢支持配合！`, '', md(office), '', chineseDate(report.as_of));
  return lines.join('\n') + '\n';
}

/** One department's reminder as data: the JSON of `remind --format json -o DIR`. */
export function reminderJson(report: RemindReport, reminder: Reminder): string {
  const { reminders: _all, unassigned: _unassigned, ...shared } = report;
  return JSON.stringify({ ...shared, ...reminder }, null, 2) + '\n';
}
