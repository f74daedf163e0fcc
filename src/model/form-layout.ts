import type { Status } from './status.js';

/**
 * The layout of a department's progress form, shared by the code that writes
 * forms and the code that reads them back: sheet names, columns, the record.
 */
export const FORM_SHEET = '填报';
/** A very hidden sheet: which ledger and department the form was made from. */
export const RECORD_SHEET = 'gongkai';
export const FORM_FORMAT = 'gongkai-form 1';
/** Rows above the header: title, then 文号/截至 and how to fill it in. */
export const FORM_HEADER_ROW = 3;

/** Columns the department reads (locked). */
export const FORM_FIXED_COLUMNS = ['编号', '角色', '任务', '时限', '当前状态', '最新进展'] as const;
/** Columns the department fills in (unlocked). */
export const FORM_FILL_COLUMNS = ['状态', '完成日期', '本期进展', '联系人'] as const;

/** Statuses a department may report; 已取消 needs the general office's approval and a reason. */
export const FORM_STATUSES: readonly Status[] = ['not_started', 'in_progress', 'done', 'ongoing'];

/** Keys of the record sheet, one per row (key in A, value in B); item rows are `item | number | fingerprint`. */
export type RecordKey = 'format' | 'title' | 'document_number' | 'ledger_sha256' | 'commit' | 'department' | 'made_on';
