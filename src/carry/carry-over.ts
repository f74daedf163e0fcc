import type { Item, Ledger } from '../model/ledger.js';
import { STATUS_LABELS } from '../model/status.js';
import type { LedgerDraft } from '../model/ledger-draft.js';
import { planPeriod } from '../model/plan-year.js';
import { matchItems } from './match-items.js';
import { isNextInstance } from './recurrence.js';

/** 上年结转 on a draft item: the earlier item it continues, as written into the new ledger. */
export interface CarriedOverDraft {
  ledger: string;
  item: string;
  plan?: string;
  documentNumber?: string;
  commit?: string;
  status: string;
  due: string;
  postponed: number;
}

type DraftItem = LedgerDraft['sections'][number]['items'][number];

export interface CarryOverResult {
  draft: LedgerDraft;
  /** Unfinished items the new plan already has (reworded, renumbered): linked, not added twice. */
  linked: { from: string; to: string; similarity: number }[];
  /** Unfinished items the new plan does not have: added in a section of their own. */
  added: { from: string; to: string }[];
}

/** Items of last year not finished: 未启动 and 推进中. 持续推进 never finishes and 已取消 was decided; neither is carried. */
export function unfinishedItems(ledger: Ledger): Item[] {
  return ledger.items.filter((item) => item.status === 'not_started' || item.status === 'in_progress');
}

/**
 * Carries last year's unfinished items into a new ledger's draft (a step after
 * the draft is built from the new notice). An item the new plan continues —
 * found by text, however reworded or renumbered — is marked 上年结转 with a
 * link to the old item; the rest are added, each once, in a section 上年结转
 * numbered 结转N after their old number. Last year's instance of a recurring
 * task (its 年度报告) is never taken for this year's (carry/recurrence.ts).
 * An added item keeps its own deadline when the old year ended before it (the
 * 2026 年度报告 due 2027-01-31); one already missed is recorded in the link
 * and the item is due at the new plan's default date, for the office to set.
 */
export function carryOver(draft: LedgerDraft, old: Ledger, link: { ledger: string; commit?: string }): CarryOverResult {
  const unfinished = unfinishedItems(old);
  const drafted = draft.sections.flatMap((s) => s.items);
  const distance = draft.plan.year - old.plan.year;
  // The deadline the plan gave, before any postponement; none when the item fell on the plan's default.
  const ownDue = (item: Item) => item.postponements[0]?.from ?? (item.dueIsDefault ? undefined : item.due);
  const { pairs, dropped } = matchItems(
    unfinished.map((item) => ({ number: item.number, text: item.text, owners: [], item })),
    drafted.map((item) => ({ number: item.number, text: item.text, owners: [], item })),
    undefined,
    (a, b) => isNextInstance({ text: a.text, due: ownDue(a.item) }, { text: b.text, due: b.item.dueText || b.item.due !== draft.plan.defaultDue ? b.item.due : undefined }, distance),
  );
  const oldEnd = planPeriod(old.plan).end;
  const record = (item: Item): CarriedOverDraft => ({
    ledger: link.ledger,
    item: item.number,
    plan: old.plan.title,
    ...(old.plan.documentNumber ? { documentNumber: old.plan.documentNumber } : {}),
    ...(link.commit ? { commit: link.commit } : {}),
    status: STATUS_LABELS[item.status],
    due: item.due,
    postponed: item.postponements.length,
  });
  const marks = new Map<DraftItem, CarriedOverDraft>(pairs.map((p) => [p.to.item, record(p.from.item)]));
  const sections = draft.sections.map((s) => ({ ...s, items: s.items.map((item) => (marks.has(item) ? { ...item, carriedOver: marks.get(item)! } : item)) }));
  const taken = new Set(drafted.map((i) => i.number));
  const added: CarryOverResult['added'] = [];
  const carriedItems: DraftItem[] = dropped.map(({ item }) => {
    let number = `结转${item.number}`;
    for (let n = 2; taken.has(number); n++) number = `结转${item.number}-${n}`;
    taken.add(number);
    added.push({ from: item.number, to: number });
    const keepsDue = item.due > oldEnd;
    return {
      number,
      text: item.text,
      clause: item.clause,
      assignments: item.assignments.map(({ name, role, scope }) => ({ name, role, ...(scope ? { scope } : {}), at: [] })),
      status: STATUS_LABELS[item.status],
      due: keepsDue ? item.due : draft.plan.defaultDue,
      ...(keepsDue && item.dueText && !item.postponements.length ? { dueText: item.dueText } : {}),
      carriedOver: record(item),
    };
  });
  if (carriedItems.length) sections.push({ number: '结转', title: `上年结转（${old.plan.year} 年度未完成的任务）`, items: carriedItems });
  return {
    draft: { ...draft, sections },
    linked: pairs.map((p) => ({ from: p.from.number, to: p.to.number, similarity: Math.round(p.similarity * 100) / 100 })),
    added,
  };
}
