/** A rendered view before it becomes text: a title, facts, and tables. One doc renders as table, markdown or CSV. */
export interface TableDoc {
  title: string;
  /** Short facts under the title (plan, as-of date, counts). */
  facts: string[];
  tables: DocTable[];
  /** Lines after the tables (explanations, warnings that belong to the data). */
  notes: string[];
  /** The as-of date: CSV gives it as a 截至 column on every row, so a forwarded file says when it was true. */
  asOf?: string;
}

export type Tone = 'bad' | 'warn' | 'good' | 'dim';

export interface DocColumn {
  header: string;
  align?: 'left' | 'right';
  /** The one column that is shortened to fit the terminal (the task text). */
  flexible?: boolean;
  /**
   * A narrower form for narrow terminals: from layout step `at` on, this
   * header and each row's `compact` cell are shown (逾期 8 天（1 个工作日） → 逾期8天/1工作日).
   */
  compact?: { at: number; header?: string };
  /** In a terminal of limited width, cells wider than this are shortened (piped output, md and csv keep them whole). */
  maxWidth?: number;
  /** The layout step from which the column is left out of a terminal table. */
  dropAt?: number;
  /** In the stacked layout, the line of a row's block the value goes on (0: beside the row's name). */
  stackLine?: number;
}

export interface DocRow {
  cells: string[];
  /** Narrower cells for columns that have a compact form; undefined where the full cell is short enough. */
  compact?: (string | undefined)[];
  /** Colours the row's status cells in a terminal. */
  tone?: Tone;
  /** Cells only CSV has, after the others (plain numbers a spreadsheet can sort: days left, working days …). */
  csv?: string[];
  /** Bold row (totals). */
  strong?: boolean;
  /** The row as a terminal table drew it before (render/table.ts): only a table of the same layout can show it, and md and CSV never do. */
  drawn?: DrawnLine;
}

/**
 * A row's line as drawn under one layout (named by TableRecording's layout text): bytes `start` to
 * `start + length` of `text` (the UTF-8 text it was shown in), with its cells' widths as measured then.
 * It may be the lines of several rows one after another (with the line breaks between), with the
 * widest cell of each column: the layout compares only the widest.
 */
export interface DrawnLine extends DrawnPlace {
  text: Buffer;
}

/** Where a drawn line is in its text, the layout it was drawn under, and its cells' widths then. */
export interface DrawnPlace {
  start: number;
  length: number;
  layout: string;
  /** Each cell's width, full form: `count` numbers from `at`. */
  widths: ArrayLike<number>;
  /** Each cell's width in the compact form (the full width where none), from the same place; undefined when that drawing never measured them. */
  compact: ArrayLike<number> | undefined;
  at: number;
}

export interface DocTable {
  heading?: string;
  columns: DocColumn[];
  rows: DocRow[];
  /** When even the narrowest columns do not fit, show each row as a block of 名称 数值 pairs (the status summary). */
  stackable?: boolean;
  /** Shown instead of an empty table. */
  empty?: string;
  /** Leading CSV columns naming the table a row came from, e.g. [['分类', '逾期'], ['责任单位', '信息中心']]. */
  csvGroup?: [string, string][];
  /** Headers of the rows' CSV-only cells. */
  csvColumns?: string[];
}
