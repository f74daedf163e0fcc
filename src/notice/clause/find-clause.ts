import { normalizeDepartmentName } from '../../model/department-name.js';
import { CONSULT_WORD, oversees, parseResponsibility, saysRole, splitTopLevel, unwrapClause, withLostCommas } from './grammar.js';
import { endsPastText, gluedNameCut, type KnownNames } from './glued-name.js';
import { isGroupName, looksLikeName, opensLikeTask } from './names.js';
import { toSimplified } from './traditional.js';
import { isDeadlineWords, opensWithDeadline } from './deadline.js';
import { remembered } from '../remembered.js';

/** Where a unit's clause was found in its words. */
export interface FoundClause {
  /** The unit's words without the clause (when the clause ended them). */
  text: string;
  /** The clause(s), verbatim, without brackets; several joined with `；`. */
  clause: string;
  /** Why the clause's place is uncertain (glued to the text): the unit is flagged. */
  doubt?: string;
  /** Names read for sure in a clause whose start was not (those after its glued first name): they help cut other clauses. */
  sureNames?: string[];
}

const OPENERS: Record<string, string> = { ')': '(', '）': '（', '〕': '〔' };

/** Splits an item's text from its trailing responsibility clause `(…)` or `〔…〕` (also before a final 。). */
export function splitClause(segment: string): { text: string; clause: string } | undefined {
  const trimmed = segment.replace(/[\s|。;；]+$/u, '');
  const last = trimmed[trimmed.length - 1];
  if (!last || !OPENERS[last]) return undefined;
  const closers = new Set([last]);
  const openers = new Set([OPENERS[last]]);
  // Also count the other width of round brackets: web copies mix （ and ).
  if (last === ')' || last === '）') {
    ['(', '（'].forEach((c) => openers.add(c));
    [')', '）'].forEach((c) => closers.add(c));
  }
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const ch = trimmed[i]!;
    if (closers.has(ch)) depth++;
    else if (openers.has(ch) && --depth === 0) {
      return { text: trimmed.slice(0, i).trim(), clause: unwrapClause(trimmed.slice(i)) };
    }
  }
  return undefined;
}

const ROLE_WORD = /牵头|负责|负总责|主责|抓总|配合|落实|协办|协助|协同|参与|会同|主办|为(?:牵头|责任|主责)(?:单位|部门)|(?:责任|牵头|主责)(?:单位|部门)为/;

/** A role word ending the words: where a glued clause's role stands. */
const ROLE_WORD_AT_END = /(牵头|负责|主责|配合|落实|协办|协助|协同|参与)$/;

/** A clause that reads fully: every name looks like a name, and at least one role word or label. */
export const readsAsClause: (words: string) => boolean = remembered((words) => readsWholeAsClause(words), { longest: 400 });

function readsWholeAsClause(words: string): boolean {
  const reading = withLostCommas(toSimplified(words));
  if (!ROLE_WORD.test(reading) && !/单位[:：]/.test(reading) && !CONSULT_WORD.test(reading)) return false;
  // A role word must say a role (end a part, or 由/会同/a label): `落实某某专区` is text, not a clause.
  if (!splitTopLevel(reading, new Set([',', '，', ';', '；'])).some((part) => saysRole(part))) return false;
  const parsed = parseResponsibility(words);
  return parsed.ok && parsed.unsure.length === 0;
}

/**
 * A clause with no brackets at the end of the words: after the last full stop
 * (`…及时公开。甲处牵头,各有关科室配合`), as a sentence (`此项工作由…负责,…配合。`),
 * or glued to the text (`…等信息A处牵头,…配合`): then the first name is cut
 * off the text only where a known name fits, else the unit is flagged.
 */
