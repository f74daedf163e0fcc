import { stateLabel } from './state-labels.js';
import { KIND_LABELS } from '../model/department.js';
import { ROLE_LABELS } from '../model/role.js';
import { STATUS_LABELS } from '../model/status.js';
import type { DeadlineState } from '../query/deadline.js';
import type { ItemRow } from '../query/item-row.js';
import type { DocColumn, DocRow, Tone } from './table-doc.js';

export { KIND_LABELS, ROLE_LABELS, STATUS_LABELS };

/** 牵头, 牵头（规章）, 配合（经由直属单位） */
export function roleCell(row: Pick<ItemRow, 'role' | 'scope' | 'via'>): string {
  if (!row.role) return '';
  if (!row.scope && !row.via) return ROLE_LABELS[row.role];
  const extra = [row.scope, row.via ? `经由${row.via}` : undefined].filter(Boolean).join('，');
  return extra ? `${ROLE_LABELS[row.role]}（${extra}）` : ROLE_LABELS[row.role];
}

/** The role alone, short: 分工负责 for 按职责分工负责. */
export function compactRoleCell(row: Pick<ItemRow, 'role'>): string {
  return row.role ? COMPACT_ROLE_LABELS[row.role] : '';
}

const COMPACT_ROLE_LABELS: Readonly<Record<NonNullable<ItemRow['role']>, string>> = { lead: '牵头', joint: '分工负责', sole: '负责', cooperate: '配合' };

function working(n: number | null): string {
  return n === null ? '? 个工作日' : `${n} 个工作日`;
}

/** 逾期 30 天（20 个工作日） / 剩余 5 天（3 个工作日） / 上次进展 2021-10-01 */
export function timeCell(row: ItemRow): string {
  switch (row.state) {
    case 'done':
      return row.done_on ? `${row.done_on} 完成` : '已完成';
    case 'cancelled':
      return '-';
    case 'ongoing':
      return `${row.stale ? '久未更新，' : ''}${row.last_progress ? `上次进展 ${row.last_progress}` : '尚无进展记录'}`;
    case 'overdue': {
      // Due on the last day of a year that is over: the deadline passed, but not a day ago.
      if (row.days_left === 0) return '到期未完成';
      const late = row.working_days_left === null ? null : -row.working_days_left;
      // Late only over a holiday (due 09-30, as of 10-03): no working day has passed, which is not a contradiction to print.
      return late === 0 ? `逾期 ${-row.days_left} 天（其间无工作日）` : `逾期 ${-row.days_left} 天（${working(late)}）`;
    }
    default:
      return row.days_left === 0 ? '今天到期' : `剩余 ${row.days_left} 天（${working(row.working_days_left)}）`;
  }
}

/** The time cell for a narrow terminal: 逾期8天/1工作日, 剩84天/61工作日, 2021-09-15完成. */
export function compactTimeCell(row: ItemRow): string {
  const workingDays = (n: number | null) => (n === null ? '?工作日' : n === 0 ? '无工作日' : `${n}工作日`);
  switch (row.state) {
    case 'done':
      return row.done_on ? `${row.done_on}完成` : '已完成';
    case 'cancelled':
      return '-';
    case 'ongoing':
      return row.last_progress ? `进展${row.last_progress}` : '尚无进展';
    case 'overdue':
      if (row.days_left === 0) return '到期未完成';
      return `逾期${-row.days_left}天/${workingDays(row.working_days_left === null ? null : -row.working_days_left)}`;
    default:
      return row.days_left === 0 ? '今天到期' : `剩${row.days_left}天/${workingDays(row.working_days_left)}`;
  }
}

/**
 * 未启动・临期. The mark between is U+30FB, wide in every terminal; the
 * middle dot · is Ambiguous and would misalign where drawn wide.
 */
export function statusCell(row: ItemRow): string {
  const marker = statusMarker(row);
  return marker ? `${STATUS_LABELS[row.status]}・${marker}` : STATUS_LABELS[row.status];
}

/** The status for a narrow terminal: 久未更新 alone says 持续推进 too. */
export function compactStatusCell(row: ItemRow): string {
  const status = row.state !== 'overdue' && row.state !== 'due_soon' && row.stale ? '久未更新' : statusCell(row);
  // The due column is the next to go in a narrow terminal; 已延期 must stay in sight.
  return row.postponed ? `${status}・已延期` : status;
}

const STATE_MARKERS: Partial<Record<DeadlineState, string>> = { overdue: '逾期', due_soon: '临期' };

function statusMarker(row: ItemRow): string | undefined {
  return STATE_MARKERS[row.state] ?? (row.stale ? '久未更新' : undefined);
}

export function rowTone(row: ItemRow): Tone | undefined {
  if (row.state === 'overdue') return 'bad';
  if (row.state === 'due_soon' || row.stale) return 'warn';
  if (row.state === 'done') return 'good';
  if (row.state === 'cancelled') return 'dim';
  return undefined;
}

/**
 * ▰▰▰▱▱▱▱▱▱▱ 30%. U+25B0/25B1 are Neutral width (one column everywhere);
 * the usual █ ░ are Ambiguous and widen the bar in Chinese-locale consoles.
 */
