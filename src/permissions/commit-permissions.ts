import type { Department, Registry } from '../model/department.js';
import type { Ledger } from '../model/ledger.js';
import { findDepartment } from '../model/department.js';
import { anyRoleMayChange, OWN_ENTRY_FIELDS, roleMayChange } from '../model/role-rights.js';
import { asRecord } from '../read/raw-value.js';
import { obligationsByDepartment, type Obligation } from '../query/ownership.js';
import type { FieldChange } from './ledger-changes.js';
import type { Violation } from '../model/permission-findings.js';
export type { Violation } from '../model/permission-findings.js';

/** True when some department has committers: only then is there anything to check. */
export function hasCommitters(registry: Registry): boolean {
  return registry.departments.some((d) => d.committers.length);
}

/** The department whose committers include the author's email (any case) or name. */
export function departmentOfAuthor(registry: Registry, name: string, email: string): Department | undefined {
  const mail = email.toLowerCase();
  return registry.departments.find((d) => d.committers.some((c) => c.toLowerCase() === mail || c === name));
}

/**
 * What each department may change: the coordinator (办公厅) anything; another
 * department what its role on the item allows (model/role-rights): progress
 * and postponement requests on every item it is named on, status and done
 * date where it is accountable; a request only added, in its own name.
 * Judged on the ledger and registry as they were before the commit.
 */
export function commitViolations(commit: { hash: string; authorName: string; authorEmail: string }, changes: FieldChange[], before: Ledger, path?: string): Violation[] {
  const department = departmentOfAuthor(before.registry, commit.authorName, commit.authorEmail);
  if (department?.coordinator) return [];
  const base = { commit: commit.hash, authorName: commit.authorName, authorEmail: commit.authorEmail, department: department?.name, ...(path === undefined ? {} : { path }) };
  const strip = ({ entries: _entries, ...change }: FieldChange) => change;
  if (!department) return changes.map((c) => ({ ...base, ...strip(c), reason: 'unknown_author' as const }));
  const own = new Map<string, Obligation>();
  for (const o of obligationsByDepartment(before).get(department) ?? []) if (!o.possible) own.set(o.item.number, o);
  const violations: Violation[] = [];
  for (const change of changes) {
    const obligation = change.item === undefined ? undefined : own.get(change.item);
    if (obligation && roleMayChange(obligation.role, change.field)) {
      const terms = OWN_ENTRY_FIELDS.get(change.field);
      if (!terms) continue;
      // Entries in its own name only; a request only added: granting, refusing or editing one is the office's.
      const entries = change.entries;
      const inOwnName = (entry: unknown) => findDepartment(before.registry, String(asRecord(entry).dept ?? '')) === department;
      if (entries && entries.added.every(inOwnName) && (terms.mayRemove ? entries.removed.every(inOwnName) : entries.keptAll)) continue;
      violations.push({ ...base, ...strip(change), reason: 'own_entries_only' });
      continue;
    }
    const reason = change.item === undefined || change.field === '*' || !anyRoleMayChange(change.field) ? 'coordinator_only' : 'not_own_item';
    violations.push({ ...base, ...strip(change), reason });
  }
  return violations;
}
