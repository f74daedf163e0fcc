import { error, warning, type Diagnostic } from '../../diagnostic.js';
import { lookupName, type Registry } from '../../model/department.js';
import { ROLE_LABELS, type Assignment } from '../../model/role.js';
import { parseResponsibility } from '../../notice/clause/grammar.js';
import { itemField, itemLabel, type CheckRule } from '../check-rule.js';
import { canonicalName } from './role-conflict.js';

function describe(registry: Registry, a: Assignment): string {
  const name = canonicalName(registry, a.name);
  return a.scope ? `${a.scope}由${name}${ROLE_LABELS[a.role]}` : `${name}${ROLE_LABELS[a.role]}`;
}

/** Assignments written in the clause but not in the roles (and the other way round). */
function difference(registry: Registry, from: Assignment[], to: Assignment[]): string[] {
  const remaining = to.map((a) => describe(registry, a));
  const missing: string[] = [];
  for (const a of from) {
    const text = describe(registry, a);
    const index = remaining.indexOf(text);
    if (index >= 0) remaining.splice(index, 1);
    else missing.push(text);
  }
  return missing;
}

/** The clause (verbatim) and the structured roles must say the same: one was edited without the other. */
export const clauseMismatch: CheckRule = ({ ledger }) => {
  const out: Diagnostic[] = [];
  for (const item of ledger.items) {
    const where = itemField(ledger, item, 'clause');
    if (!item.clause.trim()) continue;
    // An unknown name is reported where it is written; a mismatch on top would say it twice.
    if (item.assignments.some((a) => !lookupName(ledger.registry, a.name))) continue;
    const parsed = parseResponsibility(item.clause);
    if (!parsed.ok) {
      out.push(warning('CLAUSE_UNPARSED', `${itemLabel(item)}的责任分工无法自动核对（${parsed.reason}），请人工确认各角色`, where));
      continue;
    }
    // Words the import could not read as a name (办公室统筹) leave the clause uncheckable, not wrong: the roles
    // the user wrote from the notice stand, and asking to change the notice's own words would be asking for a lie.
    const unreadable = parsed.assignments.filter((a) => !lookupName(ledger.registry, a.name)).map((a) => a.name);
    if (unreadable.length) {
      out.push(warning('CLAUSE_UNPARSED', `${itemLabel(item)}的责任分工无法自动核对（原文中的「${[...new Set(unreadable)].join('、')}」不是名录中的名称），请人工确认各角色`, where));
      continue;
    }
    const onlyInClause = difference(ledger.registry, parsed.assignments, item.assignments);
    const onlyInRoles = difference(ledger.registry, item.assignments, parsed.assignments);
    if (onlyInClause.length || onlyInRoles.length) {
      const parts = [
        onlyInClause.length ? `原文有「${onlyInClause.join('、')}」而角色中没有` : '',
        onlyInRoles.length ? `角色中有「${onlyInRoles.join('、')}」而原文没有` : '',
      ].filter(Boolean);
      out.push(error('CLAUSE_MISMATCH', `${itemLabel(item)}的责任分工原文与角色不一致：${parts.join('；')}`, where));
    }
  }
  return out;
};
