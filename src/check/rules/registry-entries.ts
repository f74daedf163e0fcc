import { error, warning, type Diagnostic } from '../../diagnostic.js';
import { KIND_LABELS, nameKey } from '../../model/department.js';
import type { CheckRule } from '../check-rule.js';

/** Registry names are unique across departments and groups; guessed kinds want confirming. */
export const registryEntries: CheckRule = ({ ledger }) => {
  const out: Diagnostic[] = [];
  const { registry, registryFile } = ledger;
  const prefix = registryFile === ledger.file ? ['departments'] : [];
  const owners = new Map<string, string>();
  const claim = (name: string, owner: string, path: (string | number)[]) => {
    const key = nameKey(name);
    const first = owners.get(key);
    if (first !== undefined && first !== owner) {
      out.push(error('DUPLICATE_DEPARTMENT', `名称「${name}」已属于「${first}」，一个名称只能指一个部门或群体`, { file: registryFile, path }));
    } else owners.set(key, owner);
  };
  registry.departments.forEach((d, i) => {
    claim(d.name, d.name, [...prefix, 'departments', i, 'name']);
    d.aliases.forEach((alias, j) => claim(alias, d.name, [...prefix, 'departments', i, 'aliases', j]));
    if (d.guessed) {
      out.push(warning('KIND_GUESSED', `「${d.name}」的类别（${KIND_LABELS[d.kind]}）是导入时按名称推测的；核实后删除 guessed 一行`, { file: registryFile, path: [...prefix, 'departments', i, 'guessed'], at: 'key' }));
    }
  });
  registry.groups.forEach((g, i) => {
    claim(g.name, g.name, [...prefix, 'groups', i, 'name']);
    g.aliases.forEach((alias, j) => claim(alias, g.name, [...prefix, 'groups', i, 'aliases', j]));
  });
  return out;
};
