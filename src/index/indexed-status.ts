import type { IndexedView } from '../open/indexed-view.js';
import { statusReportOf, type StatusReport } from '../query/status-report.js';

/** The status report from the per-item index: counted by the same function as from a whole load. */
export function indexedStatus({ ledger, options, deadlines, asOfNote }: IndexedView): StatusReport {
  return statusReportOf({
    plan: { title: ledger.plan.title, document_number: ledger.plan.document_number, year: ledger.plan.year },
    asOf: options.asOf,
    ...(asOfNote ? { asOfNote } : {}),
    departments: ledger.departments,
    items: ledger.items.map((item, i) => ({ status: item.status, postponed: item.postponed, deadline: deadlines[i]! })),
    obligations: ledger.obligations,
  });
}
