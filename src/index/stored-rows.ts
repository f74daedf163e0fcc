/**
 * The rows of the per-item index as stored: one JSON line per row, after a
 * line naming the index they belong to. Kept apart from the index's other
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

export function keepRows(cache: CacheStore, key: string, stamp: string, rows: readonly unknown[]): void {
  // JSON never leaves a raw line break inside a value: each row is one line.
  cache.setBytes(key, `${stamp}\n${rows.map((row) => JSON.stringify(row)).join('\n')}`);
}

/** The rows stored for the index `stamp` names, of which there must be `count`; undefined when absent or of another index. */
export function storedRows<Row>(cache: CacheStore, key: string, stamp: string, count: number): RowTable<Row> | undefined {
  const body = cache.getBytes(key);
  if (!body) return undefined;
  const first = body.indexOf(LF);
  if ((first < 0 ? body.toString('latin1') : body.toString('latin1', 0, first)) !== stamp) return undefined;
  /** Where each row's line starts, found as far as rows have been asked for. */
  const starts: number[] = [first + 1];
  let every: Row[] | undefined;
  const lineStart = (i: number): number => {
    // The typed array's own indexOf: a Buffer's goes through a JavaScript wrapper, slow in a process's first 100,000 calls.
    for (let at = starts[starts.length - 1]! - 1; starts.length <= i && at >= 0; ) {
      at = byteIndexOf.call(body, LF, at + 1);
      if (at >= 0) starts.push(at + 1);
    }
    return starts[i] ?? body.length;
  };
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
