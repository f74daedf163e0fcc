import { closestNames } from './closest-names.js';
import { findDepartment, nameKey, type Department, type Registry } from './department.js';

/**
 * What a department name typed on the command line stands for. People type
 * 救助司 for 社会救助司 and 养老司 for 养老服务司: a unique shortening is
 * accepted (the command says how it was read), several candidates are listed.
 */
export type DepartmentMatch =
  /** A name, alias or short name of the registry. */
  | { kind: 'exact'; department: Department }
  /** The only department whose name contains the typed characters in order. */
  | { kind: 'abbreviation'; department: Department }
  /** Several departments fit; one entry each, in registry order. */
  | { kind: 'ambiguous'; candidates: Department[] }
  /** Nothing fits; the closest departments by edit distance, for did-you-mean. */
  | { kind: 'unknown'; suggestions: Department[] };

const namesOf = (d: Department) => [d.name, ...d.aliases, ...(d.short ? [d.short] : [])];

/** True when every character of `typed` appears in `name` in order (救助司 in 社会救助司, 规财司 in 规划财务司). */
function isSubsequence(typed: string, name: string): boolean {
  let at = 0;
  for (const ch of name) if (ch === typed[at]) at++;
  return at === typed.length;
}

/** Matches a typed department name against the registry: exact, then substring, then characters in order. */
export function matchDepartment(registry: Registry, typed: string): DepartmentMatch {
  const exact = findDepartment(registry, typed) ?? registry.departments.find((d) => d.short !== undefined && nameKey(d.short) === nameKey(typed));
  if (exact) return { kind: 'exact', department: exact };
  const key = nameKey(typed);
  const chars = [...key];
  // One character (司, 局) would fit nearly every department: that is not an abbreviation.
  if (chars.length >= 2) {
    for (const fits of [(name: string) => name.includes(key), (name: string) => isSubsequence(key, name)]) {
      const found = registry.departments.filter((d) => namesOf(d).some((n) => fits(nameKey(n))));
      if (found.length === 1) return { kind: 'abbreviation', department: found[0]! };
      if (found.length > 1) return { kind: 'ambiguous', candidates: found };
    }
  }
  const owner = new Map<string, Department>();
  for (const d of registry.departments) for (const n of namesOf(d)) if (!owner.has(n)) owner.set(n, d);
  const suggestions = [...new Set(closestNames(typed, owner.keys(), 6).map((n) => owner.get(n)!))].slice(0, 3);
  return { kind: 'unknown', suggestions };
}

/** 「甲」、「乙」 for messages. */
export const quotedNames = (departments: readonly Department[]) => departments.map((d) => `「${d.name}」`).join('、');
