import { parseResponsibility } from './grammar.js';
import { endsPastText, gluedNameCut, type KnownNames } from './glued-name.js';
import { looksLikeName, opensLikeTask } from './names.js';
import { readsAsClause, standsAsName } from './reads-as.js';
import { splitTopLevel } from './split-names.js';
import { CLOSE_BRACKETS, OPEN_BRACKETS } from './bracket-groups.js';

/**
 * Where a clause with no stop before it starts in the words (`…，扩大参与县发改委牵头`, `…等信息A处牵头`, `…目录区司法局`):
 * where its first name starts when the text's end may be glued on, by the clause's own names, a list's 、, or a name
 * the notice knows.
 */

/**
 * Where the first name of an unbracketed clause starts when nothing but a comma
 * (or nothing) stands between it and the text: `…，扩大参与县发改委牵头，县司法局配合`.
 */
export function firstNameStart(reading: string, clauseStart: number, knownNames: KnownNames, listed = 0): { at: number; sure: boolean; nameEnd: number; others: string[] } {
  const clause = reading.slice(clauseStart);
  const firstPart = splitTopLevel(clause, new Set([',', '，', ';', '；']))[0] ?? '';
  const parsed = parseResponsibility(clause);
  const sure = { at: clauseStart, sure: true, nameEnd: clauseStart, others: [] };
  // `由A牵头`, `规章由A牵头`: the name starts after 由, never glued to the text.
  if (!parsed.ok || !parsed.assignments.length || /由/.test(firstPart)) return sure;
  const first = parsed.assignments[0]!.name;
  if (!clause.startsWith(first)) return sure;
  const others = parsed.assignments.slice(1).map((a) => a.name);
  // After a comma, a short name that neither opens like a task nor has a level word inside (…参与县X局) is the part's whole start.
  const afterComma = /[,，]\s*$/.test(reading.slice(0, clauseStart));
  const cut = afterComma && standsAsName(first) ? { at: 0, sure: true } : gluedNameCut(first, others, knownNames);
  // `规范某某专区、办事指南县甲局牵头`: words that open like a task are the text's list, the names start after them.
  // Only when the text runs on into the next words (they too are cut, after the text's end): else the first words may be a name.
  if (!cut.sure && listed < MAX_LIST && opensLikeTask(first) && clause[first.length] === '、' && readsAsClause(clause.slice(first.length + 1))) {
    const next = clauseStart + first.length + 1;
    const after = firstNameStart(reading, next, knownNames, listed + 1);
    if (after.sure && after.at > next) return after;
  }
  // Names of the clause's later parts are sure; the first part's other names may be glued to a list of the text's.
  const firstParsed = parseResponsibility(firstPart);
  const inFirst = new Set(firstParsed.ok ? firstParsed.assignments.map((a) => a.name) : []);
  return { at: clauseStart + cut.at, sure: cut.sure, nameEnd: clauseStart + first.length, others: others.filter((n) => !inFirst.has(n) && looksLikeName(n)) };
}

/**
 * Where a list of names begins in words whose start is a list of the text's
 * (`公开A、B、县甲局、县乙局牵头`): after the first 、 from which the rest reads as a clause.
 */
export function nameListStart(tail: string): number {
  let depth = 0;
  // A budget: a clause's list is short; a paragraph of thousands of 、 is not read as one (and stays linear).
  for (let i = 0, lists = 0; i < tail.length && lists < MAX_LIST; i++) {
    const ch = tail[i]!;
    if (OPEN_BRACKETS.includes(ch)) depth++;
    else if (CLOSE_BRACKETS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && ch === '、' && (lists++, readsAsClause(tail.slice(i + 1)))) return i + 1;
  }
  return -1;
}

/** How many 、 of a text's list are tried before a clause: lists in task words are short. */
export const MAX_LIST = 12;

/** `…等信息A处牵头`: the longest known name that ends right before the role word. */
export function knownNameCut(tail: string, knownNames: KnownNames): number {
  const role = /(分别牵头|牵头落实|牵头负责|牵头|负责落实|分别负责|负责|配合)$/.exec(tail);
  if (!role) return -1;
  const before = tail.slice(0, role.index);
  let best = -1;
  for (const name of knownNames) if (name.length >= 2 && before.endsWith(name) && (best < 0 || before.length - name.length < best)) best = before.length - name.length;
  // A character between the text's end and the known name may start a longer name: no sure cut.
  return best >= 0 && endsPastText(before.slice(0, best), knownNames.textEnds) ? -1 : best;
}

/** Words after which a body's name is what the task is done to or with (报送市政府办公室), not who does it. */
export const TAKES_A_BODY = /(报送|上报|报|送|交|提交|向|给|至|到|经|与|和|及|同|请|由|对|在|从|把|将|会同|协调|督促|指导|联系|通知|告知|抄送|配合|协助)$/;

/** Where a known name with no role word ends the words (`…目录区司法局`): its start, or -1. */
export function knownBareNameCut(tail: string, knownNames: KnownNames): number {
  let best = -1;
  for (const name of knownNames) if (name.length >= 2 && tail.length - name.length >= 2 && tail.endsWith(name) && (best < 0 || tail.length - name.length < best)) best = tail.length - name.length;
  if (best < 0) return -1;
  const before = tail.slice(0, best);
  return TAKES_A_BODY.test(before) || endsPastText(before, knownNames.textEnds) ? -1 : best;
}
