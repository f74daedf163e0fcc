import { normalizeDepartmentName } from '../../model/department-name.js';
import type { Assignment, Role } from '../../model/role.js';
import { isDeadlineWords, opensWithDeadline } from './deadline.js';
import { looksLikeName, opensLikeTask } from './names.js';
import { GLUED_PEOPLE_LABEL, isPeopleLabel } from './people-labels.js';
import { toSimplified } from './traditional.js';
import { remembered } from '../remembered.js';
import { overseeing, resolveHeads, roleSuffix, type PartRole } from './role-words.js';

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


/** A role word in brackets after a name (`A（牵头）、B（配合）`): says a role as the word itself does. */
const ROLE_MARK = /[(（](?:牵头|负责|配合|协同|协办|协助|参与)[)）]/;

/** A part that says a role: ends in a role word, or has 由 / 会同 / a label before its names (or 为 a label), or is `A会B办理`, or marks a name's role in brackets. */
export function saysRole(part: string): boolean {
  const suffix = roleSuffix(part);
  return (!!suffix && !overseeing(suffix.role)) || ROLE_MARK.test(part) || /由|会同/.test(part) || LABEL.test(part) || LABEL_WITH_WEI.test(part) || consultsIn(part) !== undefined;
}

/** `B、C指导`: bodies with a verb of overseeing, which joins a clause only beside a part that says who answers for the work. */
export function oversees(part: string): boolean {
  const suffix = roleSuffix(part);
  if (!suffix || !overseeing(suffix.role)) return false;
  const body = part.slice(0, -suffix.word.length).trim();
  return !!body && !opensLikeTask(body) && splitTopLevel(body, NAME_SEPARATORS).every((n) => looksLikeName(normalizeDepartmentName(n)));
}

/** `A处会B室办理` (A leads in consultation with B): the two names, when both look like names. */
function consultsIn(part: string): [string, string] | undefined {
  const consults = CONSULTS.exec(part);
  const consulted = consults ? consults[2]!.replace(ACTION_AT_END, '') : '';
  return consults && looksLikeName(consults[1]!) && consulted && looksLikeName(consulted) ? [consults[1]!, consulted] : undefined;
}

/** Labels of label lines and table columns. 责任单位 beside a lead is joint, alone sole (one name) or joint (several). */
export const ROLE_LABELS: readonly [RegExp, Role | 'responsible' | 'deadline'][] = [
  // 主办 alone is a web page's footer (主办：某某办公室), not a label of a plan.
  [/^(牵头(单位|部门|处室|科室|司局)?|主办(单位|部门|处室|科室|司局))$/, 'lead'],
  [/^((责任|主责|承办|实施)(单位|部门|处室|科室|司局)|责任主体|责任)$/, 'responsible'],
  [/^(配合|协办|参与|协作|协同)(单位|部门|处室|科室|司局)?$/, 'cooperate'],
  [/^(完成时限|完成时间|时间要求|时限要求|时限|进度安排|时间进度|时间节点|完成期限)$/, 'deadline'],
];

/** `牵头单位:…` at the start of a part. */
const LABEL = /^([\u4e00-\u9fa5]{2,6})\s*[:：]\s*([\s\S]*)$/;

export function roleOfLabel(label: string): Role | 'responsible' | 'deadline' | undefined {
  return ROLE_LABELS.find(([pattern]) => pattern.test(label))?.[1];
}

const OPEN = new Set(['(', '（', '〔', '[', '【']);
const CLOSE = new Set([')', '）', '〕', ']', '】']);

/** OPEN and CLOSE by code unit: 1 opens, 2 closes (every bracket is one code unit). */
const BRACKET_CODES = (() => {
  const table = new Uint8Array(0x10000);
  for (const ch of OPEN) table[ch.charCodeAt(0)] = 1;
  for (const ch of CLOSE) table[ch.charCodeAt(0)] = 2;
  return table;
})();

/**
 * Splits on any of `separators` that stands outside parentheses. By code unit, not by one-character strings and
 * Set lookups: the importer splits every part, cell and clause it tries, and this loop was its largest cost.
 */
