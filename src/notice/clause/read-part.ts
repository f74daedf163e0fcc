import { normalizeDepartmentName } from '../../model/department-name.js';
import { looksLikeName, opensLikeTask } from './names.js';
import { isPeopleLabel } from './people-labels.js';
import { LABEL, LABEL_WITH_WEI, roleOfLabel } from './labels.js';
import { overseeing, roleSuffix, type PartRole } from './role-words.js';
import { NAME_SEPARATORS, splitNames, splitTopLevel } from './split-names.js';
import { Gated } from '../text.js';

/**
 * One part of a clause (`A牵头`, `由A会同B办理`, `规划由甲司牵头`, `牵头单位:A`): whether it says a role, and its
 * names with the role it gives them. The clause grammar (grammar.ts) splits the clause into parts and reads them together.
 */

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

/** What is done together after the names of `A会同B…`, `A会B…`: 组织实施, 共同推进, 办理 — not a name's end. */
const ACTION = '(?:共同)?(?:组织)?(?:落实|负责|推进|办理|实施|开展)?';
const ACTION_AT_END = new RegExp(`${ACTION}$`);
/** `B会同落实`: 会同 with nobody named after it, only what is done. */
const WITH_THE_OTHERS = new Gated(new RegExp(`^(.+?)会同${ACTION}$`), ['会同']);
/** `A会同B落实`, `A牵头会同B组织实施`, `A协同B落实` (协同 only between two bodies' names: 某省协同创新中心 is one). */
const TOGETHER = new Gated(new RegExp(`^(.*?)(会同|协同)(.+?)${ACTION}$`), ['会同', '协同']);

/** The ending of a body's name before the 会 of `A处会B室` (会 belongs to the name in 委员会, 常委会, 协会 …). */
const BEFORE_HUI = '[处室司局科厅办部院馆组站队所心]';
/** `A处会B室`: A leads in consultation with B. */
const CONSULTS = new Gated(new RegExp(`^(.+?${BEFORE_HUI})会(?!同)(.+)$`), '会');
/** 会 between two names anywhere in words (`…，A处会B室办理`), not in 会议, 会商, 会计 …: a role word too. */
export const CONSULT_WORD = new RegExp(`${BEFORE_HUI}会(?!同|议|商|签|审|计|展|员|见|场|谈)`);

export type Pending = { names: string[]; role?: PartRole; scope?: string; /** the role came from a label, not a word */ labelled?: boolean; /** which `；`-separated clause it is in */ segment?: number };

function namesPart(text: string, role: PartRole | undefined): Pending {
  return { names: splitNames(text), ...(role ? { role } : {}) };
}

/** `X由A牵头` / `X由A负责`: A holds the role for the scope X. */
const SCOPED = /^(.+?)由(.+)$/;

/**
 * One part → names with their role (undefined when the part has no role word:
 * it takes its label's role, or the next part's). A label's value is itself
 * read with this grammar: `牵头单位:规章由A牵头` and `责任单位:B按职责分工负责` are one form.
 */
export function parsePart(part: string): Pending[] | string {
  const label = LABEL.exec(part);
  if (label) {
    const role = roleOfLabel(label[1]!);
    // 联系人：…, 责任领导：…: people, no body (see grammar's parseClause for the parts after them).
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
    // A piece opens with its scope (…由…); names after 、 without 由 belong to the piece before: `Z由D、E负责`. Words before
    // the first 由 without one are that scope's: `规章、规范性文件由A牵头` covers both.
    const pieces: string[] = [];
    let opening = '';
    for (const segment of splitTopLevel(part, NAME_SEPARATORS)) {
      if (pieces.length && !/由/.test(segment)) pieces[pieces.length - 1] += `、${segment}`;
      else if (!/由/.test(segment)) opening += `${segment}、`;
      else pieces.push(`${opening}${segment}`), (opening = '');
    }
    if (opening) return `无法识别范围分工「${part}」`;
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
