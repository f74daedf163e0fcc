import type { Assignment, Role } from '../../model/role.js';
import { isDeadlineWords, opensWithDeadline } from './deadline.js';
import { looksLikeName } from './names.js';
import { isPeopleLabel } from './people-labels.js';
import { toSimplified } from './traditional.js';
import { remembered } from '../remembered.js';
import { Gated } from '../text.js';
import { overseeing, resolveHeads, type PartRole } from './role-words.js';
import { LABEL, labelsApart, roleOfLabel } from './labels.js';
import { parsePart, saysRole, type Pending } from './read-part.js';
import { checkName, CLAUSE_SEPARATORS, PART_SEPARATORS, splitTopLevel } from './split-names.js';

/**
 * The responsibility-clause grammar (DOMAIN.md, "The responsibility clause"),
 * shared by `import` and by validate's CLAUSE_MISMATCH check.
 *
 * A clause is parts separated by `,` `;`; a part is names joined by `、` (or 及)
 * and a role word (牵头, 配合, 按职责分工负责 …), or a label (牵头单位:…), or
 * deadline words (2021年6月底前完成), which are returned apart and never become names.
 *
 * The clause is split by split-names.ts, each part read by read-part.ts (its labels by labels.ts); here the
 * clause as a whole: its words put in the one form the parts are read in, and the parts' roles resolved together.
 */
export type ParsedClause =
  | {
      ok: true;
      assignments: Assignment[];
      /** Deadline words written inside the clause, verbatim (Simplified). */
      deadlineText?: string;
      /** Names the grammar read but that do not look like a body's name: shown to the user, never added to a registry silently. */
      unsure: string[];
    }
  | { ok: false; reason: string };

/**
 * Several clauses of one paragraph, each kept with the words it covers:
 * `发布甲类信息…〔甲处、乙处〕；公开乙类信息…〔甲处、丙处〕`. Written so by the
 * importer, read back here, so a ledger's clause and roles can be checked.
 */
const COVERED_CLAUSE = /^([^〔〕]{1,40}?)…〔([^〔〕]*(?:\([^()]*\)[^〔〕]*)*)〕$/;

/** Strips the brackets around a clause: (…), （…）, 〔…〕. */
export function unwrapClause(clause: string): string {
  const trimmed = clause.trim().replace(/[。.]$/, '');
  const match = /^[(（〔]([\s\S]*)[)）〕]$/.exec(trimmed);
  return (match ? match[1]! : trimmed).trim();
}

/** `此项工作由A负责,B配合`, `本部分由A牵头` → `A负责,B配合`: words that point at what the clause covers are no scope. */
const SENTENCE_OPENING = new Gated(/^(?:(?:此项|本项|该项|以上|上述|本部分|以下|本节)(?:各项)?(?:工作|任务)?|工作)?由(?![^,，;；]*?由)/, '由');

/**
 * Parses a responsibility clause (`甲处牵头,乙中心配合`) into assignments.
 * Traditional script is read as Simplified (牽頭 is 牵头). Returns the reason when it cannot.
 * The result is shared between calls with the same clause: do not change it.
 */
export const parseResponsibility: (clause: string) => ParsedClause = remembered((clause) => parseClause(clause));

/** A role word in brackets after a name, `A（牵头）`: the role word itself. */
const BRACKETED_ROLE = new Gated(/[(（](牵头|负责|配合|协同|协办|协助|参与)[)）]/g, '(（');
/**
 * A role word followed by 、 and names with a role word of their own (`A牵头、B配合`): the 、
 * separates parts, as a comma does. (`A（牵头）、B` under a label keeps B in the label: see read-part's parsePart.)
 */
const ROLE_THEN_LIST = new Gated(/(牵头|负责|配合|协同|协办|协助|参与|抓总|负总责|主责|统筹(?:协调|推进)?)、(?=[^,，;；]*(?:牵头|负责|配合|协同|协办|协助|参与|落实))/g, '、');

/** A name with its role marked in brackets after it: `A（牵头）`, `B（配合）`. */
const MARKED_ROLE = /[(（](牵头|配合|协同|协办|协助|参与)[)）]$/;

/**
 * A list of names some of which mark their role in brackets (`A（牵头）、B、C`, `A、B（配合）`; a
 * 责任单位 cell, one name a paragraph): a mark is its own name's role only. The names with none are
 * the 责任单位: beside a marked lead they share the work (joint, F9); with no lead marked, one alone
 * is responsible (sole), several share it.
 */
