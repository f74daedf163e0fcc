import type { Department, Registry } from '../model/department.js';
import type { Ledger } from '../model/ledger.js';
import { isAccountable } from '../model/role.js';
import { obligationsByDepartment, type Obligation } from '../query/ownership.js';
import type { FieldChange } from './ledger-changes.js';
import type { Violation } from '../model/permission-findings.js';
export type { Violation } from '../model/permission-findings.js';

/** A change its author's department may not make. */
/** Fields a department may change on items it is accountable for (牵头、按职责分工负责、负责). */
const OWNER_FIELDS = new Set(['status', 'done_on', 'progress']);
/** Fields a department may change on any item it is named on (配合 too): its progress notes. */
const NAMED_FIELDS = new Set(['progress']);

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
 * department its own items' status, done date and progress notes — progress
 * on every item it is named on, status and done date where it is accountable.
 * Judged on the ledger and registry as they were before the commit.
 */
export function commitViolations(commit: { hash: string; authorName: string; authorEmail: string }, changes: FieldChange[], before: Ledger): Violation[] {
  const department = departmentOfAuthor(before.registry, commit.authorName, commit.authorEmail);
  if (department?.coordinator) return [];
  const base = { commit: commit.hash, authorName: commit.authorName, authorEmail: commit.authorEmail, department: department?.name };
  if (!department) return changes.map((c) => ({ ...base, ...c, reason: 'unknown_author' as const }));
  const own = new Map<string, Obligation>();
  for (const o of obligationsByDepartment(before).get(department) ?? []) if (!o.possible) own.set(o.item.number, o);
  const violations: Violation[] = [];
  for (const change of changes) {
    const obligation = change.item === undefined ? undefined : own.get(change.item);
    const allowed = obligation && (NAMED_FIELDS.has(change.field) || (OWNER_FIELDS.has(change.field) && isAccountable(obligation.role)));
    if (allowed) continue;
    const reason = change.item === undefined || change.field === '*' || !OWNER_FIELDS.has(change.field) ? 'coordinator_only' : 'not_own_item';
    violations.push({ ...base, ...change, reason });
  }
  return violations;
}
