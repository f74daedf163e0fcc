import { lookupName, type Department, type Group, type Registry } from '../model/department.js';
import type { Item, Ledger, ProgressEntry } from '../model/ledger.js';
import { ROLES, type Role } from '../model/role.js';

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
  /**
   * For a department doing its share (按职责分工负责): its own progress notes on the item, in ledger
   * order. Such a department is judged by its own notes (久未更新, the latest note a 催办 quotes),
   * not by another's; absent for the other roles, whose item is judged by any note.
   */
  own?: ProgressEntry[];
}

/** The departments the item resolves `group` to (各有关司(局): [社会救助司] → 社会救助司). */
function resolvedDepartments(registry: Registry, item: Item, group: Group): Set<Department> {
  const found = new Set<Department>();
  for (const written in item.resolutions) {
    const entry = lookupName(registry, written);
    if (entry?.type !== 'group' || entry.group !== group) continue;
    for (const name of item.resolutions[written]!) {
      const target = lookupName(registry, name);
      if (target?.type === 'department') found.add(target.department);
    }
  }
  return found;
}

const findOwn = (registry: Registry, name: string): Department | undefined => {
  const entry = lookupName(registry, name);
  return entry?.type === 'department' ? entry.department : undefined;
};

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
  const byKind: Record<Department['kind'], Department[]> = { internal: [], affiliated: [], external: [] };
  for (const department of registry.departments) byKind[department.kind].push(department);
  const best = new Map<Department, Obligation>();
  // The obligation is made only when it is the strongest so far: a group of the whole kind offers every department of it.
  const offer = (department: Department, item: Item, role: Role, scope: string | undefined, via: string | undefined, possible: boolean) => {
    const current = best.get(department);
    if (current && strength(current) <= (possible ? 100 : 0) + (via ? 10 : 0) + ROLES.indexOf(role)) return;
    best.set(department, via === undefined ? { item, role, scope, possible } : { item, role, scope, via, possible });
  };
  for (const item of ledger.items) {
    best.clear();
    for (const a of item.assignments) {
      const entry = lookupName(registry, a.name);
      if (!entry) continue;
      if (entry.type === 'department') {
        offer(entry.department, item, a.role, a.scope, undefined, false);
        continue;
      }
      const { group } = entry;
      const resolved = group.members === 'some' ? resolvedDepartments(registry, item, group) : undefined;
      for (const department of byKind[group.kind]) {
        // Once the item says which departments the group means (resolve), the others are not concerned at all;
        // before that, every department of the group's kind may be.
        if (resolved?.size && !resolved.has(department)) continue;
        const possible = resolved?.size === 0;
        offer(department, item, a.role, a.scope, group.name, possible);
      }
    }
    for (const [department, obligation] of best) {
      if (obligation.role === 'joint' && !obligation.possible) obligation.own = item.progress.filter((p) => findOwn(registry, p.dept) === department);
      result.get(department)!.push(obligation);
    }
  }
  return result;
}
