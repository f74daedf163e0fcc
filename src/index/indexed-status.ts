import type { IndexedView } from '../open/indexed-view.js';
import { shortName } from '../model/department.js';
import { statusReportOf, type StatusReport } from '../query/status-report.js';
import { statusFromAggregates } from './aggregates.js';

/**
 * The status report from the per-item index: from its running counts when
 * they stand (no item is unpacked or judged), else counted by the same
 * function as from a whole load.
 */
export function indexedStatus(view: IndexedView): StatusReport {
  // `view.deadlines` judges every item when first read: only the fallback reads it.
  const { ledger, options, asOfNote } = view;
  const plan = { title: ledger.plan.title, document_number: ledger.plan.document_number, year: ledger.plan.year };
  if (ledger.summary) {
    return statusFromAggregates(ledger.summary, { plan, ...(asOfNote ? { asOfNote } : {}), departments: ledger.departments, issuedOn: ledger.plan.issuedOn, options }, shortName);
  }
  return statusReportOf({
    plan,
    asOf: options.asOf,
    ...(asOfNote ? { asOfNote } : {}),
    departments: ledger.departments,
    items: ledger.items.map((item, i) => ({ status: item.status, postponed: item.postponed, deadline: view.deadlines[i]! })),
    // A share's own 久未更新, as statusReport gives it from a whole load.
    obligations: ledger.obligations.map((list) => list.map((o) => (o.own ? { ...o, stale: view.obligationDeadline(o).stale } : o))),
  });
}