function unbracketed(words: string, knownNames: KnownNames): FoundClause | undefined {
  const body = words.replace(/[\s。;；]+$/u, '');
  const reading = toSimplified(body).length === body.length ? toSimplified(body) : body;
  // Top-level parts of the words, as [start, end) offsets.
  const bounds: [number, number][] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < reading.length; i++) {
    const ch = reading[i]!;
    if ('(（〔[【'.includes(ch)) depth++;
    else if (')）〕]】'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && ',，;；'.includes(ch)) {
      bounds.push([start, i]);
      start = i + 1;
    }
  }
  bounds.push([start, reading.length]);
  let clauseStart = -1;
  // Parts taken into the clause, first first; a list of names alone takes a role only after a part with one.
  const accepted: { from: number; nameOnly: boolean }[] = [];
  // The clause starts after a stop or at a known name; else its first name may have the text's end glued on.
  let startSure = false;
  let doubt: string | undefined;
  // Deadline parts after the clause (`…，A负责，B配合，6月底前完成`) are the clause's: its grammar reads them as the deadline.
  let deadlineParts = 0;
  for (let i = bounds.length - 1; i >= 0; i--) {
    const [from, to] = bounds[i]!;
    const part = reading.slice(from, to);
    const notLast = i < bounds.length - deadlineParts - 1;
    const sentence = part.lastIndexOf('。');
    if (clauseStart < 0 && i > 0 && sentence < 0 && isDeadlineWords(part.trim())) {
      deadlineParts++;
      continue;
    }
    // A part of names alone joins the clause, unless it opens like a task (`规范某某专区`, `公开某某通报`): that is the text's end.
    // So does a part of bodies that oversee (`，B全程监督`): the clause must still name who answers for the work (checked below).
    if (sentence < 0 && (readsAsClause(part) || oversees(part.trim()) || (notLast && clauseStart >= 0 && isNameList(part) && !opensLikeTaskWords(part.trim())))) {
      clauseStart = from;
      startSure = false;
      accepted.unshift({ from, nameOnly: !readsAsClause(part) });
      continue;
    }
    // The text runs into this part: the clause starts after its full stop, or at a known name.
    const tailFrom = sentence >= 0 ? from + sentence + 1 : from;
    const tail = reading.slice(tailFrom, to);
    // (Also a part of bodies that oversee or coordinate, `。A统筹，B具体落实`: what it is, the clause's grammar decides.)
    if (sentence >= 0 && tail.trim() && (readsAsClause(tail) || (clauseStart >= 0 && oversees(tail.trim())) || (notLast && clauseStart >= 0 && isNameList(tail.trim())))) {
      clauseStart = tailFrom;
      startSure = true;
    } else if (ROLE_WORD_AT_END.test(tail)) {
      const list = nameListStart(tail);
      const cut = list >= 0 ? -1 : knownNameCut(tail, knownNames);
      if (list >= 0) {
        // `…指南、办事指南县A局、县B局牵头`: the names start after a 、 of the text's; the first may still be glued.
        clauseStart = tailFrom + list;
        startSure = false;
      } else if (cut >= 0) {
        clauseStart = tailFrom + cut;
        startSure = true;
      } else {
        // A name glued to the text where the notice's names show how names start (`…全流程公开区公共资源交易中心负责`, most names 区…).
        const nameWords = tail.replace(ROLE_WORD_AT_END, '');
        const glued = clauseStart < 0 && nameWords ? gluedNameCut(nameWords, [], knownNames) : undefined;
        if (glued?.sure && glued.at > 0 && readsAsClause(tail.slice(glued.at))) {
          clauseStart = tailFrom + glued.at;
          startSure = true;
        } else if (clauseStart >= 0 || readsAsRoleTail(tail)) doubt = `责任分工与正文连在一起（「…${tail.slice(-16)}」），无法确定从哪里开始`;
      }
    } else if (deadlineParts > 0 && clauseStart < 0) {
      // `…目录区司法局，4月上旬前完成`: a body named elsewhere in the notice, glued to the text's end, before the deadline.
      const cut = knownBareNameCut(tail, knownNames);
      if (cut > 0) return { text: body.slice(0, tailFrom + cut).trim(), clause: body.slice(tailFrom + cut).trim() };
    }
    break;
  }
  // `…，推进某某专区，A牵头，…`: words that only look like names (…专区) before the first role are text.
  if (!startSure && accepted.length > 1 && accepted[0]!.nameOnly) {
    while (accepted.length > 1 && accepted[0]!.nameOnly) accepted.shift();
    clauseStart = accepted[0]!.from;
  }
  if (clauseStart < 0) return doubt ? { text: body, clause: '', doubt } : undefined;
  if (!readsAsClause(body.slice(clauseStart).trim())) return doubt ? { text: body, clause: '', doubt } : undefined;
  if (!startSure) {
    const glued = firstNameStart(reading, clauseStart, knownNames);
    if (!glued.sure) return { text: body, clause: '', doubt: `责任分工与正文连在一起（「…${reading.slice(Math.max(clauseStart, glued.nameEnd - 16), glued.nameEnd)}」），无法确定部门名称从哪里开始`, sureNames: glued.others };
    clauseStart = glued.at;
  }
  const clause = body.slice(clauseStart).trim();
  if (!readsAsClause(clause)) return doubt ? { text: body, clause: '', doubt } : undefined;
  return { text: body.slice(0, clauseStart).replace(/[,，;；\s]+$/u, '').trim(), clause, ...(doubt ? { doubt } : {}) };
}

