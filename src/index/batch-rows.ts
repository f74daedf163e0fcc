/**
 * Every item's row from one whole load: the ledger is parsed, modelled and
 * checked once, and each row is read off the model and the findings (errors
 * attributed to the item they point into). The same rows item-row.ts gives
 * one item at a time, without a parse, model and check per item.
 */
import type { Diagnostic } from '../diagnostic.js';
import { pendingRequest, type Ledger } from '../model/ledger.js';
import { deadlineFacts } from '../query/deadline.js';
import { lastRecordDate } from '../model/ledger-as-of.js';
import { obligationsByDepartment } from '../query/ownership.js';
import type { ItemRow } from './packed-row.js';
import { obligationRow } from './obligation-row.js';

/** Numbering findings are counted over all rows (item-index.ts), not as an item's. */
const NUMBERING = new Set(['DUPLICATE_NUMBER', 'MISSING_NUMBER']);

/**
 * The rows of the chunks in file order; `chunkAt(section, position)` names
 * the chunk of the item at sections[section].items[position]. Undefined when
 * a chunk makes no item (its row needs the one-item path) or a finding's
 * place cannot be told.
 */
export function batchRows(ledger: Ledger, diagnostics: readonly Diagnostic[], chunks: number, chunkAt: (section: number, position: number) => number | undefined): ItemRow[] | undefined {
  if (ledger.items.length !== chunks) return undefined;
  const rows: ItemRow[] = new Array(chunks);
  const chunkOfItem = new Map<object, number>();
  const departments = ledger.registry.departments;
  for (const item of ledger.items) {
    const [sections, s, items, j] = item.path;
    const chunk = sections === 'sections' && items === 'items' && typeof s === 'number' && typeof j === 'number' ? chunkAt(s, j) : undefined;
    if (chunk === undefined || rows[chunk]) return undefined;
    chunkOfItem.set(item, chunk);
    const lastRecord = lastRecordDate(item);
    rows[chunk] = { number: item.number, due: item.due, facts: deadlineFacts(item), postponed: item.postponements.length > 0, requested: pendingRequest(item) !== undefined, obligations: [], errors: 0, ...(lastRecord ? { lastRecord } : {}) };
  }
  // Obligations in the order the one-item path lists them: by department, then as found.
  const byDepartment = obligationsByDepartment(ledger);
  departments.forEach((department, d) => {
    for (const o of byDepartment.get(department) ?? []) {
      const row = rows[chunkOfItem.get(o.item)!];
      if (row && row.number !== null) row.obligations.push(obligationRow(d, o));
    }
  });
  for (const d of diagnostics) {
    if (d.severity !== 'error' || NUMBERING.has(d.code)) continue;
    const path = d.path;
    // A finding placed by line alone (a YAML-level one) may sit in an item: only the one-item path tells.
    if (!path) return undefined;
    if (d.file !== ledger.file || path[0] !== 'sections') continue;
    if (path[2] !== 'items' || typeof path[1] !== 'number' || typeof path[3] !== 'number') continue;
    const chunk = chunkAt(path[1], path[3]);
    if (chunk === undefined) return undefined;
    rows[chunk]!.errors++;
  }
  return rows;
}
