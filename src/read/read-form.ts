import type { Cell, Worksheet } from '../excel-library.js';
import ExcelJS from '../excel-library.js';
import { isValidDate } from '../model/dates.js';
import { zipOverBudget } from './budget.js';
import { FORM_FILL_COLUMNS, FORM_FIXED_COLUMNS, FORM_FORMAT, FORM_SHEET, FORM_STATUSES, RECORD_SHEET } from '../model/form-layout.js';
import { parseStatus, STATUS_LABELS, type Status } from '../model/status.js';

/** A problem with one cell of a returned form; `cell` is `Sheet!D7`. */
export interface FormProblem {
  cell: string;
  message: string;
}

/** What the hidden record says the form was made from. */
export interface FormRecord {
  title: string;
  documentNumber: string | null;
  department: string;
  madeOn: string;
  ledgerSha256: string;
  commit: string | null;
  /** Item number → fingerprint of the item when the form was made. */
  fingerprints: Map<string, string>;
}

/** One filled-in row: only what the department wrote. */
export interface FormAnswer {
  item: string;
  /** `Sheet!A7`, for messages about the row. */
  cell: string;
  status?: { value: Status; cell: string };
  doneOn?: { value: string; cell: string };
  note?: string;
  contact?: string;
}

export type ReadForm = { refused: string } | { record: FormRecord; answers: FormAnswer[]; problems: FormProblem[] };

const at = (sheet: Worksheet, cell: Cell) => `${sheet.name}!${cell.address}`;

/** A cell's value as it was meant: rich text joined, a formula's result, a link's text. */
function plainValue(value: Cell['value']): string | number | boolean | Date | null | { error: string } {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return plainValue((value.result ?? null) as Cell['value']);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return { error: String(value.error) };
  return null;
}

function cellText(cell: Cell): string {
  const value = plainValue(cell.value);
  if (value === null || typeof value === 'object') return '';
  return String(value).trim();
}

const pad = (n: number) => String(n).padStart(2, '0');
const utcDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/**
 * A date cell as YYYY-MM-DD: a real date, an Excel serial number (a re-saved
 * file may lose the date format), or text such as 2021-10-20, 2021/10/20 or 2021年10月20日.
 */
export function cellDate(cell: Cell): { date: string } | { wrong: string } | undefined {
  const value = plainValue(cell.value);
  if (value === null || value === '') return undefined;
  if (value instanceof Date) return { date: utcDay(value) };
  if (typeof value === 'number' && value > 0 && value < 2958466) return { date: utcDay(new Date(Date.UTC(1899, 11, 30) + Math.floor(value) * 86_400_000)) };
  const text = String(typeof value === 'object' && 'error' in value ? value.error : value).trim();
  if (!text) return undefined;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  const date = m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : undefined;
  return date && isValidDate(date) ? { date } : { wrong: text };
}

function readRecord(sheet: Worksheet): FormRecord | string {
  const values = new Map<string, string>();
  const fingerprints = new Map<string, string>();
  sheet.eachRow((row) => {
    const key = cellText(row.getCell(1));
    if (key === 'item') fingerprints.set(cellText(row.getCell(2)), cellText(row.getCell(3)));
    else if (key) values.set(key, cellText(row.getCell(2)));
  });
  if (values.get('format') !== FORM_FORMAT) return `表格的来源记录版本不认识（${values.get('format') || '空'}）`;
  const department = values.get('department');
  const title = values.get('title');
  if (!department || !title) return '表格的来源记录不完整（缺少部门或台账标题）';
  return {
    title,
    documentNumber: values.get('document_number') || null,
    department,
    madeOn: values.get('made_on') ?? '',
    ledgerSha256: values.get('ledger_sha256') ?? '',
    commit: values.get('commit') || null,
    fingerprints,
  };
}

/** Finds the header row and each column by its header text, so a re-saved or re-arranged form still reads. */
function findColumns(sheet: Worksheet): { headerRow: number; columns: Map<string, number> } | undefined {
  const wanted = [...FORM_FIXED_COLUMNS.slice(0, 1), ...FORM_FILL_COLUMNS];
  for (let r = 1; r <= Math.min(20, sheet.rowCount); r++) {
    const columns = new Map<string, number>();
    sheet.getRow(r).eachCell((cell, c) => {
      const text = cellText(cell);
      if (!columns.has(text)) columns.set(text, c);
    });
    if (wanted.every((h) => columns.has(h))) return { headerRow: r, columns };
  }
  return undefined;
}

/** Reads a returned progress form: its hidden record, and every row the department filled in, with problems by cell. */
export async function readForm(bytes: Buffer): Promise<ReadForm> {
  const over = zipOverBudget(bytes);
  if (over) return { refused: over.message };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { refused: '不是能读取的 Excel 工作簿（.xlsx）；若是 .xls 或 .et，请在 Excel/WPS 中另存为 .xlsx' };
  }
  const recordSheet = workbook.getWorksheet(RECORD_SHEET);
  if (!recordSheet) return { refused: '不是 gongkai forms 生成的填报表格（没有来源记录）；请用 gongkai forms 生成的表格填报' };
  const record = readRecord(recordSheet);
  if (typeof record === 'string') return { refused: record };
  const sheet = workbook.getWorksheet(FORM_SHEET);
  const found = sheet && findColumns(sheet);
  if (!sheet || !found) return { refused: `找不到「${FORM_SHEET}」工作表或它的表头（编号、状态、完成日期、本期进展、联系人）` };
  const col = (header: string) => found.columns.get(header)!;
  const answers: FormAnswer[] = [];
  const problems: FormProblem[] = [];
  const allowed = FORM_STATUSES.map((s) => STATUS_LABELS[s]);
  for (let r = found.headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const numberCell = row.getCell(col('编号'));
    const item = cellText(numberCell);
    const statusCell = row.getCell(col('状态'));
    const dateCell = row.getCell(col('完成日期'));
    const statusText = cellText(statusCell);
    const note = cellText(row.getCell(col('本期进展')));
    const contact = cellText(row.getCell(col('联系人')));
    const date = cellDate(dateCell);
    if (!item) {
      if (statusText || note || date) problems.push({ cell: at(sheet, numberCell), message: '这一行填了内容，却没有编号；请在原有的行中填写' });
      continue;
    }
    if (!statusText && !note && !date) continue;
    const answer: FormAnswer = { item, cell: at(sheet, numberCell), ...(note ? { note } : {}), ...(contact ? { contact } : {}) };
    if (!record.fingerprints.has(item)) {
      problems.push({ cell: at(sheet, numberCell), message: `编号「${item}」不是这份表格里原有的任务；请只在原有的行中填写` });
      continue;
    }
    if (statusText) {
      const status = parseStatus(statusText);
      if (status && FORM_STATUSES.includes(status)) answer.status = { value: status, cell: at(sheet, statusCell) };
      else if (status === 'cancelled') problems.push({ cell: at(sheet, statusCell), message: '「已取消」须经办公厅同意并写明原因，不能在表格中填报；请与办公厅联系' });
      else problems.push({ cell: at(sheet, statusCell), message: `「${statusText}」不是可选的状态；可选：${allowed.join('、')}` });
    }
    if (date && 'wrong' in date) problems.push({ cell: at(sheet, dateCell), message: `「${date.wrong}」不是日期；请写成 2021-10-20` });
    else if (date) answer.doneOn = { value: date.date, cell: at(sheet, dateCell) };
    answers.push(answer);
  }
  return { record, answers, problems };
}
