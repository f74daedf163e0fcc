import { error, type Diagnostic } from '../../diagnostic.js';
import { lookupName, nameKey, type Registry } from '../../model/department.js';
import { ROLE_LABELS, type Assignment } from '../../model/role.js';
import { itemField, itemLabel, type CheckRule } from '../check-rule.js';

/** The name a department or group is known by, whichever alias was written. */
export function canonicalName(registry: Registry, name: string): string {
  const entry = lookupName(registry, name);
  if (!entry) return nameKey(name);
  return entry.type === 'department' ? entry.department.name : entry.group.name;
}

/** One department may hold one role on an item (lead and cooperate at once is a mistake). */
export const roleConflict: CheckRule = ({ ledger }) => {
  const out: Diagnostic[] = [];
  for (const item of ledger.items) {
    const seen = new Map<string, Assignment>();
    for (const a of item.assignments) {
      const key = canonicalName(ledger.registry, a.name);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, a);
        continue;
      }
      const where = itemField(ledger, item, ...(a.at ?? []));
      // Several clauses of one paragraph may give one department different roles for different words (scopes).
      if (a.scope && first.scope && a.scope !== first.scope) continue;
      if (first.role !== a.role) {
        out.push(error('ROLE_CONFLICT', `${itemLabel(item)}：「${key}」既是${ROLE_LABELS[first.role]}又是${ROLE_LABELS[a.role]}，一个部门在一项任务中只能有一个角色`, where));
      } else if (!(a.scope && first.scope && a.scope !== first.scope)) {
        out.push(error('DUPLICATE_ASSIGNMENT', `${itemLabel(item)}：「${key}」在${ROLE_LABELS[a.role]}中写了两次`, where));
      }
    }
  }
  return out;
};
