/** A rendered view before it becomes text: a title, facts, and tables. One doc renders as table, markdown or CSV. */
export interface TableDoc {
  title: string;
  /** Short facts under the title (plan, as-of date, counts). */
  facts: string[];
  tables: DocTable[];
  /** Lines after the tables (explanations, warnings that belong to the data). */
  notes: string[];
}

export type Tone = 'bad' | 'warn' | 'good' | 'dim';

export interface DocColumn {
  header: string;
  align?: 'left' | 'right';
  /** The one column that is shortened to fit the terminal (the task text). */
  flexible?: boolean;
}

export interface DocRow {
  cells: string[];
  /** Colours the row's status cells in a terminal. */
  tone?: Tone;
  /** Bold row (totals). */
  strong?: boolean;
}

export interface DocTable {
  heading?: string;
  columns: DocColumn[];
  rows: DocRow[];
  /** Shown instead of an empty table. */
  empty?: string;
  /** Leading CSV columns naming the table a row came from, e.g. [['分类', '逾期'], ['责任单位', '信息中心']]. */
  csvGroup?: [string, string][];
}