export function completionBar(completion: number | null, width = 10): string {
  if (completion === null) return '-';
  const filled = Math.round(completion * width);
  return `${'▰'.repeat(filled)}${'▱'.repeat(width - filled)} ${Math.round(completion * 100)}%`;
}

export function percent(completion: number | null): string {
  return completion === null ? '-' : `${Math.round(completion * 100)}%`;
}

/** 已延期 / 已延期×2, with the original deadline: what every view shows beside a postponed deadline. */
export function postponedLabel(row: Pick<ItemRow, 'postponed' | 'original_due'>): string {
  if (!row.postponed) return '';
  return `${row.postponed > 1 ? `已延期×${row.postponed}` : '已延期'}，原 ${row.original_due}`;
}

/** The deadline a row is judged by, and what to say beside it: 第 1/2 步, 2021-09-28 后 10 个工作日, 已延期. */
export function dueParts(row: ItemRow): { due: string; marks: string[] } {
  const marks = [
    row.step ? `第 ${row.step.index}/${row.step.total} 步` : '',
    row.due_after && !row.postponed ? `${row.due_after.after} 后 ${row.due_after.working_days} 个工作日` : '',
    postponedLabel(row),
    row.postponement_requested ? `申请延期至 ${row.postponement_requested.to}，待批准` : '',
  ].filter(Boolean);
  return { due: row.step ? row.step.due : row.due, marks };
}

/** 2021-12-15（已延期，原 2021-09-30） · 2021-02-28（第 1/2 步） */
export function dueCell(row: ItemRow): string {
  // Most rows say nothing beside their deadline.
  if (!row.step && !row.due_after && !row.postponed && !row.postponement_requested) return row.due;
  const { due, marks } = dueParts(row);
  return marks.length ? `${due}（${marks.join('，')}）` : due;
}

/** 2021-10-08 信息中心：完成数据接口联调 — the latest progress note, or empty. */
export function noteCell(row: ItemRow): string {
  const n = row.latest_note;
  return n ? `${n.date} ${n.dept}：${n.note}` : '';
}

/** 【有更新】 before the task text of an item that changed since --since. */
export const CHANGED_MARK = '【有更新】';

/** 【上年结转】 before the task text of an item that continues an unfinished item of last year's plan. */
export const CARRIED_MARK = '【上年结转】';

/** The marks a view puts before an item's text: 【有更新】【上年结转】. */
export function textMarks(row: Pick<ItemRow, 'changed_since' | 'carried_over'>): string {
  return `${row.changed_since ? CHANGED_MARK : ''}${row.carried_over ? CARRIED_MARK : ''}`;
}

/** The facts line naming the --since date, when one was given. */
export function sinceFacts(since: string | undefined): string[] {
  return since ? [`${since} 以来有变化（新进展、延期、完成、取消）的任务标${CHANGED_MARK}`] : [];
}

/**
 * Columns of an item table; the last one says how much time is left (or how
 * late it is). Narrow terminals first get the short time and status forms,
 * then the short role, then lose the due date (the time column still says how late).
 */
export function itemColumns(timeHeader: string): DocColumn[] {
  return [
    { header: '编号', align: 'right' },
    { header: '角色', compact: { at: 3 } },
    { header: '任务', flexible: true },
    { header: '状态', compact: { at: 2 } },
    { header: '时限', dropAt: 4 },
    { header: timeHeader, compact: { at: 2 } },
    // Whole when piped and in md/csv; shortened in a terminal, and the first column to go when it is narrow.
    { header: '最新进展', maxWidth: 24, dropAt: 1 },
  ];
}

/** CSV-only columns of an item table: numbers a spreadsheet sorts (negative = days late) and the state apart from the status. */
export const ITEM_CSV_COLUMNS = ['剩余天数', '剩余工作日', '情况'];

/**
 * An item as a row of an item table. Its compact cells (a narrow terminal)
 * and CSV cells are made when first read: a piped table of 10,000 rows reads
 * neither.
 */
class ItemDocRow implements DocRow {
  readonly cells: string[];
  readonly tone: Tone | undefined;
  #compact: (string | undefined)[] | undefined;
  #csv: string[] | undefined;
  readonly #row: ItemRow;

  constructor(row: ItemRow) {
    this.#row = row;
    const marks = textMarks(row);
    this.cells = [row.number, roleCell(row), marks ? `${marks}${row.text}` : row.text, statusCell(row), dueCell(row), timeCell(row), noteCell(row)];
    this.tone = rowTone(row);
  }

  get compact(): (string | undefined)[] {
    const row = this.#row;
    return (this.#compact ??= [undefined, compactRoleCell(row), undefined, compactStatusCell(row), undefined, compactTimeCell(row), undefined]);
  }

  get csv(): string[] {
    const row = this.#row;
    return (this.#csv ??= [String(row.days_left), row.working_days_left === null ? '' : String(row.working_days_left), stateLabel(row)]);
  }
}

export function itemDocRow(row: ItemRow): DocRow {
  return new ItemDocRow(row);
}