function markedRoleList(body: string): string {
  if (LABEL.test(body)) return body;
  const names = splitTopLevel(body, new Set(['、', '，', ',', '\n']));
  const marked = names.filter((n) => MARKED_ROLE.test(n));
  const others = names.filter((n) => !MARKED_ROLE.test(n));
  if (!marked.length || !others.length || others.some((n) => !n || saysRole(n) || /[(（](?:牵头|负责|配合|协同|协办|协助|参与)[)）]/.test(n))) return body;
  const roleOf = (n: string) => (MARKED_ROLE.exec(n)![1] === '牵头' ? '牵头' : '配合');
  const withRole = (role: string) => marked.filter((n) => roleOf(n) === role).map((n) => n.replace(MARKED_ROLE, ''));
  const [leads, helpers] = [withRole('牵头'), withRole('配合')];
  const parts = [
    ...(leads.length ? [`${leads.join('、')}牵头`] : []),
    `${others.join('、')}${leads.length || others.length > 1 ? '按职责分工负责' : '负责'}`,
    ...(helpers.length ? [`${helpers.join('、')}配合`] : []),
  ];
  return parts.join('，');
}

/** Blanks after a role word where a copy lost the comma (`办公室牵头 各科室配合`, `人事处牵头 年底前完成`): they end the part. */
const ROLE_THEN_BLANK = new Gated(/(牵头|负责|配合|落实|协办|协助|协同|参与|抓总|负总责|主责)[ \t\u3000]+(?=[^\s,，;；、])/g, ' \t\u3000');

/**
 * A role word after 由 with what is done after it, ending a part (`行政处罚决定由A负责公开`, `由A牵头组织实施`): the role
 * word says the role. (Without 由, `A负责公开` opening an item is a sentence whose subject is A: see subject-clause.ts.)
 */
const ROLE_THEN_ACTION = new Gated(/(由[^,，;；由]*?(?:负责|牵头))(?:组织实施|公开|发布|办理|实施|报送|审核)(?=$|[,，;；])/g, '由');

/** The words with the commas a copy lost after a role word put back (see ROLE_THEN_BLANK). */
export function withLostCommas(words: string): string {
  return ROLE_THEN_BLANK.replace(words, '$1，');
}

