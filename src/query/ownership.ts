import { lookupName, type Department, type Group, type Registry } from '../model/department.js';
import type { Item, Ledger } from '../model/ledger.js';
import { isAccountable, ROLES, type Role } from '../model/role.js';

/** How one department is bound to one item. */
export interface Obligation {
  item: Item;
  role: Role;
  /** The group the obligation came through (直属单位, 各司(局), a resolved 各有关司(局)); undefined when named directly. */
  via?: string;
  scope?: string;
  /**
   * True when the item names an unspecified group (各有关司(局) …) of the
   * department's kind that the ledger has not resolved: it may concern the
   * department (可能涉及) but does not count as its item.
   */
  possible: boolean;
}

/** Whether `department` is one of the departments the item resolves `group` to. */
function resolvedTo(registry: Registry, item: Item, group: Group, department: Department): boolean {
  for (const [written, names] of Object.entries(item.resolutions)) {
    const entry = lookupName(registry, written);
    if (entry?.type !== 'group' || entry.group !== group) continue;
    const matches = names.some((n) => {
      const target = lookupName(registry, n);
      return target?.type === 'department' && target.department === department;
    });
    if (matches) return true;
  }
  return false;
}

/** Stronger obligations first: named over via a group, accountable roles over 配合. */
function strength(o: Obligation): number {
  return (o.possible ? 100 : 0) + (o.via ? 10 : 0) + ROLES.indexOf(o.role);
}

/**
 * Every department's obligations, item by item, in one pass over the ledger.
 * A department bound to an item several ways keeps the strongest.
 */
export function obligationsByDepartment(ledger: Ledger): Map<Department, Obligation[]> {
  const { registry } = ledger;
  const result = new Map<Department, Obligation[]>(registry.departments.map((d) => [d, []]));
  const byKind = { internal: registry.departments.filter((d) => d.kind === 'internal'), affiliated: registry.departments.filter((d) => d.kind === 'affiliated') };
  for (const item of ledger.items) {
    const best = new Map<Department, Obligation>();
    const offer = (department: Department, obligation: Obligation) => {
      const current = best.get(department);
      if (!current || strength(obligation) < strength(current)) best.set(department, obligation);
    };
    for (const a of item.assignments) {
      const entry = lookupName(registry, a.name);
      if (!entry) continue;
      const base = { item, role: a.role, ...(a.scope ? { scope: a.scope } : {}) };
      if (entry.type === 'department') {
        offer(entry.department, { ...base, possible: false });
        continue;
      }
      const { group } = entry;
      for (const department of byKind[group.kind]) {
        if (group.members === 'all') offer(department, { ...base, via: group.name, possible: false });
        else offer(department, { ...base, via: group.name, possible: !resolvedTo(registry, item, group, department) });
      }
    }
    for (const [department, obligation] of best) result.get(department)!.push(obligation);
  }
  return result;
}

/** Items for which no concrete department is accountable: only an unresolved vague group is. */
export function itemsWithoutNamedOwner(ledger: Ledger, obligations: Map<Department, Obligation[]>): Item[] {
  const owned = new Set<Item>();
  for (const list of obligations.values()) for (const o of list) if (!o.possible && isAccountable(o.role)) owned.add(o.item);
  return ledger.items.filter((item) => !owned.has(item));
}
