/**
 * What every container (txt, docx, xlsx, html) turns a notice into: blocks in
 * document order. Structure recognisers read blocks, never files.
 */

/** Where something stands in the notice: a line (txt) or paragraph (docx, html), and a table cell. */
export interface Place {
  line: number;
  /** `B3` (xlsx), `表1 第3行第4列` (docx, html, text tables). */
  cell?: string;
}

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  line: number;
}

export interface TableCell {
  text: string;
  place: Place;
  /** A copy of a merged cell's value (row or column span), not a cell of its own. */
  merged?: boolean;
}

export interface Table {
  kind: 'table';
  rows: TableCell[][];
  line: number;
  /** Rows copied from text (`a | b | c`) may have fewer cells than the header: cells are placed by content. */
  ragged?: boolean;
  /** A table copied one cell per line with `|` lines between (DOMAIN.md F8): its one row is every cell in turn; which make a row is for the reader to find. */
  cellStream?: boolean;
  /** Why the table's rows and columns may not be read right (a table laid out with spaces, from a PDF): every task from it is flagged. */
  doubt?: string;
}

export type Block = Paragraph | Table;

/** A notice read from its container. */
export interface NoticeDocument {
  /** For messages: 文本 (UTF-8), Word 文档, Excel 工作簿, 网页. */
  formatLabel: string;
  /** What a `line` counts: 行 in text, 段 in Word and web pages. */
  lineWord: '行' | '段';
  blocks: Block[];
  /** The title a container gives besides the text (a web page's <h1> or <title>): the plan's name when the text names none. */
  title?: string;
}
