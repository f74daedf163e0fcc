import { renderJson } from './json.js';
import type { ItemRow } from '../query/item-row.js';
import type { ChaseKind, Reminder, RemindReport } from '../query/remind-report.js';
import { escapeMarkdown } from './markdown.js';
import { safeLine, displayWidth } from './safe-text.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const HEADINGS: Record<ChaseKind, string> = { overdue: '已逾期', due_soon: '即将到期', stale: '久未报送进展' };

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

/**
 * The task's first sentence, at most 60 columns: enough to recognise it, short
 * enough for a phone screen. A longer one is cut after its last clause (at ，、：)
 * that fits, never inside a word; a first clause that alone is too long is kept whole.
 */
export function shortText(text: string, width = 60): string {
  const first = safeLine(text).split(/(?<=[。；;])/)[0]!.trim();
  if (displayWidth(first) <= width) return first;
  const clauses = first.split(/(?<=[，,、：:])/);
  let kept = '';
  for (const clause of clauses) {
    if (kept && displayWidth(kept + clause) > width - 4) break;
    kept += clause;
  }
  // 「……」, the ellipsis of official Chinese text, after the clause's own punctuation is dropped.
  return kept === first ? first : kept.replace(/[，,、：:]$/, '') + '……';
}

/** The 联系人/电话 line of a letter, or empty when the registry has neither. */
export function contactLine(contact: RemindReport['contact']): string {
  const parts = [contact?.name ? `联系人：${safeLine(contact.name)}` : '', contact?.phone ? `电话：${safeLine(contact.phone)}` : ''].filter(Boolean);
  return parts.length ? `（${parts.join('　')}）` : '';
}

function days(n: number, working: number | null): string {
  return `${n} 天（${working === null ? '工作日数未知' : `${working} 个工作日`}）`;
}

/** The facts of one item, each a short line: deadline, time left or late, current step, latest progress, the ask. */
export function itemLines(row: ItemRow, kind: ChaseKind): string[] {
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
  if (kind === 'overdue') lines.push(row.days_left === 0 ? '已到期，未完成' : `已逾期：${days(-row.days_left, row.working_days_left === null ? null : -row.working_days_left)}`);
  if (kind === 'due_soon') lines.push(row.days_left === 0 ? '今天到期' : `距到期：${days(row.days_left, row.working_days_left)}`);
  const note = row.latest_note;
  lines.push(note ? `最新进展：${chineseDate(note.date)}，${safeLine(note.note)}` : '最新进展：尚未报送');
  lines.push(ASKS[kind]);
  return lines;
}

export function sections(reminder: Reminder): { kind: ChaseKind; rows: ItemRow[] }[] {
  return (['overdue', 'due_soon', 'stale'] as const).filter((kind) => reminder[kind].length).map((kind) => ({ kind, rows: reminder[kind] }));
}

export function opening(report: RemindReport): { plan: string; office: string } {
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
  lines.push('', `　　请于${chineseDate(report.reply_by)}前将有关情况反馈${office}；已经办结的，请一并告知完成日期。感谢支持配合！`);
  if (contactLine(report.contact)) lines.push(`　　${contactLine(report.contact)}`);
  lines.push('', office, chineseDate(report.as_of));
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
  lines.push('', `请于${chineseDate(report.reply_by)}前将有关情况反馈${md(office)}；已经办结的，请一并告知完成日期。感谢支持配合！`);
  if (contactLine(report.contact)) lines.push('', md(contactLine(report.contact)));
  lines.push('', md(office), '', chineseDate(report.as_of));
  return lines.join('\n') + '\n';
}

/** One department's reminder as data: the JSON of `remind --format json -o DIR`. */
export function reminderJson(report: RemindReport, reminder: Reminder): string {
  const { reminders: _all, unassigned: _unassigned, ...shared } = report;
  return renderJson({ ...shared, ...reminder });
}
