/**
 * A document for the office's paper, as plain data: what it says, not how it
 * is laid out. Each report builds one; gongwen.ts lays it out in the 公文 layout.
 */
export type Block =
  /** 一、… (黑体) or （一）… (楷体). */
  | { kind: 'heading'; level: 1 | 2; text: string }
  /** Body text, first line indented two characters. */
  | { kind: 'paragraph'; text: string }
  /** The addressee (主送机关) on its own line, flush left: 「信息中心：」. */
  | { kind: 'addressee'; text: string }
  | { kind: 'table'; table: DocTable };

export interface DocColumn {
  header: string;
  /** Relative width; short columns (编号, dates, counts) are kept on one line by giving them enough. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface DocTable {
  columns: DocColumn[];
  rows: string[][];
}

export interface OfficialDoc {
  title: string;
  /** A line under the title (截至…), in 楷体. */
  subtitle?: string;
  blocks: Block[];
  /** 发文机关署名 and 成文日期 (YYYY-MM-DD), at the end. */
  sender: string;
  date: string;
  /** 联系人/电话 from the registry, when it has them. */
  contact?: { name?: string; phone?: string };
}

export const heading = (level: 1 | 2, text: string): Block => ({ kind: 'heading', level, text });
export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
export const table = (columns: DocColumn[], rows: string[][]): Block => ({ kind: 'table', table: { columns, rows } });

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

/** 一、二、… for level-1 headings; past twenty, the Arabic number. */
export function chineseOrdinal(index: number): string {
  return NUMERALS[index] ?? String(index + 1);
}