/**
 * Where the first name of an unbracketed clause starts when nothing but a comma
 * (or nothing) stands between it and the text: `…，扩大参与县发改委牵头，县司法局配合`.
 */
function firstNameStart(reading: string, clauseStart: number, knownNames: KnownNames, listed = 0): { at: number; sure: boolean; nameEnd: number; others: string[] } {
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

/** Words that open like a task's (推进…, 在…设置…, 公开…通报, 编制…年报): never a body's name, whatever their ending. */
export function opensLikeTaskWords(words: string): boolean {
  return opensLikeTask(words) || TEXT_OPENING.test(words);
}

/** Verbs that open a task's words but no body's name (公开…信息, 编制…报告). */
const TEXT_OPENING = /^(公开|发布|编制|报送|印发|更新|公布|制定|修订|建立|开展|推行|实行|主动|依法|及时|定期|围绕|聚焦|加大|组织开展)/;
/** A level word (县, 市 …) two or more characters in, starting a name: text may be glued in front of it. */
const INNER_LEVEL = /^.{2,}?[省市县区州盟旗镇乡].{2,}$/u;

/** Words short enough, and shaped, to be one body's name whole: 计划财务处, not 扩大参与县发改委. */
function standsAsName(words: string): boolean {
  return [...words].length <= 7 && looksLikeName(words) && !opensLikeTask(words) && !TEXT_OPENING.test(words) && !INNER_LEVEL.test(words);
}

export function isNameList(part: string): boolean {
  const names = splitTopLevel(part, new Set(['、']));
  return names.every((n) => looksLikeName(normalizeDepartmentName(n).replace(/等$/, '')));
}

/**
 * Where a list of names begins in words whose start is a list of the text's
 * (`公开A、B、县甲局、县乙局牵头`): after the first 、 from which the rest reads as a clause.
 */
function nameListStart(tail: string): number {
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
const MAX_LIST = 12;

/** `…等信息A处牵头`: the longest known name that ends right before the role word. */
function knownNameCut(tail: string, knownNames: KnownNames): number {
  const role = /(分别牵头|牵头落实|牵头负责|牵头|负责落实|分别负责|负责|配合)$/.exec(tail);
  if (!role) return -1;
  const before = tail.slice(0, role.index);
  let best = -1;
  for (const name of knownNames) if (name.length >= 2 && before.endsWith(name) && (best < 0 || before.length - name.length < best)) best = before.length - name.length;
  // A character between the text's end and the known name may start a longer name: no sure cut.
  return best >= 0 && endsPastText(before.slice(0, best), knownNames.textEnds) ? -1 : best;
}

/** Words after which a body's name is what the task is done to or with (报送市政府办公室), not who does it. */
const TAKES_A_BODY = /(报送|上报|报|送|交|提交|向|给|至|到|经|与|和|及|同|请|由|对|在|从|把|将|会同|协调|督促|指导|联系|通知|告知|抄送|配合|协助)$/;

/** Where a known name with no role word ends the words (`…目录区司法局`): its start, or -1. */
function knownBareNameCut(tail: string, knownNames: KnownNames): number {
  let best = -1;
  for (const name of knownNames) if (name.length >= 2 && tail.length - name.length >= 2 && tail.endsWith(name) && (best < 0 || tail.length - name.length < best)) best = tail.length - name.length;
  if (best < 0) return -1;
  const before = tail.slice(0, best);
  return TAKES_A_BODY.test(before) || endsPastText(before, knownNames.textEnds) ? -1 : best;
}

/** Ends in a role word after something name-like: worth a doubt rather than silence. */
function readsAsRoleTail(tail: string): boolean {
  return /[处室司局科厅办部院馆中心组委](分别)?(牵头|负责|配合)(落实)?$/.test(tail);
}

const OPEN_BRACKETS = '(（〔[【';
const CLOSE_BRACKETS = ')）〕]】';
const codesOf = (chars: string) => Array.from(chars, (ch) => ch.charCodeAt(0));
const OPEN_CODES = codesOf(OPEN_BRACKETS);
const CLOSE_CODES = codesOf(CLOSE_BRACKETS);
/** 。;； — what ends a sentence (。 first: past the end of the words counts as one). */
const STOP_CODES = codesOf('。;；');
/** Where a clause may stand on its own: after a full stop or semicolon, before one, at the end, or set off by a space. */
const STOP = /[。;；!！?？|]/;

interface Span {
  start: number;
  end: number;
  clause: string;
}

/** Top-level bracket groups `(…)` `〔…〕` of the words, as [start, end) with their inner words. */
function topLevelBrackets(words: string): { start: number; end: number; inner: string }[] {
  const out: { start: number; end: number; inner: string }[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < words.length; i++) {
    const code = words.charCodeAt(i);
    if (OPEN_CODES.includes(code)) {
      if (depth++ === 0) start = i;
    } else if (CLOSE_CODES.includes(code) && depth > 0 && --depth === 0) out.push({ start, end: i + 1, inner: words.slice(start + 1, i) });
  }
  return out;
}

/** The character next to a position, skipping blanks; '' at the edge. Reports whether a blank was skipped. */
function neighbour(words: string, at: number, step: 1 | -1): { ch: string; blank: boolean } {
  let i = at;
  let blank = false;
  while (i >= 0 && i < words.length && /\s/.test(words[i]!)) {
    blank = true;
    i += step;
  }
  return { ch: words[i] ?? '', blank };
}

/** A bracket group that stands as a clause: set off by a stop, the end, or a space. */
function standsAlone(words: string, start: number, end: number, bare: boolean): boolean {
  const before = neighbour(words, start - 1, -1);
  const after = neighbour(words, end, 1);
  if (after.ch === '' || STOP.test(after.ch) || STOP.test(before.ch)) return true;
  // A bare list of names needs a stop or a space after it: `学校(幼儿园)等` is not a clause; or a comma and the deadline alone (`(A处)，6月底前完成。`).
  if (bare) return after.blank || (/[,，—―]/.test(after.ch) && onlyDeadlineAfter(words, end));
  return after.blank || /[,，—―]/.test(after.ch);
}

/** The words from after the comma (or dash) at `end` to the next stop open with a deadline (`，次年1月底前公布…`, `——6月底前完成`). */
function onlyDeadlineAfter(words: string, end: number): boolean {
  const rest = words.slice(end).replace(/^\s*(?:[,，]|[—―]+)/, '');
  const stop = rest.search(/[。;；]/);
  return opensWithDeadline((stop < 0 ? rest : rest.slice(0, stop)).trim());
}

const HAS_ROLE = /牵头|负责|负总责|主责|抓总|落实|配合|会同|协同|协办|协助|参与|主办|按照?(?:职[责能]|分工)|单位\s*[:：为]|为(?:牵头|责任|主责)(?:单位|部门)/;

/**
 * Every clause of a paragraph (DOMAIN.md F1–F4): bracket groups that read as a
 * clause where a clause stands, sentences that are clauses (`此项工作由A负责,B配合。`,
 * `A牵头,B配合`), sentence tails `…，由A牵头落实`. Also how many bracket
 * groups with role words were NOT read, so a paragraph that says more than was read is flagged.
 */
function clauseSpans(words: string, knownNames: KnownNames): { spans: Span[]; unread: string[]; unsureSentences: string[] } {
  const reading = toSimplified(words).length === words.length ? toSimplified(words) : words;
  const spans: Span[] = [];
  const unread: string[] = [];
  // Doubts about a sentence's own clause before a semicolon: said, never dropped.
  const unsureSentences: string[] = [];
  for (const group of topLevelBrackets(reading)) {
    const inner = group.inner.trim();
    // `（A处会B室办理）`: 会 between two names is a role word too (grammar's CONSULTS).
    const roleWords = HAS_ROLE.test(inner) || CONSULT_WORD.test(inner);
    // Names alone, in one list or in several set off by commas (`（各庭室，院办公室）`), and after them
    // perhaps the deadline (`（医药服务管理处，长期坚持）`).
    const parts = splitTopLevel(inner, new Set([',', '，', ';', '；'])).map((part) => part.trim());
    let named = parts.length;
    while (named > 1 && isDeadlineWords(parts[named - 1]!)) named--;
    const bare = !roleWords && parts.slice(0, named).every((part) => isNameList(part)) && !/^[一二三四五六七八九十\d]+$/.test(inner);
    if ((roleWords && parseResponsibility(inner).ok && standsAlone(reading, group.start, group.end, false)) || (bare && standsAlone(reading, group.start, group.end, true))) {
      spans.push({ start: group.start, end: group.end, clause: words.slice(group.start + 1, group.end - 1).trim() });
    } else if (roleWords && /[处室司局科厅办部院馆心组委府](分别)?(牵头|负责|配合)/.test(inner)) unread.push(inner);
  }
  // Sentences (outside bracket clauses) that are clauses, or end in `，由A牵头`.
  let from = 0;
  const sentenceEnds: number[] = [];
  let depth = 0;
  // By code unit: this runs over every paragraph the importer reads, once per character.
  for (let i = 0; i <= reading.length; i++) {
    const code = i === reading.length ? STOP_CODES[0]! : reading.charCodeAt(i);
    if (OPEN_CODES.includes(code)) depth++;
    else if (CLOSE_CODES.includes(code)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (i === reading.length || STOP_CODES.includes(code))) sentenceEnds.push(i);
  }
  const bracketSpans = [...spans];
  for (const to of sentenceEnds) {
    let start = from;
    from = to + 1;
    // A bracket clause inside the sentence ends what it covers: the words after it are a sentence of their own.
    for (const s of bracketSpans) if (s.start < to && s.end > start) start = Math.max(start, s.end);
    if (start >= to) continue;
    const raw = reading.slice(start, to);
    const sentence = raw.trim();
    if (!sentence || !HAS_ROLE.test(sentence)) continue;
    const lead = start + raw.indexOf(sentence);
    // The clause may be the whole sentence but for its first parts of task words (`规范某某专区，A牵头`).
    const taskWords = taskPartsLength(sentence);
    const clauseWords = sentence.slice(taskWords).trimStart();
    const clauseFrom = lead + sentence.length - clauseWords.length;
    if (clauseWords && readsAsClause(clauseWords)) {
      // A clause that opens the words (no stop before it), or follows task words after a comma, may have the text glued to its first name.
      const glued = reading.slice(0, lead).trim() && !taskWords ? { at: clauseFrom, sure: true } : firstNameStart(reading, clauseFrom, knownNames);
      if (glued.sure) {
        spans.push({ start: glued.at, end: lead + sentence.length, clause: words.slice(glued.at, lead + sentence.length) });
        continue;
      }
    }
    const tail = sentenceClause(sentence);
    if (tail) spans.push({ start: lead + tail.start, end: lead + tail.end, clause: words.slice(lead + tail.start, lead + tail.end) });
    else if (to < reading.length && /[;；]/.test(reading[to] ?? '')) {
      // `…，A牵头落实；…，B牵头落实。`: a sentence before a semicolon that ends in its own clause (comma parts), surely cut.
      const own = unbracketed(sentence, knownNames);
      if (own?.clause && !own.doubt) {
        const at = lead + sentence.length - own.clause.length;
        if (reading.slice(at, lead + sentence.length) === toSimplified(own.clause) || words.slice(at, lead + sentence.length) === own.clause) spans.push({ start: at, end: lead + sentence.length, clause: words.slice(at, lead + sentence.length) });
      } else if (own?.doubt) unsureSentences.push(own.doubt);
    }
  }
  spans.sort((a, b) => a.start - b.start);
  return { spans, unread, unsureSentences };
}

/**
 * The length of a sentence's first comma parts that open like a task and say no role
 * (`规范某某专区，A牵头`): the text's, even when their ending looks like a name's.
 */
function taskPartsLength(sentence: string): number {
  let length = 0;
  for (const part of splitTopLevel(sentence, new Set([',', '，']))) {
    if (saysRole(part) || !opensLikeTaskWords(part.trim())) break;
    length += part.length + 1;
  }
  return length;
}

/**
 * `…，由A牵头，B、C配合` in a sentence (F4), also in the middle of it:
 * `…，此项工作由A负责，B配合，三季度完成制度修订` — the clause runs from 由 to the
 * last part that reads as one; the words after it (a deadline and what is done by then)
 * are the task's, so they may hold no role word.
 */
function sentenceClause(sentence: string): { start: number; end: number } | undefined {
  const opening = /(?:^|[,，])\s*((?:[此该本这]项(?:工作|任务)|并)?由)/g;
  for (let m = opening.exec(sentence); m; m = opening.exec(sentence)) {
    const start = m.index + m[0].length - m[1]!.length;
    const parts = splitTopLevel(sentence.slice(start), new Set([',', '，']));
    for (let n = parts.length; n >= 1; n--) {
      const rest = parts.slice(n).join('，');
      if (HAS_ROLE.test(rest)) break;
      const words = parts.slice(0, n).join('，');
      if (!readsAsClause(words)) continue;
      // The clause's own words, with the separators it had.
      let end = start;
      for (let depth = 0, seen = 0; end < sentence.length; end++) {
        const ch = sentence[end]!;
        if (OPEN_BRACKETS.includes(ch)) depth++;
        else if (CLOSE_BRACKETS.includes(ch)) depth = Math.max(0, depth - 1);
        else if (depth === 0 && (ch === ',' || ch === '，') && ++seen === n) break;
      }
      return { start, end };
    }
  }
  return undefined;
}

/**
 * The item's last sentence is a short list of names and nothing else (`…招投标信息。基建处。`):
 * a bare clause with its brackets lost (F3: names alone are responsible together).
 */
/** How a body's name ends (局, 委, 办, 中心 …). */
const BODY_NAME_END = /[处室司局科厅办部院馆站队所心委府会]$/;

/**
 * `推进义务教育信息公开区教育局。`: a body's name glued to the words' end with no role word, cut only where the notice's
 * names show for sure how names start (most of them 区…, or the name itself read elsewhere): that body answers
 * for the work alone. Never after words that take a body as their object (`报送区财政局`).
 */
function gluedBareName(words: string, knownNames: KnownNames): FoundClause | undefined {
  const body = words.replace(/[\s。;；]+$/u, '');
  if (!BODY_NAME_END.test(body) || /[。;；]/.test(body)) return undefined;
  const cut = gluedNameCut(body, [], knownNames);
  if (!cut.sure || cut.at < 4) return undefined;
  const before = body.slice(0, cut.at);
  if (TAKES_A_BODY.test(before) || /[,，、]$/.test(before) || !isNameList(body.slice(cut.at))) return undefined;
  return { text: before, clause: body.slice(cut.at) };
}

function bareNameSentence(words: string): FoundClause | undefined {
  const body = words.replace(/[\s。;；]+$/u, '');
  const stop = body.lastIndexOf('。');
  if (stop <= 0) return undefined;
  const tail = body.slice(stop + 1).trim();
  const names = splitTopLevel(toSimplified(tail), new Set(['、']));
  if (!tail || names.length > 6 || !names.every((n) => isGroupName(n) || standsAsName(n))) return undefined;
  return { text: body.slice(0, stop + 1), clause: tail };
}

/**
 * A clause before the task's words, set off by a colon: `由A牵头：公开…`,
 * `A牵头，B配合：公开…`, or in a lenticular bracket: `【A】公开…`, `【A牵头，B配合】公开…`.
 * The words before the colon (in the bracket) must read as a clause (or a list of names) whole.
 */
export function leadingClause(words: string): FoundClause | undefined {
  const m = /^\s*([^：:。；;()（）\n]{2,80}?)\s*[：:]\s*(\S[\s\S]*)$/.exec(words);
  if (m && readsAsClause(m[1]!.trim())) return { text: m[2]!.trim(), clause: m[1]!.trim() };
  // `【市财政局】做好…`, `【A牵头，B配合】…`: the bodies in a lenticular bracket before the task (a topic tag such as 【重点】 names no body).
  const tagged = /^\s*[【〖]([^【】〖〗\n]{2,80})[】〗]\s*(\S[\s\S]*)$/.exec(words);
  if (tagged && (readsAsClause(tagged[1]!.trim()) || isNameList(tagged[1]!.trim()))) return { text: tagged[2]!.trim(), clause: tagged[1]!.trim() };
  return undefined;
}

/**
 * `…公开——A牵头，B配合。`, `…公开 —— 由A负责`: a clause after a dash (——, —, ――, －－, --) ends the words, as
 * after a full stop; the dash is neither the task's nor the clause's. Only the last dash: one inside the task
 * (`“互联网+政务服务”——推进…`) stays the task's.
 */
export function dashedClause(words: string): FoundClause | undefined {
  const m = /^([\s\S]*[^\s—―－-])\s*(?:[—―]+|－{2,}|-{2,})\s*([^—―]+?)[\s。;；]*$/u.exec(words);
  const clause = m?.[2]!.trim();
  // Also a bare list of names (`…——市教育局，各县（市、区）人民政府`): all of them answer for the work, as in a bracket.
  if (!clause || !(readsAsClause(clause) || splitTopLevel(clause, COMMAS).every((part) => part && isNameList(part)))) return undefined;
  return { text: m![1]!.trim(), clause };
}

/** A scope's most characters: short enough to read as a label, within what the grammar reads back (COVERED_CLAUSE). */
const SCOPE_LENGTH = 24;
let words: Intl.Segmenter | undefined;

/**
 * The first words a clause covers, for its scope: the first phrase of its sentence, whole when it is short; a
 * longer one is cut where a word ends (never 利益相 of 利益相关方).
 */
function coveredWords(text: string): string {
  const opening = text.replace(/[〔〕]/g, '').replace(/^[\s。;；,，]+/, '').trim();
  const first = /^[^,，。;；:：]+/.exec(opening)?.[0] ?? opening;
  if ([...first].length <= SCOPE_LENGTH) return first;
  let cut = '';
  for (const { segment } of (words ??= new Intl.Segmenter('zh', { granularity: 'word' })).segment(first)) {
    if ([...cut].length + [...segment].length > SCOPE_LENGTH) break;
    cut += segment;
  }
  return cut || [...first].slice(0, SCOPE_LENGTH).join('');
}

/**
 * A role verb with the task as its object: `A会同B负责做好…`, `各单位分别负责本单位…`,
 * `各业务处按职责分工负责本处室…`. Group 1 the subject, 2 the verb. The object must not
 * make the verb part of a noun (负责人, 牵头单位, 负责的…).
 */
const SUBJECT_VERB = /^(.+?)((?:按照?|根据|依据)(?:各自)?职[责能](?:分工)?(?:分别)?负责|(?:分别|共同|具体)负责|牵头负责|负总责|负责|(?:分别)?牵头)(?!人|同志|的|任|制|单位|部门|处室|科室|司局|领导|机制|[,，。;；]|$)/;

/** A part that is a sentence's subject, its role verb and the task: the subject and verb (`各单位分别负责`), or undefined. */
function subjectWithVerb(part: string): string | undefined {
  const m = SUBJECT_VERB.exec(part.trim());
  if (!m || /^由|由/.test(m[1]!)) return undefined;
  const clause = `${m[1]}${m[2]}`;
  return readsAsClause(clause) ? clause : undefined;
}

/**
 * A clause said as a sentence's subject and verb, with the task as the object and no 由
 * (`…，A会同B负责做好某某工作，持续推进`; `A牵头，各单位分别负责本单位…，长期坚持`):
 * the subject's part, with the clause parts around it in its sentence and the deadline parts
 * after them. The words stay the item's whole text (the task is said in them).
 */
function subjectClause(words: string): FoundClause | undefined {
  const body = words.replace(/[\s。;；]+$/u, '');
  const reading = toSimplified(body).length === body.length ? toSimplified(body) : body;
  for (const sentence of splitTopLevel(reading, new Set(['。', ';', '；']))) {
    const parts = splitTopLevel(sentence, new Set([',', '，']));
    const at = parts.findIndex((p) => subjectWithVerb(p) !== undefined);
    if (at < 0) continue;
    let from = at;
    while (from > 0 && readsAsClause(parts[from - 1]!)) from--;
    const clause: string[] = parts.slice(from, at);
    let i = at;
    for (; i < parts.length; i++) {
      const own = readsAsClause(parts[i]!) ? parts[i]! : subjectWithVerb(parts[i]!);
      if (!own) break;
      clause.push(own);
    }
    for (; i < parts.length && isDeadlineWords(parts[i]!); i++) clause.push(parts[i]!);
    const joined = clause.join('，');
    if (readsAsClause(joined)) return { text: body, clause: joined };
  }
  return undefined;
}

/**
 * Finds a unit's responsibility clause in its words: every clause of the
 * paragraph (several → one clause string with each clause after the words it
 * covers), else an unbracketed clause at the end.
 */
/**
 * A sentence read whole as a clause leaves no task (`收到申请后20个工作日内答复，由A会同B办理`): the parts before the
 * first that says a role are the task's words (here also its deadline), not the clause's.
 */
function taskBeforeRoles(clause: string): { text: string; clause: string } {
  const parts = splitTopLevel(clause, COMMAS);
  const first = parts.findIndex((part) => saysRole(part.trim()) || /^由/.test(part.trim()));
  if (first <= 0) return { text: '', clause };
  // Where the first part with a role starts (after the parts before it, which are at least as long as their trimmed text).
  const at = clause.indexOf(parts[first]!, parts.slice(0, first).join('').length);
  return { text: clause.slice(0, at).replace(/[\s,，]+$/u, ''), clause: clause.slice(at).trim() };
}
const COMMAS = new Set([',', '，']);

export function findClause(words: string, knownNames: KnownNames = new Set()): FoundClause | undefined {
  const { spans, unread, unsureSentences } = clauseSpans(words, knownNames);
  const doubt = [unread.length ? `括号「${unread[0]}」像是责任分工，但没有读出` : '', ...unsureSentences].filter(Boolean).join('；') || undefined;
  const last = spans[spans.length - 1];
  const rest = last ? words.slice(last.end).replace(/^[\s。;；,，]+/u, '').trim() : words;
  // Words after the last clause: a clause glued to them, or words no clause covers.
  const loose = rest ? unbracketed(last ? rest : words, knownNames) : undefined;
  const all = [...spans];
  if (loose?.clause && !loose.doubt) all.push({ start: words.length - rest.length + loose.text.length, end: words.length, clause: loose.clause });
  if (!all.length) return loose ?? (doubt ? { text: words, clause: '', doubt } : (bareNameSentence(words) ?? subjectClause(words) ?? gluedBareName(words, knownNames)));
  const uncovered = loose?.clause && !loose.doubt ? '' : rest;
  const problems = [doubt, loose?.doubt, uncovered && all.length > 1 && [...uncovered].length >= 20 ? `最后一句「${[...uncovered].slice(0, 12).join('')}…」没有责任分工` : undefined].filter(Boolean);
  if (all.length === 1) {
    const only = all[0]!;
    const before = words.slice(0, only.start).replace(/[\s,，;；]+$/u, '').trim();
    const after = words.slice(only.end).trim();
    const text = /^[。;；.\s|]*$/.test(after) ? before : /^[,，]/.test(after) ? `${before}${after}` : `${before} ${after}`;
    const doubts = problems.length ? { doubt: problems.join('；') } : {};
    return { ...(text.trim() ? { text, clause: only.clause } : taskBeforeRoles(only.clause)), ...doubts };
  }
  let covered = 0;
  const parts = all.map((span) => {
    const scope = coveredWords(words.slice(covered, span.start));
    covered = span.end;
    return `${scope || '此前'}…〔${span.clause.replace(/[〔〕]/g, (b) => (b === '〔' ? '(' : ')'))}〕`;
  });
  return { text: words.replace(/\s+$/u, ''), clause: parts.join('；'), ...(problems.length ? { doubt: problems.join('；') } : {}) };
}
