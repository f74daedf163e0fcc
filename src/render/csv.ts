import { safeText } from './safe-text.js';
import type { DocTable, TableDoc } from './table-doc.js';

/**
 * One CSV cell: quoted when needed, and neutralised when it starts with
 * = + - @ (or tab/CR), which spreadsheets would run as a formula.
 */
export function csvCell(value: string): string {
  let text = safeText(value).replace(/\r?\n/g, ' ');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A doc's tables as one CSV: UTF-8 with BOM (so Excel reads Chinese right), CRLF.
 * Leading columns name the table each row came from (its csvGroup, else its heading when there are several).
 */
export function renderCsv(doc: TableDoc): string {
  const tables = doc.tables.filter((t) => t.columns.length);
  const group = (table: DocTable): [string, string][] => table.csvGroup ?? (tables.length > 1 ? [['分组', table.heading ?? '']] : []);
  const first = tables[0];
  const header = first ? [...group(first).map(([h]) => h), ...first.columns.map((c) => c.header)] : [];
  const rows = [header];
  for (const table of tables) for (const row of table.rows) rows.push([...group(table).map(([, v]) => v), ...row.cells]);
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
