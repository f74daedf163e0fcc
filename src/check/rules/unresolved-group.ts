import { error, warning, type Diagnostic } from '../../diagnostic.js';
import { KIND_LABELS, lookupName } from '../../model/department.js';
import { itemField, itemLabel, type CheckRule } from '../check-rule.js';
import { canonicalName } from './role-conflict.js';

/**
 * Vague groups (各有关司(局), 制发司(局) …) leave nobody in particular accountable
 * until the ledger says who they are on this item.
 */
export const unresolvedGroup: CheckRule = ({ ledger }) => {
  const out: Diagnostic[] = [];
  const { registry } = ledger;
  for (const item of ledger.items) {
    const groupsInItem = new Set<string>();
    for (const a of item.assignments) {
      const entry = lookupName(registry, a.name);
      if (entry?.type !== 'group') continue;
      groupsInItem.add(entry.group.name);
      if (entry.group.members === 'some' && !Object.keys(item.resolutions).some((k) => canonicalName(registry, k) === entry.group.name)) {
        out.push(
          warning('UNRESOLVED_GROUP', `${itemLabel(item)}：「${a.name}」未指明具体部门，可在 resolve 中写明`, itemField(ledger, item, ...(a.at ?? []))),
        );
      }
    }
    for (const [written, names] of Object.entries(item.resolutions)) {
      const entry = lookupName(registry, written);
      if (entry?.type !== 'group' || !groupsInItem.has(entry.group.name)) {
        out.push(warning('RESOLUTION_UNUSED', `${itemLabel(item)}的责任分工中没有群体「${written}」，这条 resolve 不起作用`, { ...itemField(ledger, item, 'resolve', written), at: 'key' }));
        continue;
      }
      const group = entry.group;
      names.forEach((name, index) => {
        const target = lookupName(registry, name);
        if (target?.type === 'department' && target.department.kind !== group.kind) {
          out.push(
            error('RESOLUTION_NOT_IN_GROUP', `${itemLabel(item)}：「${name}」是${KIND_LABELS[target.department.kind]}，不属于「${group.name}」（${KIND_LABELS[group.kind]}）`, itemField(ledger, item, 'resolve', written, index)),
          );
        }
      });
    }
  }
  return out;
};
