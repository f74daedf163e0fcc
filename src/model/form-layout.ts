import type { Status } from './status.js';

/**
 * The layout of a department's progress form, shared by the code that writes
 * forms and the code that reads them back: sheet names, columns, the record.
 */
export const FORM_SHEET = '填报';
/** The sheet of the master 任务分工表 (export --format xlsx), read back by collect like a form. */
export const MASTER_SHEET = '任务分工表';
/** A very hidden sheet: which ledger and department the form was made from. */
export const RECORD_SHEET = 'gongkai';
export const FORM_FORMAT = 'gongkai-form 1';
/** Rows above the header: title, then 文号/截至 and how to fill it in. */
export const FORM_HEADER_ROW = 3;

/** Columns the department reads (locked). */
export const FORM_FIXED_COLUMNS = ['编号', '角色', '任务', '时限', '当前状态', '最新进展'] as const;
/**
 * Columns the department fills in (unlocked). 申请延期至 and 延期理由 ask for a
 * postponement (the coordinator approves it); 佐证材料 names the evidence (a
 * link, a document number). Only 编号 and 状态 must be found when a form is read
 * back, so forms made before a column was added still read.
 */
export const FORM_FILL_COLUMNS = ['状态', '完成日期', '本期进展', '佐证材料', '申请延期至', '延期理由', '联系人'] as const;
export type FormFillColumn = (typeof FORM_FILL_COLUMNS)[number];
/** The headers a returned table must have to be read at all. */
export const FORM_REQUIRED_COLUMNS = ['编号', '状态'] as const;

/** Statuses a department may report; 已取消 needs the general office's approval and a reason. */
export const FORM_STATUSES: readonly Status[] = ['not_started', 'in_progress', 'done', 'ongoing'];

/** Keys of the record sheet, one per row (key in A, value in B); item rows are `item | number | fingerprint`. */
export type RecordKey = 'format' | 'title' | 'document_number' | 'ledger_sha256' | 'commit' | 'department' | 'made_on' | 'sheet' | 'scope';
