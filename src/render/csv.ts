import { safeText } from './safe-text.js';
import type { DocTable, TableDoc } from './table-doc.js';

// OWASP CSV injection: a spreadsheet runs a cell as a formula when it starts with
// = + - @ followed by more (also after leading whitespace), or with a tab/CR before
// more text. A plain number is data, and so is a sign alone: a lone "-" (nothing to
// report, a rate not yet known) is text in every spreadsheet and is left as it is.
const FORMULA_START = /^[\s\u3000]*[=+\-@＝＋－＠][\s\u3000]*[^\s\u3000]|^[\t\r][\s\u3000]*[^\s\u3000]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * One CSV cell: quoted when needed, and neutralised (a leading ') when a
 * spreadsheet would run it as a formula.
 */
export function csvCell(value: string): string {
  let text = safeText(value).replace(/\r?\n|\r/g, ' ');
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A doc's tables as one CSV: UTF-8 with BOM (so Excel reads Chinese right), CRLF.
 * Leading columns name the table each row came from (its csvGroup, else its heading when there are several).
 * Every row has exactly the header's width, whichever table comes first or is empty. Tables with
 * different columns (a year-end review's sections) share one header: the union of their columns in
 * order of first appearance, each row's cells under its own columns' names. With an as-of date, the
 * first column is 截至; columns only CSV has (plain numbers) come last.
 */
export function renderCsv(doc: TableDoc): string {
  const tables = doc.tables.filter((t) => t.columns.length);
  const grouped = tables.find((t) => t.csvGroup?.length);
  const groupHeaders = grouped ? grouped.csvGroup!.map(([h]) => h) : tables.length > 1 ? ['分组'] : [];
  const model = tables.find((t) => t.rows.length) ?? tables[0];
  const columns: string[] = [];
  for (const table of [model, ...tables]) for (const column of table?.columns ?? []) if (!columns.includes(column.header)) columns.push(column.header);
  const extra = model?.csvColumns ?? [];
  const asOf = doc.asOf === undefined ? [] : [doc.asOf];
  const group = (table: DocTable): string[] => {
    const values = table.csvGroup?.map(([, v]) => v) ?? [table.heading ?? ''];
    return groupHeaders.map((_, i) => values[i] ?? '');
  };
  const header = [...(doc.asOf === undefined ? [] : ['截至']), ...groupHeaders, ...columns, ...extra];
  const rows = [header];
  for (const table of tables) {
    const place = table.columns.map((c) => columns.indexOf(c.header));
    for (const row of table.rows) {
      const placed: string[] = columns.map(() => '');
      row.cells.forEach((cell, i) => (placed[place[i]!] = cell));
      const cells = [...asOf, ...group(table), ...placed, ...extra.map((_, i) => row.csv?.[i] ?? '')];
      if (row.cells.length !== table.columns.length || cells.length !== header.length) throw new Error(`CSV row has ${row.cells.length} cells for ${table.columns.length} columns`);
      rows.push(cells);
    }
  }
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
