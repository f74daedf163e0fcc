import type { Styles } from './styles.js';
import { safeLine } from './safe-text.js';
import { commonTextWidth, NARROW, type TextWidth } from './text-width.js';
import type { DocColumn, DocRow, DocTable, TableDoc, Tone } from './table-doc.js';
import { NotRedrawable, Recorder, type Piece, type TableRecording } from './table-recording.js';


/**
 * Plain columns separated by two spaces (kubectl style), padded by display
 * width so Chinese text lines up. Hand-written rather than cli-table3, whose
 * layout pass is quadratic in rows: 790 ms of 1,150 ms for a 1,000-row table.
 */
const GAP = '  ';
/** The task text keeps at least this many columns (12 characters) before other columns give way. */
const FLEX_MIN = 24;
/** The rule under the header: ASCII, because ─ is Ambiguous and misaligns where it is drawn wide. */
const RULE = '-';

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

/** Which columns a family of tables shows, in which form, and how wide: one layout for every table with the same columns. */
export type Layout =
  | { stacked: false; shown: number[]; compact: boolean[]; widths: number[]; width: number }
  | { stacked: true };

const cellOf = (row: DocRow, i: number, compact: boolean) => safeLine((compact ? row.compact?.[i] : undefined) ?? row.cells[i] ?? '');

/**
 * A table's cells made safe and measured, once per run: the layout compares
 * their widths and the rows are padded by them, so no cell is cleaned or
 * measured again (a 10,000-row table spent a third of its time doing so).
 * The widths of a table in one array and only the cells cleaning changed kept
 * apart: every object a large table makes survives until it is drawn, and
 * the garbage collector copies each. The compact forms are made and measured
 * only when a layout step needs them: piped output (no width limit) never does.
 */
export class MeasuredTable {
  /** Each cell's width, row after row. */
  readonly widths: Int32Array;
  /** Cells safeLine changed, by place (row × columns + column). */
  private readonly cleaned = new Map<number, string>();
  /** The compact form and its width where a column has one and the row gives it, by place; measured on first use. */
  private compactCells: Map<number, string> | undefined;
  private compactWidthsOf: Int32Array | undefined;

  constructor(
    readonly table: DocTable,
    private readonly measure: TextWidth,
  ) {
    const count = table.columns.length;
    const rows = table.rows;
    this.widths = new Int32Array(rows.length * count);
    for (let r = 0; r < rows.length; r++) {
      const { cells, drawn } = rows[r]!;
      // A row drawn before brings the widths it was measured at.
      if (drawn) for (let i = 0; i < count; i++) this.widths[r * count + i] = drawn.widths[drawn.at + i]!;
      else for (let i = 0; i < count; i++) this.widths[r * count + i] = this.cleanWidth(cells[i] ?? '', r * count + i, this.cleaned);
    }
  }

  /** True once the compact widths are measured: a drawing records them only then. */
  get compactMeasured(): boolean {
    return this.compactWidthsOf !== undefined;
  }

  /** The width of a cell made safe; a cell safeLine changes is kept in `into` at its place. */
  private cleanWidth(text: string, place: number, into: Map<number, string>): number {
    // Text of only the common characters needs no cleaning (commonTextWidth).
    const width = commonTextWidth(text);
    if (width >= 0) return width;
    const safe = safeLine(text);
    if (safe !== text) into.set(place, safe);
    return this.measure.of(safe);
  }

  /** A cell made safe. */
  text(row: number, column: number): string {
    return this.cleaned.get(row * this.table.columns.length + column) ?? this.table.rows[row]!.cells[column] ?? '';
  }

  /** The compact widths (the full width where a column or the row has no compact form), measured on first use. */
  compactWidths(): Int32Array {
    if (this.compactWidthsOf) return this.compactWidthsOf;
    const { columns, rows } = this.table;
    const count = columns.length;
    const widths = new Int32Array(this.widths);
    const cells = new Map<number, string>();
    for (let r = 0; r < rows.length; r++) {
      const drawn = rows[r]!.drawn;
      if (drawn) {
        if (!drawn.compact) throw new NotRedrawable();
        for (let i = 0; i < count; i++) widths[r * count + i] = drawn.compact[drawn.at + i]!;
        continue;
      }
      for (let i = 0; i < count; i++) {
        const short = columns[i]!.compact !== undefined ? rows[r]!.compact?.[i] : undefined;
        if (short === undefined) continue;
        cells.set(r * count + i, short);
        widths[r * count + i] = this.cleanWidth(short, r * count + i, cells);
      }
    }
    this.compactCells = cells;
    return (this.compactWidthsOf = widths);
  }

  /** A cell's compact form made safe; undefined where it has none. */
  compactText(row: number, column: number): string | undefined {
    this.compactWidths();
    return this.compactCells!.get(row * this.table.columns.length + column);
  }
}

/**
 * The widest layout that fits: step 0 shows every column in full; each step
 * switches more columns to their compact form or leaves them out, as the doc
 * ranks them. The flexible column (task text) takes what the others leave.
 */
