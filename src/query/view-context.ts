import type { Ledger } from '../model/ledger.js';
import type { Department } from '../model/department.js';
import { deadlineFacts, deadlineOf, judgeDeadline, lastProgressOf, shareFacts, type Deadline, type DeadlineOptions } from './deadline.js';
import { obligationsByDepartment, type Obligation } from './ownership.js';
import type { Item } from '../model/ledger.js';

/** What every view computes once: obligations per department and each item's deadline. */
export interface ViewContext {
  ledger: Ledger;
  asOf: string;
  /** Why the views count as of `asOf` when it is not today and was not asked for: `2021 年度已结束，按 2021-12-31 统计`. */
  asOfNote?: string;
  options: DeadlineOptions;
  obligations: Map<Department, Obligation[]>;
  deadlines: Map<Item, Deadline>;
  /** With --since: the date, and the items that changed on or after it. */
  since?: { date: string; changed: ReadonlySet<Item> };
}

/** Whether a row should be marked as changed: undefined when no --since was asked. */
export function changedSince(context: ViewContext, item: Item): boolean | undefined {
  return context.since ? context.since.changed.has(item) : undefined;
}

const shares = new WeakMap<Obligation, Deadline>();

/**
 * The deadline as one department stands on it: the item's, except that a
 * department doing its share of an ongoing item (按职责分工负责) is judged by
 * its own notes (deadline.ts shareFacts).
 */
export function obligationDeadline(context: ViewContext, o: Obligation): Deadline {
  const d = context.deadlines.get(o.item)!;
  if (!o.own || d.state !== 'ongoing') return d;
  let own = shares.get(o);
  if (!own) {
    const facts = deadlineFacts(o.item);
    const share = shareFacts(facts, lastProgressOf(o.own));
    shares.set(o, (own = share === facts ? d : judgeDeadline(share, context.ledger.plan.issuedOn, context.options)));
  }
  return own;
}

export function viewContext(ledger: Ledger, options: DeadlineOptions): ViewContext {
  // A loop, not a Map built from 100,000 [item, deadline] pairs.
  const deadlines = new Map<Item, Deadline>();
  for (const item of ledger.items) deadlines.set(item, deadlineOf(item, ledger, options));
  return { ledger, asOf: options.asOf, options, obligations: obligationsByDepartment(ledger), deadlines };
}
