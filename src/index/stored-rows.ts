/**
 * The rows of the per-item index as stored: one JSON line per row, after a
 * line naming the index they belong to and where every MARK_EVERY-th row
 * starts (so one row is found without counting the lines before it). Kept apart from the index's other
 * facts so that a run after a one-item edit parses the few rows it needs (the
 * changed items' old rows), not 100,000 of them; a view that lists items
 * parses them all, once.
 */
import type { CacheStore } from '../cache/cache-store.js';

const LF = 10;
const byteIndexOf = Uint8Array.prototype.indexOf;

/** The rows of one index, read on demand. */
export interface RowTable<Row> {
  readonly length: number;
  at(i: number): Row;
  all(): Row[];
}

/** A table over rows already in memory (the index just built). */
export function rowTableOf<Row>(rows: Row[]): RowTable<Row> {
  return { length: rows.length, at: (i) => rows[i]!, all: () => rows };
}

/** Every this many rows, the first line says where the row starts. */
const MARK_EVERY = 64;

export function keepRows(cache: CacheStore, key: string, stamp: string, rows: readonly unknown[]): void {
  // JSON never leaves a raw line break inside a value: each row is one line.
  const blocks: string[] = [];
  const marks: number[] = [];
  for (let from = 0, at = 0; from < rows.length; from += MARK_EVERY) {
    const block = rows.slice(from, from + MARK_EVERY).map((row) => JSON.stringify(row)).join('\n');
    marks.push(at);
    at += Buffer.byteLength(block) + 1;
    blocks.push(block);
  }
  cache.setBytes(key, `${stamp}\t${marks.join(',')}\n${blocks.join('\n')}`);
}

/** The rows stored for the index `stamp` names, of which there must be `count`; undefined when absent or of another index. */
export function storedRows<Row>(cache: CacheStore, key: string, stamp: string, count: number): RowTable<Row> | undefined {
  const body = cache.getBytes(key);
  if (!body) return undefined;
  const first = body.indexOf(LF);
  const [named, markList] = (first < 0 ? body.toString('latin1') : body.toString('latin1', 0, first)).split('\t');
  if (named !== stamp) return undefined;
  /** Where every MARK_EVERY-th row starts, after the first line. */
  const marks = markList ? markList.split(',').map(Number) : [];
  /** Where row i starts: from the mark before it, past the line breaks between. */
  const lineStart = (i: number): number => {
    const mark = Math.min(Math.floor(i / MARK_EVERY), marks.length - 1);
    let at = mark < 0 ? first + 1 : first + 1 + marks[mark]!;
    // The typed array's own indexOf: a Buffer's goes through a JavaScript wrapper, slow in a process's first 100,000 calls.
    for (let row = Math.max(mark, 0) * MARK_EVERY; row < i && at > 0; row++) at = byteIndexOf.call(body, LF, at) + 1;
    return at > 0 ? at : body.length;
  };
  let every: Row[] | undefined;
  /** Rows read one at a time so far: past an eighth of them, the whole table is parsed at once, which costs less per row. */
  let read = 0;
  const table: RowTable<Row> = {
    length: count,
    at(i) {
      if (!every && ++read > count >> 3) table.all();
      if (every) return every[i]!;
      const from = lineStart(i);
      const to: number = byteIndexOf.call(body, LF, from);
      return JSON.parse(body.toString('utf8', from, to < 0 ? body.length : to)) as Row;
    },
    all() {
      every ??= JSON.parse(`[${body.toString('utf8', first + 1).replaceAll('\n', ',')}]`) as Row[];
      return every;
    },
  };
  // The stamp ties the rows to the index written with them (the cache checks each entry's bytes): their count is the index's.
  return first < 0 ? rowTableOf([]) : table;
}
