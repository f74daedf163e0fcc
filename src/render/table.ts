import Table from 'cli-table3';
import type { Styles } from './styles.js';
import { displayWidth, safeLine, truncateToWidth } from './safe-text.js';
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

const BORDER_CHARS = ['top', 'top-mid', 'top-left', 'top-right', 'bottom', 'bottom-mid', 'bottom-left', 'bottom-right', 'left', 'left-mid', 'mid', 'mid-mid', 'right', 'right-mid', 'middle'];

function renderOne(table: DocTable, width: number, styles: Styles): string {
  if (!table.rows.length) return table.empty ? `${table.empty}\n` : '';
  const cells = table.rows.map((r) => r.cells.map(safeLine));
  const flexible = table.columns.findIndex((c) => c.flexible);
  if (flexible >= 0) {
    // Borders take 3 columns per cell plus 1; the flexible column gets what the others leave.
    const fixed = table.columns.reduce(
      (sum, column, i) => (i === flexible ? sum : sum + Math.max(displayWidth(column.header), ...cells.map((r) => displayWidth(r[i] ?? '')))),
      0,
    );
    const room = Math.max(8, width - fixed - 2 * table.columns.length);
    for (const row of cells) row[flexible] = truncateToWidth(row[flexible] ?? '', room);
  }
  const t = new Table({
    head: table.columns.map((c) => styles.bold(c.header)),
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 2 },
    // Plain columns, kubectl style: borders cost width that the task text needs.
    chars: Object.fromEntries(BORDER_CHARS.map((c) => [c, ''])),
    colAligns: table.columns.map((c) => c.align ?? 'left'),
    wordWrap: false,
  });
  cells.forEach((row, i) => {
    const meta = table.rows[i]!;
    t.push(row.map((cell) => (meta.strong ? styles.bold(tone(styles, meta.tone, cell)) : tone(styles, meta.tone, cell))));
  });
  const [head = '', ...body] = t
    .toString()
    .split('\n')
    .map((line) => line.trimEnd());
  const widest = Math.max(...[head, ...body].map((line) => displayWidth(line.replace(/\u001b\[[0-9;]*m/g, ''))));
  return [head, styles.dim('─'.repeat(widest)), ...body].join('\n') + '\n';
}

/** A doc as aligned terminal tables (double-width aware), shortened to `width` columns. */
export function renderTable(doc: TableDoc, width: number, styles: Styles): string {
  const parts = [styles.bold(safeLine(doc.title)), ...doc.facts.map((f) => safeLine(f))].join('\n') + '\n';
  const tables = doc.tables.map((table) => (table.heading ? `\n${styles.bold(safeLine(table.heading))}\n` : '\n') + renderOne(table, width, styles)).join('');
  const notes = doc.notes.length ? '\n' + doc.notes.map((n) => styles.dim(safeLine(n))).join('\n') + '\n' : '';
  return parts + tables + notes;
}