function parseClause(clause: string): ParsedClause {
  let body = markedRoleList(SENTENCE_OPENING.replace(labelsApart(unwrapClause(toSimplified(clause))), ''));
  body = BRACKETED_ROLE.replace(body, '$1');
  body = ROLE_THEN_LIST.replace(body, '$1，');
  body = ROLE_THEN_BLANK.replace(body, '$1，');
  body = ROLE_THEN_ACTION.replace(body, '$1');
  if (!body) return { ok: false, reason: '责任分工为空' };
  // Clauses each with the words they cover, when there are several (a single clause is read as it is).
  const clauses = splitTopLevel(body, new Set(['；']));
  const covered = clauses.length > 1 ? clauses.map((p) => COVERED_CLAUSE.exec(p)) : [];
  if (covered.length > 1 && covered.every((m) => m)) return coveredClauses(covered.map((m) => ({ scope: m![1]!, clause: m![2]! })));
  const groups: Pending[] = [];
  const deadlines: string[] = [];
  // `；` ends a clause of its own: names before it never take a role word after it (see below).
  const parts = splitTopLevel(body, CLAUSE_SEPARATORS).flatMap((clause, segment) => splitTopLevel(clause, PART_SEPARATORS).map((words) => ({ words, segment })));
  // After a people label (联系人：王某，027-…), the parts with no label or role word of their own are its words.
  let people = false;
  for (const { words: part, segment } of parts) {
    if (!part) continue;
    const labelled = LABEL.exec(part);
    if (labelled || saysRole(part)) people = !!labelled && !roleOfLabel(labelled[1]!) && isPeopleLabel(labelled[1]!);
    if (people) continue;
    // Deadline words, alone or with what is done by then (`2024年6月底前完成平台对接`).
    if (isDeadlineWords(part) || opensWithDeadline(part)) {
      deadlines.push(part);
      continue;
    }
    const label = LABEL.exec(part);
    if (label && roleOfLabel(label[1]!) === 'deadline') {
      deadlines.push(label[2]!.trim());
      continue;
    }
    const parsed = parsePart(part);
    if (typeof parsed === 'string') return { ok: false, reason: parsed };
    // After a label, parts with no role word of their own belong to it:
    // `责任单位:A、B,各县政府` (`,` between groups inside one label).
    const previous = groups[groups.length - 1];
    for (const p of parsed) {
      if (!p.role && !label && previous?.labelled) groups.push({ ...p, role: previous.role!, labelled: true, segment });
      else groups.push({ ...p, segment });
    }
  }
  if (!groups.length) return { ok: false, reason: '责任分工中没有部门' };

  // Names without a role word take the role of the next part that has one:
  // `A牵头,B、C,D配合` — all three cooperate.
  // Not across a `；`: `A；B配合` (an item's own bare name, then a standing rule's clause) is A's own task.
  const unsure: string[] = [];
  let next: PartRole | undefined;
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (groups[i + 1]?.segment !== group.segment) next = undefined;
    if (group.role) next = group.role;
    else if (next) group.role = next;
  }
  resolveHeads(groups);
  const hasLead = groups.some((g) => g.role === 'lead');
  // Overseeing bodies help those who answer for the work: with none such, the words are no clause.
  if (groups.some((g) => g.role === 'oversee') && !groups.some((g) => g.role && g.role !== 'oversee' && g.role !== 'cooperate')) return { ok: false, reason: '只写了统筹、指导一类的分工，没有写谁负责' };
  const assignments: Assignment[] = [];
  for (const [index, group] of groups.entries()) {
    let role: Role;
    if (!group.role) {
      // A clause of names alone (`规划财务司`, `A、B`): sole for one, joint for several.
      // After parts with role words, a trailing name list is ambiguous: kept as joint, marked unsure.
      const unnamed = groups.filter((g) => !g.role && g.segment === group.segment).flatMap((g) => g.names);
      role = unnamed.length > 1 ? 'joint' : 'sole';
      if (groups.slice(0, index).some((g) => g.role)) unsure.push(...group.names);
    } else if (overseeing(group.role)) role = 'cooperate';
    // (Never left after resolveHeads: the body's own task, as 负总责 alone is.)
    else if (group.role === 'whole') role = 'sole';
    else if (group.role === 'responsible') role = hasLead || group.names.length > 1 || groups.filter((g) => g.role === 'responsible').length > 1 ? 'joint' : 'sole';
    // 负责 beside a lead, or for several names, is each responsible for its part.
    // (A scoped part's role was read within its scope: another scope's lead does not make it joint.)
    else if (group.role === 'sole' && !group.scope && (group.names.length > 1 || hasLead)) role = 'joint';
    // `A负责，B落实`: A's task, B each doing its part (one body alone is sole only once).
    else if (group.role === 'sole' && !group.scope && assignments.some((a) => a.role === 'sole' && !a.scope)) role = 'joint';
    else role = group.role;
    for (const name of group.names) {
      const problem = checkName(name);
      if (problem) return { ok: false, reason: problem };
      // A name written twice with the same role (`A、B、A按职责分工负责`) is one assignment.
      if (assignments.some((a) => a.name === name && a.role === role && a.scope === group.scope)) continue;
      if (!looksLikeName(name) && !unsure.includes(name)) unsure.push(name);
      assignments.push(group.scope ? { name, role, scope: group.scope } : { name, role });
    }
  }
  return { ok: true, assignments, ...(deadlines.length ? { deadlineText: deadlines.join('，') } : {}), unsure };
}

/** Each clause read on its own, its names scoped to the words it covers. */
function coveredClauses(parts: { scope: string; clause: string }[]): ParsedClause {
  const assignments: Assignment[] = [];
  const unsure: string[] = [];
  const deadlines: string[] = [];
  for (const { scope, clause } of parts) {
    const parsed = parseClause(clause);
    if (!parsed.ok) return parsed;
    for (const a of parsed.assignments) assignments.push({ ...a, scope: a.scope ?? scope });
    unsure.push(...parsed.unsure);
    if (parsed.deadlineText) deadlines.push(parsed.deadlineText);
  }
  return { ok: true, assignments, ...(deadlines.length ? { deadlineText: deadlines.join('，') } : {}), unsure };
}
