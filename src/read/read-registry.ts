import { buildRegistry, type Department, type DepartmentKind, type Group, type Registry } from '../model/department.js';
import { normalizeDepartmentName } from '../model/department-name.js';
import { asArray, asRecord, asStrings } from './raw-value.js';

const asKind = (value: unknown): DepartmentKind => (value === 'affiliated' || value === 'external' ? value : 'internal');

/** Builds a registry from its (shape-checked) YAML value; entries without a name are skipped. */
export function registryFromValue(value: unknown): Registry {
  const raw = asRecord(value);
  const departments: Department[] = [];
  for (const entry of asArray(raw.departments).map(asRecord)) {
    if (typeof entry.name !== 'string') continue;
    departments.push({
      name: normalizeDepartmentName(entry.name),
      aliases: asStrings(entry.aliases).map(normalizeDepartmentName),
      ...(typeof entry.short === 'string' && entry.short.trim() ? { short: normalizeDepartmentName(entry.short) } : {}),
      kind: asKind(entry.kind),
      guessed: entry.guessed === true,
      committers: asStrings(entry.committers),
      signingKeys: asStrings(entry.signing_keys),
      coordinator: entry.coordinator === true,
      ...(typeof entry.contact === 'string' && entry.contact.trim() ? { contact: entry.contact.trim() } : {}),
      ...(typeof entry.phone === 'string' && entry.phone.trim() ? { phone: entry.phone.trim() } : {}),
      order: departments.length,
    });
  }
  const groups: Group[] = [];
  for (const entry of asArray(raw.groups).map(asRecord)) {
    if (typeof entry.name !== 'string') continue;
    groups.push({
      name: normalizeDepartmentName(entry.name),
      aliases: asStrings(entry.aliases).map(normalizeDepartmentName),
      members: entry.members === 'all' ? 'all' : 'some',
      kind: asKind(entry.kind),
    });
  }
  return buildRegistry(typeof raw.organisation === 'string' ? raw.organisation : undefined, departments, groups);
}
