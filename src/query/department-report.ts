import type { Department } from '../model/department.js';
import type { Item } from '../model/ledger.js';
import { ROLES } from '../model/role.js';
import { itemRow, type ItemRow } from './item-row.js';
import { changedSince, obligationDeadline, type ViewContext } from './view-context.js';

/** One department's items: its own (by role) and those that may concern it (可能涉及). */
export interface DepartmentReport {
  plan: { title: string; document_number: string | null };
  as_of: string;
  /** Present when the plan year is over and no date was asked: `2021 年度已结束，按 2021-12-31 统计`. */
  as_of_note?: string;
  department: { name: string; kind: Department['kind']; aliases: string[] };
  items: ItemRow[];
  possible: ItemRow[];
  /** The --since date, when given: rows then carry changed_since. */
  since?: string;
}

/** Each item's place in the ledger, made once per view: `checklist --all` asks for it once per department. */
const places = new WeakMap<ViewContext, Map<Item, number>>();
function placesOf(context: ViewContext): Map<Item, number> {
  let order = places.get(context);
  if (!order) places.set(context, (order = new Map(context.ledger.items.map((item, index) => [item, index]))));
  return order;
}

/** The department's rows: by role (牵头, 按职责分工负责, 负责, 配合), then in ledger order. */
export function departmentReport(context: ViewContext, department: Department): DepartmentReport {
  const obligations = context.obligations.get(department) ?? [];
  const order = placesOf(context);
  const sorted = [...obligations].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || order.get(a.item)! - order.get(b.item)!);
  const row = (o: (typeof obligations)[number]) => itemRow(o.item, obligationDeadline(context, o), o, changedSince(context, o.item));
  return {
    plan: { title: context.ledger.plan.title, document_number: context.ledger.plan.documentNumber ?? null },
    as_of: context.asOf,
    ...(context.asOfNote ? { as_of_note: context.asOfNote } : {}),
    department: { name: department.name, kind: department.kind, aliases: department.aliases },
    items: sorted.filter((o) => !o.possible).map(row),
    // May-concern items are not the department's roles yet: plain ledger order reads best.
    possible: obligations.filter((o) => o.possible).map(row),
    ...(context.since ? { since: context.since.date } : {}),
  };
}
