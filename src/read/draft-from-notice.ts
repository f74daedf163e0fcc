import { lookupName, nameKey, type Department, type Group, type Registry } from '../model/department.js';
import { STATUS_LABELS } from '../model/status.js';
import type { LedgerDraft } from '../render/ledger-yaml.js';
import { DEFAULT_GROUPS, guessKind, namesOfCombinedBody } from './default-groups.js';
import type { Notice } from './read-notice.js';

/** Builds a registry from the names a notice uses: groups from the defaults, every other name a department with a guessed kind. */
export function registryFromNotice(notice: Notice): { organisation?: string; departments: Department[]; groups: Group[] } {
  const departments: Department[] = [];
  const groups: Group[] = [];
  const seen = new Set<string>();
  for (const item of notice.items) {
    for (const { name } of item.assignments) {
      const key = nameKey(name);
      if (seen.has(key)) continue;
      seen.add(key);
      const group = DEFAULT_GROUPS.find((g) => [g.name, ...g.aliases].some((n) => nameKey(n) === key));
      if (group) {
        if (!groups.includes(group)) groups.push(group);
        continue;
      }
      const aliases = namesOfCombinedBody(name);
      departments.push({ name, aliases, kind: guessKind([name, ...aliases]), guessed: true, order: departments.length });
    }
  }
  const organisation = notice.issuer?.replace(/办公厅$|办公室$/, '') || undefined;
  return { organisation, departments, groups };
}

/** Names the notice uses that the registry does not know. */
export function unknownNames(notice: Notice, registry: Registry): string[] {
  const unknown = new Set<string>();
  for (const item of notice.items) for (const { name } of item.assignments) if (!lookupName(registry, name)) unknown.add(name);
  return [...unknown];
}

/** A new ledger from a notice: every item 未启动, due at the plan's default date (31 December of its year). */
export function draftFromNotice(notice: Notice, departments: LedgerDraft['departments'], fallbackYear: number): LedgerDraft {
  const year = notice.year ?? fallbackYear;
  const defaultDue = `${year}-12-31`;
  const sectionNumbers = notice.sections.length ? notice.sections.map((s) => s.number) : [''];
  return {
    plan: {
      title: notice.planTitle ?? notice.title ?? '未命名计划',
      issuer: notice.issuer,
      documentNumber: notice.documentNumber,
      issuedOn: notice.issuedOn,
      year,
      defaultDue,
      preamble: notice.preamble,
    },
    departments,
    sections: sectionNumbers.map((number) => ({
      number: number || '一',
      title: notice.sections.find((s) => s.number === number)?.title ?? '',
      items: notice.items
        .filter((i) => i.section === number)
        .map((i) => ({ number: i.number, text: i.text, clause: i.clause, assignments: i.assignments, status: STATUS_LABELS.not_started, due: defaultDue, problem: i.problem })),
    })),
  };
}
