import { normalizeDepartmentName } from '../../model/department-name.js';
import type { Assignment, Role } from '../../model/role.js';
import { isDeadlineWords } from './deadline.js';
import { looksLikeName } from './names.js';
import { toSimplified } from './traditional.js';

/**
 * The responsibility-clause grammar (DOMAIN.md, "The responsibility clause"),
 * shared by `import` and by validate's CLAUSE_MISMATCH check.
 *
 * A clause is parts separated by `,` `;`; a part is names joined by `、` (or 及)
 * and a role word (牵头, 配合, 按职责分工负责 …), or a label (牵头单位:…), or
 * deadline words (2021年6月底前完成), which are returned apart and never become names.
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

/** Role words at the end of a part, longest first so 按职责分工负责 wins over 负责. */
const ROLE_SUFFIXES: readonly [string, Role][] = [
  ['按职责分工负责', 'joint'],
  ['按职责分工落实', 'joint'],
  ['按职责分别负责', 'joint'],
  ['按职责分别落实', 'joint'],
  ['按职责负责', 'joint'],
  ['按职责落实', 'joint'],
  ['分别负责', 'joint'],
  ['分别落实', 'joint'],
  ['共同负责', 'joint'],
  ['共同落实', 'joint'],
  ['分别牵头', 'lead'],
  ['牵头负责', 'lead'],
  ['牵头落实', 'lead'],
  ['牵头', 'lead'],
  ['配合落实', 'cooperate'],
  ['配合', 'cooperate'],
  ['协助', 'cooperate'],
  ['协办', 'cooperate'],
  ['参与', 'cooperate'],
  ['负责落实', 'sole'],
  ['负责', 'sole'],
];

/** Labels of label lines and table columns. 责任单位 beside a lead is joint, alone sole (one name) or joint (several). */
export const ROLE_LABELS: readonly [RegExp, Role | 'responsible' | 'deadline'][] = [
  [/^(牵头|主办)(单位|部门|处室|科室|司局)$/, 'lead'],
  [/^((责任|主责|承办|实施)(单位|部门|处室|科室|司局)|责任主体)$/, 'responsible'],
  [/^(配合|协办|参与|协作|协同)(单位|部门|处室|科室|司局)$/, 'cooperate'],
  [/^(完成时限|完成时间|时间要求|时限要求|时限|进度安排|时间进度|时间节点|完成期限)$/, 'deadline'],
];

/** `牵头单位:…` at the start of a part. */
const LABEL = /^([\u4e00-\u9fa5]{2,6})\s*[:：]\s*([\s\S]*)$/;

export function roleOfLabel(label: string): Role | 'responsible' | 'deadline' | undefined {
  return ROLE_LABELS.find(([pattern]) => pattern.test(label))?.[1];
}

const OPEN = new Set(['(', '（', '〔', '[', '【']);
const CLOSE = new Set([')', '）', '〕', ']', '】']);

/** Splits on any of `separators` that stands outside parentheses. */
export function splitTopLevel(text: string, separators: ReadonlySet<string>): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.has(ch)) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

const PART_SEPARATORS = new Set([',', '，', ';', '；']);
const NAME_SEPARATORS = new Set(['、']);

function checkName(name: string): string | undefined {
  if (!name) return '有空的部门名称';
  if (/由|牵头|配合|负责/.test(name)) return `无法识别「${name}」`;
  let depth = 0;
  for (const ch of name) {
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch) && --depth < 0) break;
  }
  if (depth !== 0) return `「${name}」的括号不配对`;
  if ([...name].length > 40) return `「${name}」太长，不像部门名称`;
  return undefined;
}

/** `A、B及C等` → [A, B, C]: 及 splits only between two names, 等 closing a list is dropped. */
function splitNames(text: string): string[] {
  const names: string[] = [];
  for (const segment of splitTopLevel(text, NAME_SEPARATORS)) {
    const pieces = segment.split(/以及|及/);
    if (pieces.length > 1 && pieces.every((p) => looksLikeName(p.trim().replace(/等$/, '')))) names.push(...pieces.map((p) => p.trim()));
    else names.push(segment);
  }
  return names.map((n) => normalizeDepartmentName(n).replace(/等$/, ''));
}

/** `宣传处会办公室`: A leads in consultation with B. 会 belongs to the name in 委员会, 常委会, 协会 … */
const CONSULTS = /^(.+?[处室司局科厅办部院馆组站队所心])会(?!同)(.+)$/;

type Pending = { names: string[]; role?: Role | 'responsible'; scope?: string };

function namesPart(text: string, role: Role | 'responsible' | undefined): Pending {
  return { names: splitNames(text), ...(role ? { role } : {}) };
}

