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

/**
 * Every department's obligations, item by item, in one pass over the ledger.
 * A department bound to an item several ways keeps the strongest.
 */
export function obligationsByDepartment(ledger: Ledger): Map<Department, Obligation[]> {
  const { registry } = ledger;
  const departments = registry.departments;
  const lists: Obligation[][] = departments.map(() => []);
  const place = new Map(departments.map((d, i) => [d, i]));
  const byKind: Record<Department['kind'], number[]> = { internal: [], affiliated: [], external: [] };
  departments.forEach((department, i) => byKind[department.kind].push(i));
  // Per item, by the department's place: the strongest obligation so far, and its strength. A group of a whole kind
  // offers every department of it (a 100,000-item ledger makes millions of offers), so this is arrays, not a Map.
  const best: (Obligation | undefined)[] = new Array(departments.length).fill(undefined);
  const bestStrength = new Int32Array(departments.length);
  const offered: number[] = [];
  for (const item of ledger.items) {
    for (const a of item.assignments) {
      const entry = lookupName(registry, a.name);
      if (!entry) continue;
      // Strength, lower is stronger: named over via a group, accountable roles over 配合, possible last.
      const roleRank = ROLES.indexOf(a.role);
      if (entry.type === 'department') {
        const d = place.get(entry.department)!;
        const current = best[d];
        if (current && bestStrength[d]! <= roleRank) continue;
        if (!current) offered.push(d);
        best[d] = { item, role: a.role, scope: a.scope, possible: false };
        bestStrength[d] = roleRank;
        continue;
      }
      const { group } = entry;
      const resolved = group.members === 'some' ? resolvedDepartments(registry, item, group) : undefined;
      const possible = resolved?.size === 0;
      const rank = (possible ? 100 : 0) + (group.name ? 10 : 0) + roleRank;
      // One object for every department the group offers it to (nothing tells them apart), except a share
      // (按职责分工负责), which gets each department's own notes below.
      const shareable = a.role !== 'joint' || possible;
      let shared: Obligation | undefined;
      for (const d of byKind[group.kind]) {
        // Once the item says which departments the group means (resolve), the others are not concerned at all;
        // before that, every department of the group's kind may be.
        if (resolved?.size && !resolved.has(departments[d]!)) continue;
        const current = best[d];
        if (current && bestStrength[d]! <= rank) continue;
        if (!current) offered.push(d);
        best[d] = shareable ? (shared ??= { item, role: a.role, scope: a.scope, via: group.name, possible }) : { item, role: a.role, scope: a.scope, via: group.name, possible };
        bestStrength[d] = rank;
      }
    }
    for (const d of offered) {
      const obligation = best[d]!;
      best[d] = undefined;
      if (obligation.role === 'joint' && !obligation.possible) obligation.own = item.progress.filter((p) => findOwn(registry, p.dept) === departments[d]);
      lists[d]!.push(obligation);
    }
    offered.length = 0;
  }
  return new Map(departments.map((d, i) => [d, lists[i]!]));
}
