import type { KnownNames } from './glued-name.js';
import { parseResponsibility } from './grammar.js';
import { CONSULT_WORD, saysRole } from './read-part.js';
import { namesThenDeadline, opensLikeTaskWords, readsAsClause } from './reads-as.js';
import { splitTopLevel } from './split-names.js';
import { toSimplified } from './traditional.js';
import { CLOSE_BRACKETS, CLOSE_CODES, OPEN_BRACKETS, OPEN_CODES, STOP_CODES, standsAlone, topLevelBrackets } from './bracket-groups.js';
import { firstNameStart } from './clause-start.js';
import { unbracketed } from './unbracketed-clause.js';

interface Span {
  start: number;
  end: number;
  clause: string;
}

const HAS_ROLE = /牵头|负责|负总责|主责|抓总|落实|配合|会同|协同|协办|协助|参与|主办|按照?(?:职[责能]|分工)|单位\s*[:：为]|为(?:牵头|责任|主责)(?:单位|部门)/;

/**
 * Every clause of a paragraph (DOMAIN.md F1–F4): bracket groups that read as a
 * clause where a clause stands, sentences that are clauses (`此项工作由A负责,B配合。`,
 * `A牵头,B配合`), sentence tails `…，由A牵头落实`. Also how many bracket
 * groups with role words were NOT read, so a paragraph that says more than was read is flagged.
 */
export function clauseSpans(words: string, knownNames: KnownNames): { spans: Span[]; unread: string[]; unsureSentences: string[] } {
  const reading = toSimplified(words).length === words.length ? toSimplified(words) : words;
  const spans: Span[] = [];
  const unread: string[] = [];
  // Doubts about a sentence's own clause before a semicolon: said, never dropped.
  const unsureSentences: string[] = [];
  for (const group of topLevelBrackets(reading)) {
    const inner = group.inner.trim();
    // `（A处会B室办理）`: 会 between two names is a role word too (grammar's CONSULTS).
    const roleWords = HAS_ROLE.test(inner) || CONSULT_WORD.test(inner);
    const bare = !roleWords && namesThenDeadline(inner) && !/^[一二三四五六七八九十\d]+$/.test(inner);
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
