/**
 * `overdue` as a terminal table, made from the per-item index without the
 * report: after a hand edit only the changed items' rows are made and drawn;
 * every other row's line is taken from the text shown last time, when the
 * table's layout (its columns' widths) comes out the same. The rows drawn
 * are kept (index/drawn-rows.ts) beside that text for the next run. When the
 * layout changes, the table is drawn from the view's kept shares as before.
 */
import { resolve } from 'node:path';
import type { CommandContext } from '../command-context.js';
import type { Diagnostic } from '../diagnostic.js';
import { cacheKeys } from '../cache/cache-keys.js';
import type { CacheStore } from '../cache/cache-store.js';
import { keepDrawing, storedDrawing, type DrawnRowEntry } from '../index/drawn-rows.js';
import type { Department } from '../model/department.js';
import type { IndexedView } from '../open/indexed-view.js';
import { keptShownText, type ShownFromIndex } from '../open/remembered-view.js';
import { overdueReport } from '../query/overdue-report.js';
import { joinOverdueShares, overdueShares, type OverdueShare } from '../query/overdue-shares.js';
import { viewContext } from '../query/view-context.js';
import { itemDocRow } from '../render/labels.js';
import { overdueDocOf, requestDocRow } from '../render/overdue-doc.js';
import type { DocRow } from '../render/table-doc.js';
import type { TableRecording } from '../render/table.js';
import { departmentOption } from '../typed-input.js';
import { terminalTableAgain } from './view-output.js';

/** A row of the doc with what keeping it needs: its item's number (the report counts items by it), its chunk and its group. */
type Tagged = DocRow & {
  number: string;
  place: number;
  group: string;
};

type Group<R = unknown> = Exclude<OverdueShare<R>, 0>['groups'][number];

/** The group of the requests waiting for an answer; the others are named by category, vagueness and owner. */
const PENDING = 'pending';
const groupCode = ([category, owner, vague]: Group) => `${category}\t${vague}\t${owner}`;

/** A row drawn before has no cells: only its line is shown. */
const NO_CELLS: string[] = [];

/** Past this many changed chunks the table is drawn from the kept shares, which make the changed ones the same way. */
const againUpTo = (chunks: number) => Math.max(64, chunks >> 3);

/** The doc drawn, the overdue count, and the rows as drawn; undefined when rows drawn before do not fit the layout. */
function draw(ctx: CommandContext, view: IndexedView, head: () => ReturnType<typeof overdueReport>, shares: readonly OverdueShare<Tagged>[]) {
  const report = joinOverdueShares(head(), shares, view.ledger.registry.departments);
  const doc = overdueDocOf(report, { item: (t) => t, request: (t) => t });
  const recording: TableRecording = { rows: [] };
  const text = terminalTableAgain(ctx, doc, recording);
  return text === undefined ? undefined : { text, facts: report.counts.overdue, recording };
}

/** A share's rows made doc rows, each tagged. */
function tagged(share: OverdueShare, place: number): OverdueShare<Tagged> {
  if (!share) return 0;
  const tag = (row: DocRow, number: string, group: string): Tagged => Object.assign(row, { number, place, group });
  return {
    groups: share.groups.map((g) => {
      const group = groupCode(g);
      return [g[0], g[1], g[2], g[3].map((r) => tag(itemDocRow(r), r.number, group))];
    }),
    pending: share.pending.map((r) => tag(requestDocRow(r), r.number, PENDING)),
  };
}

/** A group's category, owner and vagueness from its code. */
function groupOf(code: string): [Group[0], string, 0 | 1] {
  const first = code.indexOf('\t');
  const second = code.indexOf('\t', first + 1);
  return [code.slice(0, first) as Group[0], code.slice(second + 1), code.slice(first + 1, second) === '1' ? 1 : 0];
}

export async function drawnOverdue(
  ctx: CommandContext,
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
  // The report of no item: its title, dates and settings (joining fills it in, so one a drawing).
  const headContext = viewContext((await view.ledger.chunkLedger([])).ledger, view.options);
  if (view.asOfNote) headContext.asOfNote = view.asOfNote;
  const head = () => overdueReport(headContext, only);
  const make = (context: Parameters<typeof overdueShares>[0]) => overdueShares(context, only);

  let drawn: ReturnType<typeof draw>;
  const stored = storedDrawing(cache, key);
  if (stored && stored.identity === view.ledger.identity) {
    const missing: number[] = [];
    for (let i = 0; i < hashes.length && missing.length <= againUpTo(hashes.length); i++) if (!stored.sameChunk(i, hashes[i]!)) missing.push(i);
    const text = missing.length <= againUpTo(hashes.length) ? keptShownText(cache, stored.text) : undefined;
    const made = text !== undefined && text.length === stored.textLength ? await view.sharesAt(missing, make) : undefined;
    if (made) {
      const changed = new Uint8Array(hashes.length);
      for (const place of missing) changed[place] = 1;
      const shares: OverdueShare<Tagged>[] = new Array<OverdueShare<Tagged>>(hashes.length).fill(0);
      const { meta, groups, layouts, numbers, stride, widths, compact } = stored;
      const groupsOf = new Map<string, ReturnType<typeof groupOf>>();
      for (let r = 0; r < stored.rows; r++) {
        const place = meta[r * 5]!;
        if (place >= hashes.length || changed[place]) continue;
        const group = groups[meta[r * 5 + 1]!]!;
        const drawn = { text: text!, start: meta[r * 5 + 2]!, length: meta[r * 5 + 3]!, layout: layouts[meta[r * 5 + 4]!]!, widths, compact, at: r * stride };
        const t: Tagged = { cells: NO_CELLS, drawn, number: numbers[r]!, place, group };
        let share = shares[place];
        if (!share) shares[place] = share = { groups: [], pending: [] };
        if (group === PENDING) share.pending.push(t);
        else {
          // A chunk's rows of one group were drawn one after another.
          const last = share.groups.at(-1);
          if (last && last[3][0]!.group === group) last[3].push(t);
          else {
            let named = groupsOf.get(group);
            if (!named) groupsOf.set(group, (named = groupOf(group)));
            share.groups.push([named[0], named[1], named[2], [t]]);
          }
        }
      }
      for (const [place, share] of made) shares[place] = tagged(share, place);
      drawn = draw(ctx, view, head, shares);
    }
  }
  if (!drawn) {
    // No drawing to start from, or a layout that changed: every row drawn afresh from the kept shares.
    const shares = await view.shares(sharesView, make, 0 as OverdueShare);
    if (!shares) return undefined;
    drawn = draw(
      ctx,
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
      const rows = recording.rows.map((line): DrawnRowEntry => {
        const t = line.row as Tagged;
        return { place: t.place, group: t.group, number: t.number, start: line.start, length: line.length, layout: line.layout, widths: line.widths, compact: line.compact, at: line.at, count: line.count };
      });
      keepDrawing(cache, key, { identity: view.ledger.identity, text: textKey, textLength: text.reduce((sum, part) => sum + part.length, 0), hashes, rows });
    },
  };
}
