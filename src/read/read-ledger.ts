import type { Ledger, Item, Plan, Section, ProgressEntry } from '../model/ledger.js';
import type { Registry } from '../model/department.js';
import type { Assignment, Role } from '../model/role.js';
import { parseStatus } from '../model/status.js';
import { isValidDate } from '../model/dates.js';
import { normalizeDepartmentName } from './parse-responsibility.js';
import { asArray, asRecord, asString, type Raw } from './raw-value.js';

const asDate = (value: unknown): string | undefined => (typeof value === 'string' && isValidDate(value) ? value : undefined);

function planFromValue(value: unknown): Plan {
  const raw = asRecord(value);
  const defaultDue = asDate(raw.default_due);
  const fallbackYear = defaultDue ? Number(defaultDue.slice(0, 4)) : new Date().getFullYear();
  // An out-of-range year is reported by the shape check; the model falls back rather than repeat it.
  const year = typeof raw.year === 'number' && Number.isInteger(raw.year) && raw.year >= 2000 && raw.year <= 2100 ? raw.year : fallbackYear;
  return {
    title: asString(raw.title) ?? '',
    issuer: asString(raw.issuer),
    documentNumber: asString(raw.document_number),
    issuedOn: asDate(raw.issued_on),
    year,
    defaultDue: defaultDue ?? `${year}-12-31`,
  };
}

function assignmentsFromValue(raw: Raw): Assignment[] {
  const assignments: Assignment[] = [];
  asArray(raw.lead).forEach((entry, index) => {
    if (typeof entry === 'string') assignments.push({ name: normalizeDepartmentName(entry), role: 'lead', at: ['lead', index] });
    else {
      const scoped = asRecord(entry);
      if (typeof scoped.dept === 'string') {
        const scope = typeof scoped.scope === 'string' ? { scope: scoped.scope } : {};
        assignments.push({ name: normalizeDepartmentName(scoped.dept), role: 'lead', ...scope, at: ['lead', index, 'dept'] });
      }
    }
  });
  for (const role of ['joint', 'sole', 'cooperate'] as Role[]) {
    asArray(raw[role]).forEach((name, index) => {
      if (typeof name === 'string') assignments.push({ name: normalizeDepartmentName(name), role, at: [role, index] });
    });
  }
  return assignments;
}

function itemFromValue(value: unknown, section: string, plan: Plan, path: (string | number)[]): Item | undefined {
  const raw = asRecord(value);
  const number = typeof raw.number === 'number' ? String(raw.number) : asString(raw.number);
  if (number === undefined) return undefined;
  const due = asDate(raw.due);
  const resolutions: Record<string, string[]> = {};
  for (const [group, names] of Object.entries(asRecord(raw.resolve))) {
    resolutions[normalizeDepartmentName(group)] = asArray(names).filter((n): n is string => typeof n === 'string').map(normalizeDepartmentName);
  }
  const progress: ProgressEntry[] = asArray(raw.progress)
    .map(asRecord)
    .filter((p) => typeof p.date === 'string' && typeof p.dept === 'string')
    .map((p) => ({ date: p.date as string, dept: p.dept as string, note: asString(p.note) ?? '' }));
  const unreadable = Object.keys(raw).filter((key) => {
    const value = raw[key];
    if (value === null || value === undefined) return false;
    if (key === 'due' || key === 'done_on') return asDate(value) === undefined;
    if (key === 'text' || key === 'clause' || key === 'status') return typeof value !== 'string' || (key === 'status' && !parseStatus(value));
    return false;
  });
  return {
    number,
    section,
    text: asString(raw.text) ?? '',
    clause: asString(raw.clause) ?? '',
    assignments: assignmentsFromValue(raw),
    status: parseStatus(asString(raw.status) ?? '') ?? 'not_started',
    due: due ?? plan.defaultDue,
    dueIsDefault: due === undefined,
    doneOn: asDate(raw.done_on),
    resolutions,
    progress,
    unreadable,
    path,
  };
}

/**
 * Builds the ledger model from its YAML value, best effort: the caller has
 * already checked the shape and reports what is wrong; here a malformed
 * piece is skipped rather than guessed at.
 */
export function ledgerFromValue(value: unknown, file: string, registry: Registry, registryFile: string): Ledger {
  const raw = asRecord(value);
  const plan = planFromValue(raw.plan);
  const sections: Section[] = [];
  const items: Item[] = [];
  asArray(raw.sections).forEach((sectionValue, sectionIndex) => {
    const section = asRecord(sectionValue);
    const number = asString(section.number) ?? String(sectionIndex + 1);
    sections.push({ number, title: asString(section.title) ?? '' });
    asArray(section.items).forEach((itemValue, itemIndex) => {
      const item = itemFromValue(itemValue, number, plan, ['sections', sectionIndex, 'items', itemIndex]);
      if (item) items.push(item);
    });
  });
  return { file, plan, registry, registryFile, sections, items };
}
