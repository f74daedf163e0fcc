import type { KnownNames } from './glued-name.js';
import { saysRole } from './read-part.js';
import { splitTopLevel } from './split-names.js';
import { bareNameSentence, gluedBareName } from './bare-names.js';
import { clauseSpans } from './clause-spans.js';
import { COMMAS } from './set-off-clause.js';
import { subjectClause } from './subject-clause.js';
import { unbracketed } from './unbracketed-clause.js';
import type { FoundClause } from './found-clause.js';

/**
 * An item's responsibility clause, wherever it stands in the words: the clauses of the paragraph (clause-spans.ts),
 * one ending it without brackets (unbracketed-clause.ts), names alone (bare-names.ts), a sentence's subject
 * (subject-clause.ts). A clause set off before the task or after a dash is set-off-clause.ts's.
 */

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

/**
 * Finds a unit's responsibility clause in its words: every clause of the
 * paragraph (several → one clause string with each clause after the words it
 * covers), else an unbracketed clause at the end.
 */
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
    const text = /^[。;；.．\s|]*$/.test(after) ? before : /^[,，]/.test(after) ? `${before}${after}` : `${before} ${after}`;
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
