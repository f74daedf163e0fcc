import { lookupName, nameKey, type Department, type Group, type Registry } from '../model/department.js';
import { STATUS_LABELS } from '../model/status.js';
import type { LedgerDraft } from '../model/ledger-draft.js';
import { DEFAULT_GROUPS, groupFromName, guessKind, namesOfCombinedBody } from './default-groups.js';
import type { Notice } from './notice.js';

/**
 * Builds a registry from the names a notice uses: groups from the defaults (or
 * read as groups: 各乡镇政府, 县政府各部门), every other name a department with a
 * guessed kind. Names the grammar is unsure of are left out: they are reported instead.
 */
export function registryFromNotice(notice: Notice): { organisation?: string; departments: Department[]; groups: Group[] } {
  const departments: Department[] = [];
  const groups: Group[] = [];
  const seen = new Set<string>();
  for (const item of notice.items) {
    for (const { name } of item.assignments) {
      const key = nameKey(name);
      if (seen.has(key) || item.unsureNames.includes(name)) continue;
      seen.add(key);
      const group = DEFAULT_GROUPS.find((g) => [g.name, ...g.aliases].some((n) => nameKey(n) === key)) ?? groupFromName(name);
      if (group) {
        if (!groups.includes(group)) groups.push(group);
        continue;
      }
      const aliases = namesOfCombinedBody(name);
      departments.push({ name, aliases, kind: guessKind([name, ...aliases]), guessed: true, committers: [], coordinator: false, order: departments.length });
    }
  }
  // 合署 names (区府办(区大数据局)) as aliases, but never one that two bodies share (办公室(外事处) and办公室(人事处)).
  const aliasCount = new Map<string, number>();
  for (const d of departments) for (const alias of d.aliases) aliasCount.set(nameKey(alias), (aliasCount.get(nameKey(alias)) ?? 0) + 1);
  const claimed = (name: string) => aliasCount.get(nameKey(name)) === 1;
  // A name written alone that is one combined body's name (区府办 beside 区府办(区大数据局)) is that body, not a second department.
  const combined = departments.filter((d) => d.aliases.length > 0 || !claimed(d.name));
  combined.forEach((d, order) => {
    d.aliases = d.aliases.filter(claimed);
    d.order = order;
  });
  const organisation = notice.issuer?.replace(/办公厅$|办公室$/, '') || undefined;
  return { organisation, departments: combined, groups };
}

/** Names the notice uses that the registry does not know. */
export function unknownNames(notice: Notice, registry: Registry): string[] {
  const unknown = new Set<string>();
  for (const item of notice.items) for (const { name } of item.assignments) if (!lookupName(registry, name)) unknown.add(name);
  return [...unknown];
}

/**
 * A new ledger from a notice: every item 未启动 (持续推进 when its deadline words
 * say so), due on its deadline when the words give one, else on the plan's
 * default date (31 December of its year).
 */
export function draftFromNotice(notice: Notice, departments: LedgerDraft['departments'], year: number): LedgerDraft {
  // A plan for several years (2016-2020年): what names no deadline is due at its end.
  const defaultDue = `${notice.lastYear ?? year}-12-31`;
  const sections = notice.sections.length ? notice.sections : [];
  const bySection = new Map<string, LedgerDraft['sections'][number]>();
  const ordered: LedgerDraft['sections'] = [];
  const sectionFor = (number: string) => {
    let section = bySection.get(number);
    if (!section) {
      const title = sections.find((s) => s.number === number)?.title ?? (number || !sections.length ? '' : '（通知中此前的部分）');
      section = { number: number || (sections.length ? '' : '一'), title, items: [] };
      bySection.set(number, section);
      ordered.push(section);
    }
    return section;
  };
  // Units before the first section (a fragment that starts mid-plan) come first.
  if (notice.items.some((i) => !i.section)) sectionFor('');
  for (const s of sections) sectionFor(s.number);
  for (const item of notice.items) {
    sectionFor(item.section).items.push({
      number: item.number,
      text: item.text,
      clause: item.clause,
      assignments: item.assignments,
      status: item.ongoing ? STATUS_LABELS.ongoing : STATUS_LABELS.not_started,
      due: item.due ?? defaultDue,
      ...(item.dueText ? { dueText: item.dueText } : {}),
      ...(item.milestones ? { milestones: item.milestones } : {}),
      ...(item.problems.length ? { problem: `${item.problems.join('；')}；${item.rolesUnsure ? '请对照通知填写角色' : '请对照通知核实'}`, review: item.problems } : {}),
    });
  }
  if (!ordered.length) sectionFor('');
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
    // A part with no task under it (一、总体要求) is not a section of the ledger: a section holds items.
    sections: ordered.some((s) => s.items.length) ? ordered.filter((s) => s.items.length) : ordered.slice(0, 1),
  };
}
