import type { Styles } from './styles.js';
import { displayWidth, padToWidth, safeLine, truncateToWidth } from './safe-text.js';

/**
 * Plain columns separated by two spaces (kubectl style), padded by display
 * width so Chinese text lines up. Hand-written rather than cli-table3, whose
 * layout pass is quadratic in rows: 790 ms of 1,150 ms for a 1,000-row table.
 */
const GAP = '  ';
import type { DocTable, TableDoc, Tone } from './table-doc.js';

function tone(styles: Styles, t: Tone | undefined, text: string): string {
  switch (t) {
    case 'bad':
      return styles.error(text);
    case 'warn':
      return styles.warning(text);
    case 'good':
      return styles.ok(text);
    case 'dim':
      return styles.dim(text);
    default:
      return text;
  }
}

function renderOne(table: DocTable, width: number, styles: Styles): string {
  if (!table.rows.length) return table.empty ? `${table.empty}\n` : '';
  const cells = table.rows.map((r) => r.cells.map(safeLine));
  const headers = table.columns.map((c) => safeLine(c.header));
  const widths = table.columns.map((_, i) => Math.max(displayWidth(headers[i]!), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const flexible = table.columns.findIndex((c) => c.flexible);
  if (flexible >= 0) {
    // Two spaces between columns; the flexible column gets what the others leave.
    const fixed = widths.reduce((sum, w, i) => (i === flexible ? sum : sum + w), 0) + GAP.length * (widths.length - 1);
    const room = Math.max(8, width - fixed);
    if (widths[flexible]! > room) {
      for (const row of cells) row[flexible] = truncateToWidth(row[flexible] ?? '', room);
      widths[flexible] = room;
    }
  }
  const line = (row: string[], paint: (cell: string) => string) =>
    row
      .map((cell, i) => paint(padToWidth(cell, widths[i]!, table.columns[i]!.align)))
      .join(GAP)
      .trimEnd();
  const ruleWidth = widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
  const body = cells.map((row, i) => {
    const meta = table.rows[i]!;
    return line(row, (cell) => (meta.strong ? styles.bold(tone(styles, meta.tone, cell)) : tone(styles, meta.tone, cell)));
  });
  return [line(headers, styles.bold), styles.dim('─'.repeat(ruleWidth)), ...body].join('\n') + '\n';
}

/** A doc as aligned terminal tables (double-width aware), shortened to `width` columns. */
export function renderTable(doc: TableDoc, width: number, styles: Styles): string {
  const parts = [styles.bold(safeLine(doc.title)), ...doc.facts.map((f) => safeLine(f))].join('\n') + '\n';
  const tables = doc.tables.map((table) => (table.heading ? `\n${styles.bold(safeLine(table.heading))}\n` : '\n') + renderOne(table, width, styles)).join('');
  const notes = doc.notes.length ? '\n' + doc.notes.map((n) => styles.dim(safeLine(n))).join('\n') + '\n' : '';
  return parts + tables + notes;
}