export function splitTopLevel(text: string, separators: ReadonlySet<string>): string[] {
  // The separators as code units (a longer string never equals one character of the text).
  const codes: number[] = [];
  for (const separator of separators) if (separator.length === 1) codes.push(separator.charCodeAt(0));
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const bracket = BRACKET_CODES[code];
    if (bracket === 1) depth++;
    else if (bracket === 2) depth = Math.max(0, depth - 1);
    else if (depth === 0 && codes.includes(code)) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

const PART_SEPARATORS = new Set([',', '，']);
const CLAUSE_SEPARATORS = new Set([';', '；']);
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

/**
 * `各区、县（市）政府`, `各市（县）、区人民政府`: the governments of each level named, one group
 * (各区政府 and 各县(市)政府 alike). The level before the 、 may name its alternatives in brackets.
 */
const LEVEL = '[省市县区乡镇街州旗盟]';
const EACH_LEVEL = new RegExp(`^各${LEVEL}{1,2}(?:[(（]${LEVEL}{1,2}(?:、${LEVEL}{1,2})*[)）])?$`);
const LEVEL_GOVERNMENT = new RegExp(`^(?:${LEVEL}|街道){1,2}(?:[(（][^)）]*[)）])?(?:人民)?政府$`);

/** A body's name ends so (处, 室, 局 …, 中心, 政府, 妇联, 团委): what may stand before 会 in `A处会B室`, or before 和/与 joining two names. */
const BODY_END = '[处室司局科厅办部院馆组站队所心府联委]';
/**
 * `A处与B室`, `A处和B室` (…共同负责): two bodies, split only where the words before 和/与 end as a body's name
 * does — 和 inside one name (住房和城乡建设局, 人力资源和社会保障局, 基层政权建设和社区治理司) follows a plain word.
 */
const AND_BETWEEN_BODIES = new RegExp(`(?<=${BODY_END})(?:与|和)`);

/** `A、B及C等` → [A, B, C]: 及 (and 和/与 after a body's name) splits only between two names, 等 closing a list is dropped. */
function splitNames(text: string): string[] {
  const names: string[] = [];
  const segments = splitTopLevel(text, NAME_SEPARATORS);
  for (let i = 0; i + 1 < segments.length; i++) {
    if (EACH_LEVEL.test(segments[i]!.trim()) && LEVEL_GOVERNMENT.test(segments[i + 1]!.trim())) segments.splice(i, 2, `${segments[i]!.trim()}、${segments[i + 1]!.trim()}`);
  }
  for (const segment of segments) {
    const pieces = segment.split(/以及|及/).flatMap((piece) => {
      const joined = piece.split(AND_BETWEEN_BODIES);
      return joined.length > 1 && joined.every((p) => looksLikeName(p.trim())) ? joined : [piece];
    });
    if (pieces.length > 1 && pieces.every((p) => looksLikeName(p.trim().replace(/等$/, '')))) names.push(...pieces.map((p) => p.trim()));
    else names.push(segment);
  }
  return names.map((n) => normalizeDepartmentName(n).replace(/等$/, ''));
}

/** What is done together after the names of `A会同B…`, `A会B…`: 组织实施, 共同推进, 办理 — not a name's end. */
const ACTION = '(?:共同)?(?:组织)?(?:落实|负责|推进|办理|实施|开展)?';
const ACTION_AT_END = new RegExp(`${ACTION}$`);
/** `B会同落实`: 会同 with nobody named after it, only what is done. */
const WITH_THE_OTHERS = new RegExp(`^(.+?)会同${ACTION}$`);
/** `A会同B落实`, `A牵头会同B组织实施`, `A协同B落实` (协同 only between two bodies' names: 某省协同创新中心 is one). */
const TOGETHER = new RegExp(`^(.*?)(会同|协同)(.+?)${ACTION}$`);

/** The ending of a body's name before the 会 of `A处会B室` (会 belongs to the name in 委员会, 常委会, 协会 …). */
const BEFORE_HUI = '[处室司局科厅办部院馆组站队所心]';
/** `A处会B室`: A leads in consultation with B. */
const CONSULTS = new RegExp(`^(.+?${BEFORE_HUI})会(?!同)(.+)$`);
/** 会 between two names anywhere in words (`…，A处会B室办理`), not in 会议, 会商, 会计 …: a role word too. */
export const CONSULT_WORD = new RegExp(`${BEFORE_HUI}会(?!同|议|商|签|审|计|展|员|见|场|谈)`);

type Pending = { names: string[]; role?: PartRole; scope?: string; /** the role came from a label, not a word */ labelled?: boolean; /** which `；`-separated clause it is in */ segment?: number };

function namesPart(text: string, role: PartRole | undefined): Pending {
  return { names: splitNames(text), ...(role ? { role } : {}) };
}

/** A label said with 为: `A为责任单位` (1 names, 2 label) or `责任单位为A` (3 label, 4 names). */
const LABEL_WITH_WEI = /^(?:(.+?)为((?:牵头|责任|主责|配合|协办|协同)(?:单位|部门|处室|科室))|((?:牵头|责任|主责|配合|协办|协同)(?:单位|部门|处室|科室))为(.+))$/;

/** `X由A牵头` / `X由A负责`: A holds the role for the scope X. */
const SCOPED = /^(.+?)由(.+)$/;

/**
 * One part → names with their role (undefined when the part has no role word:
 * it takes its label's role, or the next part's). A label's value is itself
 * read with this grammar: `牵头单位:规章由A牵头` and `责任单位:B按职责分工负责` are one form.
 */
function parsePart(part: string): Pending[] | string {
  const label = LABEL.exec(part);
  if (label) {
    const role = roleOfLabel(label[1]!);
    // 联系人：…, 责任领导：…: people, no body (see parseClause for the parts after them).
    if (!role && isPeopleLabel(label[1]!)) return [];
    if (!role) return `无法识别标签「${label[1]}」`;
    if (role === 'deadline') return [];
    const value = label[2]!.replace(/[。;；]$/, '').trim();
    // `责任部门:A牵头、B`: A leads, B holds the label's role.
    const segments = splitTopLevel(value, NAME_SEPARATORS);
    if (segments.length > 1 && segments.some((seg) => roleSuffix(seg)) && !segments.every((seg) => roleSuffix(seg)) && !roleSuffix(value)) {
      return segments.map((seg) => {
        const own = roleSuffix(seg);
        return own ? namesPart(seg.slice(0, -own.word.length), own.role) : { ...namesPart(seg, role), labelled: true };
      });
    }
    const inner = parsePart(value);
    if (typeof inner === 'string') return inner;
    return inner.map((p) => (p.role ? p : { ...p, role, labelled: true }));
  }
  // `A为责任单位`, `责任单位为A`: a label said with 为.
  const isLabel = LABEL_WITH_WEI.exec(part);
  if (isLabel) return parsePart(`${isLabel[2] ?? isLabel[3]}：${isLabel[1] ?? isLabel[4]}`);
  // A part that opens with 由 (`…，由A牵头落实`) is read without it.
  const opened = part.replace(/^由(?=[^由]+$)/, '');
  if (opened !== part) return parsePart(opened);
  // `会同B落实` after `A牵头,`; `A牵头会同B落实` in one part. With no role word, `由A会同B办理` is A's with B
  // cooperating, as `A负责，B配合` is (sole; 牵头 is never implied). `A会B` is the older form, read as a lead (see CONSULTS).
  // `…牵头，B会同落实`: 会同 with only what is done after it — B works with the lead (cooperates).
  const withOthers = WITH_THE_OTHERS.exec(part);
  if (withOthers) return [namesPart(withOthers[1]!, 'cooperate')];
  // One rule for the family (会同, 协同): A keeps its own role word (牵头), else the work is A's (sole, as the exams'
  // labels read 由A会同B负责/落实/办理), B cooperates. `A会B` is the older 主办/会办 form: A leads (CONSULTS).
  const together = TOGETHER.exec(part);
  const leading = together?.[1] ? roleSuffix(together[1]) : undefined;
  const first = together?.[1] && leading ? together[1].slice(0, -leading.word.length) : together?.[1];
  const bodies = (words: string) => words.length > 1 && splitNames(words).every(looksLikeName);
  const firstIsBody = !first || (looksLikeName(first) && !/[省市县区州镇乡村]$/.test(first));
  if (together && (together[2] === '会同' || (firstIsBody && bodies(together[3]!)))) {
    const cooperating = namesPart(together[3]!, 'cooperate');
    if (!first) return [cooperating];
    return [namesPart(first, leading?.role ?? 'sole'), cooperating];
  }
  const suffix = roleSuffix(part);
  const body = (suffix ? part.slice(0, -suffix.word.length) : part).trim();
  // `加强对各县政府指导`: task words ending in a verb of overseeing, not a body that oversees.
  if (suffix && overseeing(suffix.role) && opensLikeTask(body)) return `无法识别「${part}」`;
  // 规划由甲司牵头、标准由乙司牵头: each segment carries its own 由…牵头 (or 负责).
  if (suffix && SCOPED.test(part)) {
    const scoped: Pending[] = [];
    // A piece opens with its scope (…由…); names after 、 without 由 belong to the piece before: `Z由D、E负责`.
    const pieces: string[] = [];
    for (const segment of splitTopLevel(part, NAME_SEPARATORS)) {
      if (pieces.length && !/由/.test(segment)) pieces[pieces.length - 1] += `、${segment}`;
      else pieces.push(segment);
    }
    for (const piece of pieces) {
      const match = SCOPED.exec(piece);
      const pieceRole = roleSuffix(piece);
      if (!match || !pieceRole) return `无法识别范围分工「${piece}」`;
      const names = splitNames(match[2]!.slice(0, match[2]!.length - pieceRole.word.length));
      // Each scoped part is read on its own: `Z由D负责` is D's alone (sole), `Z由D、E负责` joint.
      const role = pieceRole.role === 'sole' && names.length > 1 ? 'joint' : pieceRole.role;
      for (const name of names) scoped.push({ names: [name], role, scope: match[1]!.trim() });
    }
    return scoped;
  }
  const consults = (!suffix || suffix.role === 'sole') && consultsIn(body);
  if (consults) return [namesPart(consults[0], 'lead'), namesPart(consults[1], 'cooperate')];
  return [namesPart(body, suffix?.role)];
}

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
const SENTENCE_OPENING = /^(?:(?:此项|本项|该项|以上|上述|本部分|以下|本节)(?:各项)?(?:工作|任务)?|工作)?由(?![^,，;；]*?由)/;

/**
 * Parses a responsibility clause (`甲处牵头,乙中心配合`) into assignments.
 * Traditional script is read as Simplified (牽頭 is 牵头). Returns the reason when it cannot.
 * The result is shared between calls with the same clause: do not change it.
 */
export const parseResponsibility: (clause: string) => ParsedClause = remembered((clause) => parseClause(clause));

/** A role word in brackets after a name, `A（牵头）`: the role word itself. */
const BRACKETED_ROLE = /[(（](牵头|负责|配合|协同|协办|协助|参与)[)）]/g;
/**
 * A role word followed by 、 and names with a role word of their own (`A牵头、B配合`): the 、
 * separates parts, as a comma does. (`A（牵头）、B` under a label keeps B in the label: see parsePart.)
 */
const ROLE_THEN_LIST = /(牵头|负责|配合|协同|协办|协助|参与|抓总|负总责|主责|统筹(?:协调|推进)?)、(?=[^,，;；]*(?:牵头|负责|配合|协同|协办|协助|参与|落实))/g;

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
const ROLE_THEN_BLANK = /(牵头|负责|配合|落实|协办|协助|协同|参与|抓总|负总责|主责)[ \t\u3000]+(?=[^\s,，;；、])/g;

/**
 * A role word after 由 with what is done after it, ending a part (`行政处罚决定由A负责公开`, `由A牵头组织实施`): the role
 * word says the role. (Without 由, `A负责公开` opening an item is a sentence whose subject is A: see find-clause's subjectClause.)
 */
const ROLE_THEN_ACTION = /(由[^,，;；由]*?(?:负责|牵头))(?:组织实施|公开|发布|办理|实施|报送|审核)(?=$|[,，;；])/g;

/** A label after blanks inside a clause (`牵头单位：A　联系人：王某`): the blanks separate parts, as `；` does. */
const BLANK_THEN_LABEL = /[ \t\u3000]+(?=([\u4e00-\u9fa5]{2,6})\s*[:：])/g;

/** Labels set apart: a people label glued to the name before it, or after blanks, starts a part of its own. */
function labelsApart(words: string): string {
  return words.replace(GLUED_PEOPLE_LABEL, '；$1：').replace(BLANK_THEN_LABEL, (blank, label: string) => (roleOfLabel(label) || isPeopleLabel(label) ? '；' : blank));
}

/** The words with the commas a copy lost after a role word put back (see ROLE_THEN_BLANK). */
export function withLostCommas(words: string): string {
  return words.replace(ROLE_THEN_BLANK, '$1，');
}

function parseClause(clause: string): ParsedClause {
  const body = markedRoleList(labelsApart(unwrapClause(toSimplified(clause))).replace(SENTENCE_OPENING, ''))
    .replace(BRACKETED_ROLE, '$1')
    .replace(ROLE_THEN_LIST, '$1，')
    .replace(ROLE_THEN_BLANK, '$1，')
    .replace(ROLE_THEN_ACTION, '$1');
  if (!body) return { ok: false, reason: '责任分工为空' };
  const covered = splitTopLevel(body, new Set(['；'])).map((p) => COVERED_CLAUSE.exec(p));
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