function layoutFor(columns: readonly DocColumn[], family: readonly MeasuredTable[], width: number, measure: TextWidth, stackable: boolean): Layout {
  const lastStep = Math.max(0, ...columns.map((c) => Math.max(c.compact?.at ?? 0, c.dropAt ?? 0)));
  const count = columns.length;
  /** The widest cell of each column over the family's tables: the steps only compare the widths measured once. */
  const widest = (widthsOf: (table: MeasuredTable) => Int32Array) => {
    const most = columns.map(() => 0);
    for (const table of family) {
      const widths = widthsOf(table);
      for (let at = 0; at < widths.length; at++) if (widths[at]! > most[at % count]!) most[at % count] = widths[at]!;
    }
    return most;
  };
  const fullWidths = widest((table) => table.widths);
  let compactWidths: number[] | undefined;
  /** The compact widths, measured when a step first shows a compact form. */
  const compactWidthsOf = () => (compactWidths ??= widest((table) => table.compactWidths()));
  let narrowest: Extract<Layout, { stacked: false }> | undefined;
  for (let step = 0; step <= lastStep; step++) {
    const shown = columns.flatMap((c, i) => (c.dropAt !== undefined && c.dropAt <= step ? [] : [i]));
    const compact = columns.map((c) => c.compact !== undefined && c.compact.at <= step);
    const widths = columns.map((c, i) => {
      const header = measure.of(safeLine(compact[i] ? (c.compact?.header ?? c.header) : c.header));
      const w = Math.max(header, compact[i] ? compactWidthsOf()[i]! : fullWidths[i]!);
      return c.maxWidth !== undefined && Number.isFinite(width) ? Math.min(w, Math.max(c.maxWidth, header)) : w;
    });
    const flexible = shown.find((i) => columns[i]!.flexible);
    const fixed = shown.reduce((sum, i) => (i === flexible ? sum : sum + widths[i]!), 0) + GAP.length * (shown.length - 1);
    const flexNeed = flexible === undefined ? 0 : Math.min(widths[flexible]!, FLEX_MIN);
    if (flexible !== undefined) widths[flexible] = Math.max(1, Math.min(widths[flexible]!, width - fixed));
    narrowest = { stacked: false, shown, compact, widths, width: shown.reduce((sum, i) => sum + widths[i]!, 0) + GAP.length * (shown.length - 1) };
    if (fixed + flexNeed <= width) return narrowest;
  }
  return stackable ? { stacked: true } : narrowest!;
}

/** Runs of spaces by length, made once: a 10,000-row table pads every cell. */
const spaces: string[] = [''];
const spacesOf = (n: number) => {
  for (let i = spaces.length; i <= n; i++) spaces.push(spaces[i - 1] + ' ');
  return spaces[n]!;
};

/** A measured cell fitted to its column: shortened when wider, padded by the width it was measured at. */
function fitted(text: string, textWidth: number, width: number, align: DocColumn['align'], measure: TextWidth): string {
  if (textWidth > width) return measure.pad(measure.truncate(text, width), width, align);
  const pad = spacesOf(width - textWidth);
  return align === 'right' ? pad + text : text + pad;
}

function renderRows(measured: MeasuredTable, layout: Extract<Layout, { stacked: false }>, styles: Styles, measure: TextWidth, out: Piece[], record: Recorder): void {
  const table = measured.table;
  record.table(measured, layout);
  const { shown, compact, widths } = layout;
  const headers = table.columns.map((c, i) => safeLine(compact[i] ? (c.compact?.header ?? c.header) : c.header));
  const headerLine = shown.map((i) => styles.bold(fitted(headers[i]!, measure.of(headers[i]!), widths[i]!, table.columns[i]!.align, measure))).join(GAP);
  out.push(headerLine, '\n', styles.dim(RULE.repeat(layout.width)), '\n');
  // What each shown column needs, looked up once rather than once per cell.
  const count = table.columns.length;
  const shownCount = shown.length;
  const short = shown.map((i) => compact[i]!);
  const width = shown.map((i) => widths[i]!);
  const right = shown.map((i) => table.columns[i]!.align === 'right');
  const align = shown.map((i) => table.columns[i]!.align);
  const fullWidths = measured.widths;
  const compactWidths = short.some(Boolean) ? measured.compactWidths() : fullWidths;
  /** A layout text found equal to this table's: rows drawn before share one text of each layout, so the next compare is of one string with itself. */
  let agreed: string | undefined;
  // A loop rather than a map and a join per row: the rows of a 10,000-row table are most of what a run makes.
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    if (row.drawn) {
      if (row.drawn.layout !== agreed) {
        if (!record.again || row.drawn.layout !== record.layoutText) throw new NotRedrawable();
        agreed = row.drawn.layout;
      }
      record.row(r, out.length);
      out.push(row.drawn, '\n');
      continue;
    }
    const painted = row.strong || row.tone !== undefined;
    let line = '';
    for (let s = 0; s < shownCount; s++) {
      const i = shown[s]!;
      const shortText = short[s] ? measured.compactText(r, i) : undefined;
      const text = shortText ?? measured.text(r, i);
      const textWidth = shortText !== undefined ? compactWidths[r * count + i]! : fullWidths[r * count + i]!;
      const w = width[s]!;
      let cell: string;
      if (textWidth > w) cell = fitted(text, textWidth, w, align[s], measure);
      else if (textWidth === w) cell = text;
      else cell = right[s] ? spacesOf(w - textWidth) + text : text + spacesOf(w - textWidth);
      if (painted) cell = row.strong ? styles.bold(tone(styles, row.tone, cell)) : tone(styles, row.tone, cell);
      line = s === 0 ? cell : line + GAP + cell;
    }
    record.row(r, out.length);
    out.push(line, '\n');
  }
}

