import { error, type Diagnostic } from '../../diagnostic.js';
import { allNames, lookupName } from '../../model/department.js';
import { didYouMean } from '../../model/closest-names.js';
import { itemField, itemLabel, type CheckRule } from '../check-rule.js';

/** Every name in a role or a resolution must be a department or group of the registry. */
export const unknownDepartment: CheckRule = ({ ledger }) => {
  const out: Diagnostic[] = [];
  let candidates: string[] | undefined;
  const report = (name: string, where: ReturnType<typeof itemField>, label: string) => {
    candidates ??= allNames(ledger.registry);
    out.push(error('UNKNOWN_DEPARTMENT', `${label}：部门名录中没有「${name}」${didYouMean(name, candidates)}`, where));
  };
  for (const item of ledger.items) {
    for (const a of item.assignments) {
      if (!lookupName(ledger.registry, a.name)) report(a.name, itemField(ledger, item, ...(a.at ?? [])), itemLabel(item));
    }
    item.progress.forEach((entry, index) => {
      if (!lookupName(ledger.registry, entry.dept)) report(entry.dept, itemField(ledger, item, 'progress', index, 'dept'), `${itemLabel(item)}的进展记录`);
    });
    for (const [group, names] of Object.entries(item.resolutions)) {
      names.forEach((name, index) => {
        if (!lookupName(ledger.registry, name)) report(name, itemField(ledger, item, 'resolve', group, index), itemLabel(item));
      });
    }
  }
  return out;
};
