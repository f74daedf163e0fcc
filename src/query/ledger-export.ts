import { lookupName } from '../model/department.js';
import type { Ledger } from '../model/ledger.js';
import { STATUS_LABELS } from '../model/status.js';

/** The whole ledger as data, in the documented shape of `gongkai export` (README). */
export function ledgerExport(ledger: Ledger) {
  const { plan, registry } = ledger;
  return {
    plan: {
      title: plan.title,
      issuer: plan.issuer ?? null,
      document_number: plan.documentNumber ?? null,
      issued_on: plan.issuedOn ?? null,
      year: plan.year,
      default_due: plan.defaultDue,
      closed_on: plan.closedOn ?? null,
      preamble: plan.preamble ?? null,
    },
    departments: registry.departments.map((d) => ({ name: d.name, aliases: d.aliases, kind: d.kind, order: d.order + 1, guessed: d.guessed })),
    groups: registry.groups.map((g) => ({ name: g.name, aliases: g.aliases, members: g.members, kind: g.kind })),
    sections: ledger.sections.map((s) => ({ number: s.number, title: s.title })),
    items: ledger.items.map((item) => ({
      number: item.number,
      section: item.section,
      text: item.text,
      clause: item.clause,
      status: item.status,
      status_label: STATUS_LABELS[item.status],
      due: item.due,
      due_is_default: item.dueIsDefault,
      due_text: item.dueText ?? null,
      review: item.review ?? null,
      done_on: item.doneOn ?? null,
      due_after: item.dueRule ? { after: item.dueRule.after, working_days: item.dueRule.workingDays } : null,
      milestones: item.milestones.map((m) => ({ due: m.due, text: m.text, done_on: m.doneOn ?? null })),
      postponements: item.postponements.map((p) => ({ on: p.on, from: p.from, to: p.to, reason: p.reason, approved_by: p.approvedBy ?? null })),
      postponement_requests: item.postponementRequests.map((r) => ({ on: r.on, dept: r.dept, to: r.to, reason: r.reason })),
      postponement_rejections: item.postponementRejections.map((r) => ({ on: r.on, reason: r.reason, rejected_by: r.rejectedBy ?? null })),
      cancelled: item.cancellation ? { on: item.cancellation.on, reason: item.cancellation.reason, approved_by: item.cancellation.approvedBy ?? null } : null,
      roles: item.assignments.map((a) => {
        const entry = lookupName(registry, a.name);
        return {
          name: a.name,
          role: a.role,
          scope: a.scope ?? null,
          department: entry?.type === 'department' ? entry.department.name : null,
          group: entry?.type === 'group' ? entry.group.name : null,
        };
      }),
      resolve: item.resolutions,
      progress: item.progress,
      carried_over: item.carriedOver
        ? {
            ledger: item.carriedOver.ledger,
            item: item.carriedOver.item,
            plan: item.carriedOver.plan ?? null,
            document_number: item.carriedOver.documentNumber ?? null,
            commit: item.carriedOver.commit ?? null,
            status: item.carriedOver.status ?? null,
            due: item.carriedOver.due ?? null,
            postponed: item.carriedOver.postponed ?? null,
          }
        : null,
    })),
  };
}
