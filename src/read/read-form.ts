import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Cell, Worksheet } from '../excel-library.js';
import ExcelJS from '../excel-library.js';
import { isValidDate } from '../model/dates.js';
import { zipOverBudget } from './budget.js';
import { FORM_FORMAT, FORM_REQUIRED_COLUMNS, FORM_SHEET, FORM_STATUSES, RECORD_SHEET, type FormFillColumn } from '../model/form-layout.js';
import { parseStatus, STATUS_LABELS, type Status } from '../model/status.js';
import { itemNumberFromKey } from '../model/item-number.js';

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
  /** The record's HMAC as forms wrote it (see permissions/form-signature.ts). */
  signature: string | null;
  /** The sheet the answers are on: the form's 填报, or the master table's 任务分工表. */
  sheet: string;
  /** `all` for the coordinator's master table (every item, may be edited by the office); a department's form otherwise. */
  scope: 'department' | 'all';
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
  /** 佐证材料: a link or document number, kept as written. */
  evidence?: string;
  /** 申请延期至 and 延期理由: a request the coordinator approves. */
  postpone?: { to: string; reason: string; cell: string; approvedBy?: string };
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
    signature: values.get('signature') || null,
    sheet: values.get('sheet') || FORM_SHEET,
    scope: values.get('scope') === 'all' ? 'all' : 'department',
  };
}

/** Finds the header row and each column by its header text, so a re-saved or re-arranged form still reads. */
function findColumns(sheet: Worksheet): { headerRow: number; columns: Map<string, number> } | undefined {
  const wanted = FORM_REQUIRED_COLUMNS;
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

/** A cell that holds nothing but a style (an empty fill-in cell, unlocked), as exceljs and gnumeric write it: `<c r="B1" s="2"/>`. */
const STYLE_ONLY_CELL = /\s*<c r="[A-Z]{1,3}\d+"(?: s="\d+")?\/>/g;

/**
 * The workbook with its style-only cells taken out of every worksheet (the same bytes when it has none). A form
 * re-saved by gnumeric has such a cell in every column of every formatted row, all 16,384 (33,000 cells for a form
 * of eleven items), and exceljs builds an object for each: about 0.2 s of CPU per form collected, where the form as
 * gongkai wrote it takes a few hundredths. Nothing read from a form is in those cells; a cell asked for that is not
 * there reads as empty, at the same address. Called once the zip is within the budget (zipOverBudget).
 */
export function withoutStyleOnlyCells(bytes: Uint8Array): Uint8Array {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes);
  } catch {
    return bytes; // A damaged zip is exceljs's to report, in its own words.
  }
  let changed = false;
  for (const [name, data] of Object.entries(parts)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) continue;
    const xml = strFromU8(data);
    const kept = xml.replace(STYLE_ONLY_CELL, '');
    if (kept.length === xml.length) continue;
    parts[name] = strToU8(kept);
    changed = true;
  }
  // Stored, not deflated: exceljs reads it back at once.
  return changed ? zipSync(parts, { level: 0 }) : bytes;
}

