/**
 * One item chunk's row of the per-item index, and the row as stored: packed
 * into a flat array, unpacked, and what it adds to the running counts.
 */
import { addRow, emptyAggregates, type Aggregates, type CountedRow } from './aggregates.js';
import { packObligations, unpackObligations, type ObligationRow } from './obligation-row.js';
import type { Status } from '../model/status.js';
import type { DeadlineFacts } from '../query/deadline.js';

/** One item chunk's row; `number` null when the chunk does not make an item (its shape errors still count). */
export type ItemRow =
  | { number: null; errors: number }
  | {
      number: string;
      /** The item's own due date (relative deadlines resolved). */
      due: string;
      facts: DeadlineFacts;
      postponed: boolean;
      /** A request to postpone waits for the office's answer: overdue lists it whatever the deadline. */
      requested: boolean;
      /** Each department's obligation on the item, a share's own latest note date with it (obligation-row.ts). */
      obligations: ObligationRow[];
      errors: number;
      /** The latest date a record of the item carries (model/ledger-as-of.ts): a view as of an earlier day needs the whole load. */
      lastRecord?: string;
    };

/**
 * A row as stored: a flat array, about a third the bytes of the object. `own`:
 * each department doing its share, by its place among the obligations, with
 * the date of its own latest note (obligation-row.ts); left out when none does.
 */
export type PackedRow = [
  number: string | null,
  errors: number,
  due?: string,
  status?: Status,
  effectiveDue?: string,
  lastProgress?: string | 0,
  postponed?: 0 | 1,
  obligations?: number[],
  requested?: 0 | 1,
  lastRecord?: string | 0,
  own?: (number | string)[],
];

export function packRow(row: ItemRow): PackedRow {
  if (row.number === null) return [null, row.errors];
  const f = row.facts;
  const { flat, own } = packObligations(row.obligations);
  const packed: PackedRow = [row.number, row.errors, row.due, f.status, f.due, f.lastProgress ?? 0, row.postponed ? 1 : 0, flat, row.requested ? 1 : 0, row.lastRecord ?? 0];
  if (own.length) packed.push(own);
  return packed;
}

/** What a packed row adds to the running counts; null for a chunk that makes no item. */
function countedRow(packed: PackedRow): CountedRow | null {
  const [number, errors, due, status, effectiveDue, lastProgress, postponed, flat, , lastRecord, own] = packed;
  if (number === null) return null;
  const obligations = unpackObligations(flat!, own);
  return { status: status!, effectiveDue: effectiveDue!, due: due!, ...(lastProgress ? { lastProgress } : {}), ...(lastRecord ? { lastRecord } : {}), postponed: postponed === 1, obligations, errors };
}

/**
 * Adds a packed row to the counts (by 1) or takes it away (by -1); false when they cannot hold it. A chunk
 * that makes no item (its `number:` misspelt, say) counts no item, but its errors are the ledger's all the same.
 */
export function addPackedRow(aggregates: Aggregates, packed: PackedRow, by: 1 | -1): boolean {
  const counted = countedRow(packed);
  if (counted === null) {
    aggregates.rowErrors += by * packed[1];
    return true;
  }
  return addRow(aggregates, counted, by);
}

/** The running counts of every row; undefined when a row holds a date they cannot sort. */
export function aggregatesOf(rows: readonly PackedRow[], departments: number): Aggregates | undefined {
  const aggregates = emptyAggregates(departments);
  for (const row of rows) if (!addPackedRow(aggregates, row, 1)) return undefined;
  return aggregates;
}

export function unpackRow(packed: PackedRow): ItemRow {
  const [number, errors, due, status, effectiveDue, lastProgress, postponed, flat, requested, lastRecord, own] = packed;
  if (number === null) return { number: null, errors };
  const obligations = unpackObligations(flat!, own);
  const facts: DeadlineFacts = { status: status!, due: effectiveDue!, ...(lastProgress ? { lastProgress } : {}) };
  return { number, errors, due: due!, facts, postponed: postponed === 1, requested: requested === 1, obligations, ...(lastRecord ? { lastRecord } : {}) };
}

