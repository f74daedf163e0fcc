import type { Diagnostic } from '../diagnostic.js';
import type { Department } from '../model/department.js';
import type { IndexedView } from '../open/indexed-view.js';
import { departmentReport, type DepartmentReport } from '../query/department-report.js';
import { overdueReport, type OverdueReport } from '../query/overdue-report.js';
import { viewContext, type ViewContext } from '../query/view-context.js';
import { joinOverdueShares, overdueShares, type OverdueShare } from '../query/overdue-shares.js';

import { departmentOption } from '../typed-input.js';

/** A list of more than one item in this many reads the stored parse instead of parsing each listed chunk. */
const STORED_FROM_SHARE = 8;

/**
 * The views that list items, from the per-item index: the index says which
 * items a view can list, only those are modelled (from their own chunks), and
 * the report is made by the same function as from a whole load. Every item the
 * whole load would list is among them; the report function itself leaves out
 * the rest, so the answer is the same.
 */
async function listedContext(view: IndexedView, positions: readonly number[]): Promise<ViewContext> {
  // Listing more than a few items: their values from the cache's last parse (one JSON read) cost less than a YAML parse each.
  const known = positions.length * STORED_FROM_SHARE > view.ledger.items.length ? view.storedValues() : undefined;
  const context = viewContext(await view.ledger.ledgerOf(positions, known), view.options);
  if (view.asOfNote) context.asOfNote = view.asOfNote;
  return context;
}

/** The department named by --dept, its note (a unique shortening) in `notes`, as requireDepartment does from a whole load. */
function departmentNamed(view: IndexedView, name: string, notes: Diagnostic[]): Department {
  return departmentOption(view.ledger.registry, name, (note) => notes.push(note));
}

/** `status --dept`: the items the department has any obligation on. */
export async function indexedDepartment(view: IndexedView, name: string, notes: Diagnostic[]): Promise<DepartmentReport> {
  const department = departmentNamed(view, name, notes);
  const at = view.ledger.departments.indexOf(department);
  const positions = new Set((view.ledger.obligations[at] ?? []).map((o) => o.item));
  const context = await listedContext(view, [...positions]);
  // The index's registry is the ledger's: the same department objects key the obligations.
  return departmentReport(context, department);
}

/** `overdue`: the items overdue, due soon or stale, the open ones postponed (the report decides which were postponed while late), and those with a request waiting for an answer. */
export async function indexedOverdue(view: IndexedView, name: string | undefined, notes: Diagnostic[], sharesView: string): Promise<OverdueReport> {
  const only = name === undefined ? undefined : departmentNamed(view, name, notes);
  // Item by item: the shares of unchanged items are kept, so only the edited ones are modelled and judged.
  const shares = await view.shares(sharesView, (context) => overdueShares(context, only), 0 as OverdueShare);
  if (!shares) return overdueReport(await listedContext(view, listedOverdue(view)), only);
  // The report of no item: its title, dates and settings.
  const head = viewContext((await view.ledger.chunkLedger([])).ledger, view.options);
  if (view.asOfNote) head.asOfNote = view.asOfNote;
  return joinOverdueShares(overdueReport(head, only), shares, view.ledger.registry.departments);
}

/**
 * The items overdue can list: overdue, due soon or stale (for the item, or for
 * a department doing its share by its own notes), the open ones postponed (the
 * report decides which were postponed while late), and those with a request
 * waiting for an answer.
 */
function listedOverdue(view: IndexedView): number[] {
  const listed = new Set<number>();
  view.deadlines.forEach((d, i) => {
    if (d.state === 'overdue' || d.state === 'due_soon' || (d.state === 'ongoing' && d.stale) || ((d.state === 'open' || d.state === 'ongoing') && view.ledger.items[i]!.postponed) || view.ledger.items[i]!.requested) listed.add(i);
  });
  for (const obligations of view.ledger.obligations) for (const o of obligations) if (o.own && view.obligationDeadline(o).stale) listed.add(o.item);
  return [...listed].sort((a, b) => a - b);
}
