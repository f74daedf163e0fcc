/**
 * `overdue` as a terminal table, made from the per-item index without the
 * report: after a hand edit only the changed items' rows are made and drawn;
 * every other row's line is taken from the text shown last time, when the
 * table's layout (its columns' widths) comes out the same. The rows drawn
 * are kept (index/drawn-rows.ts) beside that text for the next run. When the
 * layout changes, the table is drawn from the view's kept shares as before.
 */
import { resolve } from 'node:path';
import type { OpenContext } from './open-context.js';
import type { Diagnostic } from '../diagnostic.js';
import { cacheKeys } from '../cache/cache-keys.js';
import type { CacheStore } from '../cache/cache-store.js';
import { keepDrawing, storedDrawing, type CopiedRows, type DrawnRowEntry } from '../index/drawn-rows.js';
import type { Department } from '../model/department.js';
import type { IndexedView } from './indexed-view.js';
import { keptShownText, type ShownFromIndex } from './remembered-view.js';
import { overdueReport, type OverdueReport } from '../query/overdue-report.js';
import { joinOverdueShares, overdueShares, type OverdueShare } from '../query/overdue-shares.js';
import { viewContext } from '../query/view-context.js';
import { overdueDocOf } from '../render/overdue-doc.js';
import type { TableRecording } from '../render/table-recording.js';
import type { TableDoc } from '../render/table-doc.js';
import { departmentOption } from '../typed-input.js';
import { joinAgain, tagged, type Tagged } from '../render/overdue-kept-rows.js';

/** Draws a doc as the terminal table the run shows (the command knows the terminal), recording its rows. */
type DrawTable = (doc: TableDoc, recording: TableRecording) => Uint8Array[] | undefined;

/** Past this many changed chunks the table is drawn from the kept shares, which make the changed ones the same way. */
const againUpTo = (chunks: number) => Math.max(64, chunks >> 3);

/** The report joined from every chunk's share, drawn. */
function draw(table: DrawTable, view: IndexedView, head: () => ReturnType<typeof overdueReport>, shares: readonly OverdueShare<Tagged>[]) {
  return drawReport(table, joinOverdueShares(head(), shares, view.ledger.registry.departments));
}

/** The report's doc drawn, the overdue count, and the rows as drawn; undefined when rows drawn before do not fit the layout. */
function drawReport(table: DrawTable, report: OverdueReport<Tagged>, lines?: (rows: Tagged[]) => number) {
  const doc = overdueDocOf(report, { item: (t) => t, request: (t) => t, ...(lines ? { lines } : {}) });
  const recording: TableRecording = { rows: [] };
  const text = table(doc, recording);
  return text === undefined ? undefined : { text, facts: report.counts.overdue, recording };
}

/** overdue's terminal table made from the per-item index (ShownForm.fromIndex); undefined when the index cannot make it. */
export async function drawnOverdue(
  ctx: OpenContext,
  /** Draws a table doc for the terminal it is shown on, recording each row; undefined when rows drawn before do not fit its layout. */
  table: DrawTable,
  view: IndexedView,
  dept: string | undefined,
  notes: Diagnostic[],
  sharesView: string,
  form: string,
  { cache, file }: { cache: CacheStore; file: string },
): Promise<ShownFromIndex<number> | undefined> {
  // The department's note (a unique shortening) goes with the text only: the report's way adds its own.
  const own: Diagnostic[] = [];
  const only: Department | undefined = dept === undefined ? undefined : departmentOption(view.ledger.registry, dept, (note) => own.push(note));
  const key = cacheKeys.viewDrawn(resolve(ctx.io.cwd, file), sharesView, view.sharesSettings, form);
  const hashes = view.ledger.chunkHashes;
  // The report of no item: its title, dates and settings (joining fills it in: a fresh one for each drawing).
  const headContext = viewContext((await view.ledger.chunkLedger([])).ledger, view.options);
  if (view.asOfNote) headContext.asOfNote = view.asOfNote;
  const head = () => overdueReport(headContext, only);
  const make = (context: Parameters<typeof overdueShares>[0]) => overdueShares(context, only);

  let drawn: ReturnType<typeof draw>;
  let copied: ((row: Tagged, start: number) => CopiedRows | undefined) | undefined;
  const stored = storedDrawing(cache, key);
  if (stored && stored.identity === view.ledger.identity) {
    const missing: number[] = [];
    for (let i = 0; i < hashes.length && missing.length <= againUpTo(hashes.length); i++) if (!stored.sameChunk(i, hashes[i]!)) missing.push(i);
    const text = missing.length <= againUpTo(hashes.length) ? keptShownText(cache, stored.text) : undefined;
    const made = text !== undefined && text.length === stored.textLength ? await view.sharesAt(missing, make) : undefined;
    if (made) {
      const joined = joinAgain(head(), stored, text!, missing, made, view.ledger.registry.departments, hashes.length);
      if (joined) {
        const { report, blocks } = joined;
        drawn = drawReport(table, report, (rows) => rows.reduce((sum, row) => sum + (blocks.get(row)?.lines ?? 1), 0));
        copied = (row, start) => {
          const block = blocks.get(row);
          return block && { from: stored, first: block.first, last: block.first + block.lines - 1, start };
        };
      }
    }
  }
  if (!drawn) {
    // No drawing to start from, or a layout that changed: every row drawn afresh from the kept shares.
    copied = undefined;
    const shares = await view.shares(sharesView, make, 0 as OverdueShare);
    if (!shares) return undefined;
    drawn = draw(
      table,
      view,
      head,
      shares.map((share, place) => tagged(share, place)),
    );
    if (!drawn) return undefined;
  }
  notes.push(...own);
  const { text, facts, recording } = drawn;
  return {
    text,
    facts,
    keep(textKey) {
      const rows = recording.rows.map((line): DrawnRowEntry | CopiedRows => {
        const t = line.row as Tagged;
        return copied?.(t, line.start) ?? { place: t.place, group: t.group, number: t.number, start: line.start, length: line.length, layout: line.layout, widths: line.widths, compact: line.compact, at: line.at, count: line.count };
      });
      // (The text the last drawing's lines were in, of the ledger as it was, is removed where the new one is kept: remembered-view.ts keepShown.)
      keepDrawing(cache, key, { identity: view.ledger.identity, text: textKey, textLength: text.reduce((sum, part) => sum + part.length, 0), hashes, rows });
    },
  };
}