/** Each row as a block: its name and the pairs of stackLine 0, then one indented line of 名称 数值 per stackLine; zeros left out. */
function renderStacked(table: DocTable, width: number, styles: Styles, measure: TextWidth): string[] {
  return table.rows.flatMap((row) => {
    if (row.drawn) throw new NotRedrawable();
    const lines = new Map<number, string[]>();
    table.columns.forEach((column, i) => {
      if (i === 0) return;
      const value = cellOf(row, i, true);
      if (value === '' || value === '0') return;
      const at = column.stackLine ?? 1;
      lines.set(at, [...(lines.get(at) ?? []), `${safeLine(column.header)} ${value}`]);
    });
    const paint = (text: string) => (row.strong ? styles.bold(tone(styles, row.tone, text)) : tone(styles, row.tone, text));
    const head = measure.wrap([cellOf(row, 0, false), ...(lines.get(0) ?? [])].join(GAP), width, '  ').map((line) => paint(line));
    const rest = [...lines.keys()]
      .filter((k) => k > 0)
      .sort((a, b) => a - b)
      .flatMap((k) => measure.wrap(`  ${lines.get(k)!.join(GAP)}`, width, '  '));
    return [...head, ...rest];
  });
}

/** Text lines wrapped to the width, each painted. */
function wrapped(text: string, width: number, measure: TextWidth, paint: (s: string) => string): string {
  return measure
    .wrap(safeLine(text), width)
    .map((line) => paint(line))
    .join('\n');
}

/**
 * A doc as aligned terminal tables, fitted to `width` columns (Infinity:
 * piped output, nothing shortened). Tables with the same columns share one
 * layout, so the overdue groups line up with one another.
 */
export function renderTable(doc: TableDoc, width: number, styles: Styles, measure: TextWidth = NARROW): string {
  // Without rows drawn before, every piece is text.
  return drawTables(doc, width, styles, measure, new Recorder(undefined, false)).join('');
}

/**
 * renderTable of a doc some of whose rows were drawn before (DocRow.drawn), as UTF-8 in parts:
 * their lines are used as they are, which is what drawing them again would
 * give when the layout is the same. Undefined when a layout is not the one
 * they were drawn in: the caller draws the doc from its rows instead.
 */
export function renderTableAgain(doc: TableDoc, width: number, styles: Styles, measure: TextWidth, keep?: TableRecording): Uint8Array[] | undefined {
  try {
    const record = new Recorder(keep, true);
    return record.finish(drawTables(doc, width, styles, measure, record));
  } catch (error) {
    if (error instanceof NotRedrawable) return undefined;
    throw error;
  }
}

function drawTables(doc: TableDoc, width: number, styles: Styles, measure: TextWidth, record: Recorder): Piece[] {
  const families = new Map<readonly DocColumn[], DocTable[]>();
  for (const table of doc.tables) {
    const family = families.get(table.columns);
    if (family) family.push(table);
    else families.set(table.columns, [table]);
  }
  const measured = new Map<DocTable, MeasuredTable>(doc.tables.map((table) => [table, new MeasuredTable(table, measure)]));
  const layouts = new Map<readonly DocColumn[], Layout>();
  for (const [columns, tables] of families) {
    layouts.set(columns, layoutFor(columns, tables.map((t) => measured.get(t)!), width, measure, tables.some((t) => t.stackable)));
  }
  // Every piece of the output in one list, joined once: a large report is megabytes, and each join of joins copies it again.
  const out: Piece[] = [[wrapped(doc.title, width, measure, styles.bold), ...doc.facts.map((f) => wrapped(f, width, measure, (s) => s))].join('\n'), '\n'];
  for (const table of doc.tables) {
    out.push(table.heading ? `\n${wrapped(table.heading, width, measure, styles.bold)}\n` : '\n');
    if (!table.rows.length) {
      if (table.empty) out.push(`${wrapped(table.empty, width, measure, (s) => s)}\n`);
      continue;
    }
    const layout = layouts.get(table.columns)!;
    if (layout.stacked) for (const line of renderStacked(table, width, styles, measure)) out.push(line, '\n');
    else renderRows(measured.get(table)!, layout, styles, measure, out, record);
  }
  if (doc.notes.length) out.push('\n', doc.notes.map((n) => wrapped(n, width, measure, styles.dim)).join('\n'), '\n');
  return out;
}