/** One part → names with their role (undefined when the part has no role word: it takes the next part's). */
function parsePart(part: string): Pending[] | string {
  const label = LABEL.exec(part);
  if (label) {
    const role = roleOfLabel(label[1]!);
    if (!role) return `无法识别标签「${label[1]}」`;
    if (role === 'deadline') return [];
    return [namesPart(label[2]!.replace(/[。;；]$/, ''), role)];
  }
  const together = /^(.+?)会同(.+?)(?:落实|负责|推进|办理|实施|开展)?$/.exec(part);
  if (together) return [namesPart(together[1]!, 'lead'), namesPart(together[2]!, 'cooperate')];
  const suffix = ROLE_SUFFIXES.find(([word]) => part.endsWith(word));
  const body = (suffix ? part.slice(0, -suffix[0].length) : part).trim();
  // 规章由政策法规司牵头、规范性文件由制发司(局)牵头: each segment carries its own 由…牵头.
  if (suffix?.[1] === 'lead' && part.includes('由')) {
    const scoped: Pending[] = [];
    for (const piece of splitTopLevel(part, NAME_SEPARATORS)) {
      const match = /^(.+?)由(.+?)牵头(?:负责|落实)?$/.exec(piece);
      if (!match) return `无法识别范围牵头「${piece}」`;
      scoped.push({ names: [normalizeDepartmentName(match[2]!)], role: 'lead', scope: match[1]!.trim() });
    }
    return scoped;
  }
  const consults = (!suffix || suffix[1] === 'sole') && CONSULTS.exec(body);
  if (consults && looksLikeName(consults[1]!) && looksLikeName(consults[2]!)) {
    return [namesPart(consults[1]!, 'lead'), namesPart(consults[2]!, 'cooperate')];
  }
  return [namesPart(body, suffix?.[1])];
}

/** Strips the brackets around a clause: (…), （…）, 〔…〕. */
export function unwrapClause(clause: string): string {
  const trimmed = clause.trim().replace(/[。.]$/, '');
  const match = /^[(（〔]([\s\S]*)[)）〕]$/.exec(trimmed);
  return (match ? match[1]! : trimmed).trim();
}

/** `此项工作由A负责,B配合` → `A负责,B配合`. */
const SENTENCE_OPENING = /^(?:(?:此项|本项|该项|以上|上述)?工作)?由(?![^,，;；]*?由)/;

/**
 * Parses a responsibility clause (`政策法规司牵头,信息中心配合`) into assignments.
 * Traditional script is read as Simplified (牽頭 is 牵头). Returns the reason when it cannot.
 * The result is shared between calls with the same clause: do not change it.
 */
export function parseResponsibility(clause: string): ParsedClause {
  let parsed = parsedClauses.get(clause);
  if (!parsed) {
    // Plans repeat their clauses (办公厅牵头,各有关司局配合) hundreds of times: read each once.
    if (parsedClauses.size >= 50_000) parsedClauses.clear();
    parsed = parseClause(clause);
    parsedClauses.set(clause, parsed);
  }
  return parsed;
}

/** Parsed clauses are shared: callers read them, never change them. */
const parsedClauses = new Map<string, ParsedClause>();

function parseClause(clause: string): ParsedClause {
  const body = unwrapClause(toSimplified(clause)).replace(SENTENCE_OPENING, '');
  if (!body) return { ok: false, reason: '责任分工为空' };
  const groups: Pending[] = [];
  const deadlines: string[] = [];
  for (const part of splitTopLevel(body, PART_SEPARATORS)) {
    if (!part) continue;
    if (isDeadlineWords(part)) {
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
    groups.push(...parsed);
  }
  if (!groups.length) return { ok: false, reason: '责任分工中没有部门' };

  // Names without a role word take the role of the next part that has one:
  // `办公室牵头,各有关处室、民服中心,省信息中心运维九部配合` — all three cooperate.
  const unsure: string[] = [];
  let next: Role | 'responsible' | undefined;
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group.role) next = group.role;
    else if (next) group.role = next;
  }
  const anyRole = groups.some((g) => g.role);
  const hasLead = groups.some((g) => g.role === 'lead');
  const unnamed = groups.filter((g) => !g.role).flatMap((g) => g.names);
  const assignments: Assignment[] = [];
  for (const group of groups) {
    let role: Role;
    if (!group.role) {
      // A clause of names alone (`规划财务司`, `A、B`): sole for one, joint for several.
      // After parts with role words, a trailing name list is ambiguous: kept as joint, marked unsure.
      role = unnamed.length > 1 ? 'joint' : 'sole';
      if (anyRole) unsure.push(...group.names);
    } else if (group.role === 'responsible') role = hasLead || group.names.length > 1 ? 'joint' : 'sole';
    // 负责 beside a lead, or for several names, is each responsible for its part.
    else if (group.role === 'sole' && (group.names.length > 1 || hasLead)) role = 'joint';
    else role = group.role;
    for (const name of group.names) {
      const problem = checkName(name);
      if (problem) return { ok: false, reason: problem };
      if (!looksLikeName(name) && !unsure.includes(name)) unsure.push(name);
      assignments.push(group.scope ? { name, role, scope: group.scope } : { name, role });
    }
  }
  return { ok: true, assignments, ...(deadlines.length ? { deadlineText: deadlines.join('，') } : {}), unsure };
}
