import { isAccountable, type Role } from './role.js';
/** internal 内设机构; affiliated 直属单位; external bodies outside the office (各镇人民政府, 各区县政府), usually no department of the registry. */
export type DepartmentKind = 'internal' | 'affiliated' | 'external';

export const KIND_LABELS: Readonly<Record<DepartmentKind, string>> = { internal: '内设机构', affiliated: '直属单位', external: '其他单位' };

/** A body that can be held responsible, e.g. 办公厅(国际合作司). */
export interface Department {
  name: string;
  /** Second names of 合署 bodies, short names, former names. */
  aliases: string[];
  /** A short name for narrow tables and for typing on the command line (救助司). */
  short?: string;
  kind: DepartmentKind;
  /** Set by `import` when the kind was guessed from the name; validate asks to confirm. */
  guessed: boolean;
  /** Git identities (emails or names) of the department's liaisons, for check-commits. */
  committers: string[];
  /** Public ssh keys (`ssh-ed25519 AAAA…`) its liaisons sign commits with, for a shared repository that requires signed commits. */
  signingKeys?: string[];
  /** The coordinating office (办公厅): may change anything in the ledger. */
  coordinator: boolean;
  /** Whom to call about the department's letters (联系人), and the number (电话): the 公文's contact line. */
  contact?: string;
  phone?: string;
  /** Position in the registry: the official order for reports. */
  order: number;
}

/**
 * A name that stands for several departments: `all` (各司(局), 直属单位) names every
 * department of the kind; `some` (各有关司(局), 制发司(局)) names unspecified ones.
 */
export interface Group {
  name: string;
  aliases: string[];
  members: 'all' | 'some';
  kind: DepartmentKind;
}

export type RegistryEntry = { type: 'department'; department: Department } | { type: 'group'; group: Group };

/** The departments and groups of one organisation, with name lookup. */
export interface Registry {
  organisation?: string;
  departments: Department[];
  groups: Group[];
  byName: Map<string, RegistryEntry>;
}

/**
 * The key a name is looked up by: NFKC folds full-width （）and digits into
 * their ASCII forms, so `办公厅（国际合作司）` and `办公厅(国际合作司)` are one name.
 */
export function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = name.normalize('NFKC').replace(/〔/g, '(').replace(/〕/g, ')').replace(/\s+/g, '');
    nameKeys.set(name, key);
  }
  return key;
}

// Names repeat across every item of a ledger; normalising each once saves most of a load.
const nameKeys = new Map<string, string>();

/** Builds the lookup table; the first holder of a name wins (duplicates are reported by validate). */
export function buildRegistry(organisation: string | undefined, departments: Department[], groups: Group[]): Registry {
  const byName = new Map<string, RegistryEntry>();
  const add = (name: string, entry: RegistryEntry) => {
    const key = nameKey(name);
    if (!byName.has(key)) byName.set(key, entry);
  };
  for (const department of departments) {
    for (const name of [department.name, ...department.aliases]) add(name, { type: 'department', department });
  }
  for (const group of groups) {
    for (const name of [group.name, ...group.aliases]) add(name, { type: 'group', group });
  }
  return { organisation, departments, groups, byName };
}

/** Finds a department or group by any of its names. */
export function lookupName(registry: Registry, name: string): RegistryEntry | undefined {
  return registry.byName.get(nameKey(name));
}

/** Finds a department (not a group) by any of its names. */
export function findDepartment(registry: Registry, name: string): Department | undefined {
  const entry = lookupName(registry, name);
  return entry?.type === 'department' ? entry.department : undefined;
}

/** The name for a narrow column: the registry's short name, else the shortest alias shorter than the name, else the name. */
export function shortName(department: Department): string {
  if (department.short) return department.short;
  const shortest = [...department.aliases].sort((a, b) => a.length - b.length)[0];
  return shortest !== undefined && shortest.length < department.name.length ? shortest : department.name;
}

/** Every name (canonical and alias) of departments and groups, for did-you-mean. */
export function allNames(registry: Registry): string[] {
  return [...registry.departments.flatMap((d) => [d.name, ...d.aliases]), ...registry.groups.flatMap((g) => [g.name, ...g.aliases])];
}

/** The bodies accountable for an item (lead, joint, sole) by their registry names: an alias counts as its department, each once. */
export function accountableNames(item: { assignments: readonly { name: string; role: Role }[] }, registry: Registry): string[] {
  const names = item.assignments
    .filter((a) => isAccountable(a.role))
    .map((a) => {
      const entry = lookupName(registry, a.name);
      return entry?.type === 'department' ? entry.department.name : entry?.type === 'group' ? entry.group.name : a.name;
    });
  return [...new Set(names)];
}