/** Reads a returned progress form: its hidden record, and every row the department filled in, with problems by cell. */
export async function readForm(bytes: Buffer): Promise<ReadForm> {
  const over = zipOverBudget(bytes);
  if (over) return { refused: over.message };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(withoutStyleOnlyCells(bytes) as unknown as ArrayBuffer);
  } catch {
    return { refused: '不是能读取的 Excel 工作簿（.xlsx）；若是 .xls 或 .et，请在 Excel/WPS 中另存为 .xlsx' };
  }
  const recordSheet = workbook.getWorksheet(RECORD_SHEET);
  if (!recordSheet) return { refused: '不是 gongkai forms 生成的填报表格（没有来源记录）；请用 gongkai forms 生成的表格填报' };
  const record = readRecord(recordSheet);
  if (typeof record === 'string') return { refused: record };
  const sheet = workbook.getWorksheet(record.sheet);
  const found = sheet && findColumns(sheet);
  if (!sheet || !found) return { refused: `找不到「${record.sheet}」工作表或它的表头（编号、状态）` };
  const col = (header: string) => found.columns.get(header)!;
  // Optional columns (a form made before they were added, or the master table without them) read as empty.
  const text = (row: ReturnType<Worksheet['getRow']>, header: FormFillColumn) => (found.columns.has(header) ? cellText(row.getCell(found.columns.get(header)!)) : '');
  const answers: FormAnswer[] = [];
  const problems: FormProblem[] = [];
  const allowed = FORM_STATUSES.map((s) => STATUS_LABELS[s]);
  for (let r = found.headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const numberCell = row.getCell(col('编号'));
    // The master table writes item numbers as numbers (1.10 as 1.010, shown as written): mapped back through the record's numbers.
    const numberValue = plainValue(numberCell.value);
    const item = (typeof numberValue === 'number' ? itemNumberFromKey(numberValue, record.fingerprints.keys()) : undefined) ?? cellText(numberCell);
    const statusCell = row.getCell(col('状态'));
    const dateCell = found.columns.has('完成日期') ? row.getCell(col('完成日期')) : undefined;
    const statusText = cellText(statusCell);
    const note = text(row, '本期进展');
    const contact = text(row, '联系人');
    const evidence = text(row, '佐证材料');
    const reason = text(row, '延期理由');
    const postponeCell = found.columns.has('申请延期至') ? row.getCell(col('申请延期至')) : undefined;
    const postponeTo = postponeCell ? cellDate(postponeCell) : undefined;
    const date = dateCell ? cellDate(dateCell) : undefined;
    const filled = Boolean(statusText || note || date || evidence || reason || postponeTo);
    if (!item) {
      if (filled) problems.push({ cell: at(sheet, numberCell), message: '这一行填了内容，却没有编号；请在原有的行中填写' });
      continue;
    }
    if (!filled) continue;
    const answer: FormAnswer = { item, cell: at(sheet, numberCell), ...(note ? { note } : {}), ...(contact ? { contact } : {}), ...(evidence ? { evidence } : {}) };
    if (!record.fingerprints.has(item)) {
      problems.push({ cell: at(sheet, numberCell), message: `编号「${item}」不是这份表格里原有的任务；请只在原有的行中填写` });
      continue;
    }
    if (statusText) {
      const status = parseStatus(statusText);
      if (status && FORM_STATUSES.includes(status)) answer.status = { value: status, cell: at(sheet, statusCell) };
      // The master table shows 已取消 items as they are; planCollect refuses a change to it.
      else if (status === 'cancelled' && record.scope === 'all') answer.status = { value: status, cell: at(sheet, statusCell) };
      else if (status === 'cancelled') problems.push({ cell: at(sheet, statusCell), message: '「已取消」须经办公厅同意并写明原因，不能在表格中填报；请与办公厅联系' });
      else problems.push({ cell: at(sheet, statusCell), message: `「${statusText}」不是可选的状态；可选：${allowed.join('、')}` });
    }
    if (date && 'wrong' in date) problems.push({ cell: at(sheet, dateCell!), message: `「${date.wrong}」不是日期；请写成 2021-10-20` });
    else if (date) answer.doneOn = { value: date.date, cell: at(sheet, dateCell!) };
    if (postponeTo && 'wrong' in postponeTo) problems.push({ cell: at(sheet, postponeCell!), message: `「${postponeTo.wrong}」不是日期；申请延期至请写成 2021-12-15` });
    else if (postponeTo && !reason) problems.push({ cell: at(sheet, postponeCell!), message: '申请延期须写明延期理由' });
    else if (postponeTo) {
      const approvedBy = found.columns.has('批准人') ? cellText(row.getCell(col('批准人'))) : '';
      answer.postpone = { to: postponeTo.date, reason, cell: at(sheet, postponeCell!), ...(approvedBy ? { approvedBy } : {}) };
    }
    else if (reason) problems.push({ cell: at(sheet, row.getCell(col('延期理由'))), message: '写了延期理由，却没有填申请延期至的日期' });
    answers.push(answer);
  }
  return { record, answers, problems };
}
