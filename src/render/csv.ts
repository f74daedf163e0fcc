import { safeText } from './safe-text.js';
import type { TableDoc } from './table-doc.js';

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
 * With several tables, a first column names the table each row came from.
 */
export function renderCsv(doc: TableDoc): string {
  const tables = doc.tables.filter((t) => t.columns.length);
  const several = tables.length > 1;
  const header = tables[0] ? [...(several ? ['分组'] : []), ...tables[0].columns.map((c) => c.header)] : [];
  const rows = [header];
  for (const table of tables) for (const row of table.rows) rows.push([...(several ? [table.heading ?? ''] : []), ...row.cells]);
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
