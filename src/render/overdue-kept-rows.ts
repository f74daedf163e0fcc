/**
 * The overdue report of a terminal table drawn again (open/drawn-overdue.ts):
 * the rows kept from the last drawing and the changed items' shares, joined
 * as joinOverdueShares joins shares, each row tagged with what keeping it
 * needs. Kept rows that follow one another become one doc row (a block).
 */
import type { StoredDrawing } from '../index/drawn-rows.js';
import type { Department } from '../model/department.js';
import type { OverdueReport, OwnerItems } from '../query/overdue-report.js';
import type { OverdueShare } from '../query/overdue-shares.js';
import { itemDocRow } from './labels.js';
import { requestDocRow } from './overdue-doc.js';
import type { DocRow, DrawnLine } from './table-doc.js';

/** A row of the doc with what keeping it needs: its item's number (the report counts items by it), its chunk and its group. */
export type Tagged = DocRow & {
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

/** A share's rows made doc rows, each tagged. */
export function tagged(share: OverdueShare, place: number): OverdueShare<Tagged> {
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

/** Rows first to first + lines - 1 of a kept drawing, one after another in its text: one doc row. */
export interface Block {
  first: number;
  lines: number;
}

const CATEGORIES = ['overdue', 'due_soon', 'stale', 'postponed'] as const;

/**
 * What joinOverdueShares makes of the kept rows and the changed chunks' shares: the same groups in the same
 * order (named ones as the registry lists them, vague ones by their first item), their rows in chunk order,
 * and the same counts. Kept rows of a group that follow one another in the old text become one doc row (a
 * block), so the rows not changed cost nothing each. Undefined when the kept rows are not as drawn.
 */
export function joinAgain(
  head: OverdueReport<unknown>,
  stored: StoredDrawing,
  text: Buffer,
  missing: readonly number[],
  made: ReadonlyMap<number, OverdueShare>,
  departments: readonly Department[],
  chunks: number,
): { report: OverdueReport<Tagged>; blocks: Map<Tagged, Block> } | undefined {
  const changed = new Uint8Array(chunks);
  for (const place of missing) changed[place] = 1;
  // The changed chunks' rows by group, in chunk order.
  const fresh = new Map<string, Tagged[]>();
  const add = (code: string, rows: Tagged[]) => {
    const list = fresh.get(code);
    if (list) for (const row of rows) list.push(row);
    else fresh.set(code, [...rows]);
  };
  for (const place of [...made.keys()].sort((a, b) => a - b)) {
    const share = tagged(made.get(place)!, place);
    if (!share) continue;
    for (const g of share.groups) add(groupCode(g), g[3]);
    if (share.pending.length) add(PENDING, share.pending);
  }
  interface Built {
    code: string;
    rows: Tagged[];
    lines: number;
    first: number;
  }
  const built: Built[] = [];
  const numbers = new Map<string, Set<string>>(CATEGORIES.map((c) => [c, new Set()]));
  const blocks = new Map<Tagged, Block>();
  const { meta, groups, layouts, numbers: rowNumbers, stride, widths, compact } = stored;
  let current: Built | undefined;
  let waiting: Tagged[] = [];
  let next = 0;
  let block: { row: Tagged; line: DrawnLine; at: Block } | undefined;
  const categoryOf = (code: string) => (code === PENDING ? undefined : code.slice(0, code.indexOf('\t')));
  const put = (group: Built, row: Tagged, lines: number, number: string | undefined) => {
    if (number !== undefined) {
      const category = categoryOf(group.code);
      if (category) numbers.get(category)!.add(number);
    }
    group.rows.push(row);
    group.lines += lines;
    group.first = Math.min(group.first, row.place);
  };
  const addFresh = (group: Built, row: Tagged) => {
    block = undefined;
    put(group, row, 1, row.number);
  };
  const finish = () => {
    if (current) while (next < waiting.length) addFresh(current, waiting[next++]!);
    block = undefined;
  };
  const seen = new Set<string>();
  for (let r = 0; r < stored.rows; r++) {
    const place = meta[r * 5]!;
    if (place >= chunks || changed[place]) continue;
    const code = groups[meta[r * 5 + 1]!]!;
    if (current?.code !== code) {
      finish();
      // A group's rows are drawn one after another, in one table.
      if (seen.has(code)) return undefined;
      seen.add(code);
      built.push((current = { code, rows: [], lines: 0, first: place }));
      waiting = fresh.get(code) ?? [];
      fresh.delete(code);
      next = 0;
    }
    while (next < waiting.length && waiting[next]!.place < place) addFresh(current, waiting[next++]!);
    const start = meta[r * 5 + 2]!;
    const length = meta[r * 5 + 3]!;
    const layout = layouts[meta[r * 5 + 4]!]!;
    const number = rowNumbers[r]!;
    if (block && r === block.at.first + block.at.lines && start === block.line.start + block.line.length + 1 && layout === block.line.layout) {
      block.at.lines++;
      block.line.length = start + length - block.line.start;
      const most = block.line.widths as Int32Array;
      for (let i = 0; i < stride; i++) most[i] = Math.max(most[i]!, widths[r * stride + i]!);
      if (compact) {
        const short = block.line.compact as Int32Array;
        for (let i = 0; i < stride; i++) short[i] = Math.max(short[i]!, compact[r * stride + i]!);
      }
      current.lines++;
      const category = categoryOf(code);
      if (category) numbers.get(category)!.add(number);
      continue;
    }
    const line: DrawnLine = {
      text,
      start,
      length,
      layout,
      widths: Int32Array.from(widths.subarray(r * stride, (r + 1) * stride)),
      compact: compact ? Int32Array.from(compact.subarray(r * stride, (r + 1) * stride)) : undefined,
      at: 0,
    };
    const row: Tagged = { cells: NO_CELLS, drawn: line, number, place, group: code };
    block = { row, line, at: { first: r, lines: 1 } };
    blocks.set(row, block.at);
    put(current, row, 1, number);
  }
  finish();
  for (const [code, rows] of fresh) {
    const group: Built = { code, rows: [], lines: 0, first: rows[0]!.place };
    for (const row of rows) put(group, row, 1, row.number);
    built.push(group);
  }
  const rank = new Map(departments.map((d, i) => [d.name, i]));
  const report = head as OverdueReport<Tagged>;
  for (const category of CATEGORIES) {
    const named: [number, OwnerItems<Tagged>][] = [];
    const vague: [number, OwnerItems<Tagged>][] = [];
    for (const group of built) {
      if (categoryOf(group.code) !== category) continue;
      const [, owner, unassigned] = groupOf(group.code);
      if (unassigned) vague.push([group.first, { owner, unassigned: true, items: group.rows }]);
      else named.push([rank.get(owner)!, { owner, unassigned: false, items: group.rows }]);
    }
    report[category] = [...named.sort((a, b) => a[0] - b[0]), ...vague.sort((a, b) => a[0] - b[0])].map(([, g]) => g);
  }
  const pending = built.find((group) => group.code === PENDING);
  report.pending_requests = pending?.rows ?? [];
  report.counts = {
    overdue: numbers.get('overdue')!.size,
    due_soon: numbers.get('due_soon')!.size,
    stale: numbers.get('stale')!.size,
    postponed: numbers.get('postponed')!.size,
    pending_requests: pending?.lines ?? 0,
  };
  return { report, blocks };
}
