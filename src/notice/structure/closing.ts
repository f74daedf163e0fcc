import { splitClause } from '../clause/bracket-groups.js';
import { findClause } from '../clause/find-clause.js';
import { namesThenDeadline, readsAsClause } from '../clause/reads-as.js';
import { toSimplified } from '../clause/traditional.js';
import { isDeadlineWords, lastCommaPart } from '../clause/deadline.js';
import { foldWidth, joinLines } from '../text.js';
import { labelLines } from './label-lines.js';
import { isGroupName, looksLikeName } from '../clause/names.js';
import { splitTopLevel } from '../clause/split-names.js';

/**
 * The end of a plan after its last item (F2 + F10): an unnumbered closing
 * paragraph — a closing remark, a signature and its date — that follows the
 * last item's clause. It is not the item's: read into it, its words became
 * the item's clause or deadline.
 */

/** Words that end with a bracketed clause `(…牵头)` `〔…〕` (names alone too, a deadline after them or not), a full stop after it or not. */
function endsWithClause(words: string): boolean {
  const found = splitClause(toSimplified(words));
  return !!found && (readsAsClause(found.clause) || namesThenDeadline(found.clause));
}

/** How many line ends and bracket ends of the last item are looked at. */
const MAX_TRIES = 20;

/** The words without a deadline part after their clause (`…(A牵头)，11月上旬。` → `…(A牵头)`). */
function withoutDeadlinePart(words: string): string {
  const last = lastCommaPart(words);
  return last && isDeadlineWords(toSimplified(last.words)) ? words.slice(0, last.comma) : words;
}

/** A line that ends with its clause, bracketed or not (`…及时发布。县甲局牵头，县乙局配合。`), its deadline after it or not. */
function lineEndsWithClause(line: string): boolean {
  if (endsWithClause(line) || endsWithClause(withoutDeadlinePart(line))) return true;
  const found = findClause(joinLines(line));
  return !!found?.clause && !found.doubt && toSimplified(joinLines(line)).replace(/[。；;\s]+$/u, '').endsWith(toSimplified(found.clause));
}

/** A date as a closing paragraph or a signature carries one: 2023年3月1日, 2023年11月底, 二〇二三年三月一日. */
const DATED = /\d{4}\s*年\s*\d{1,2}\s*月|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月/;
/** Words that carry such a date, in full-width digits (２０１９年１月) too. */
const isDated = (words: string) => DATED.test(foldWidth(words));

/** Modal words after which a sentence's subject is who is told to act: 要, 应, 须, 务必, 请 (均要, 都应). */
const MODAL = /均|都|务必|要|应|须|请/;

/**
 * Words addressed to the plan's bodies (`各X、Y各部门要…`, `各有关单位请…`): the notice speaking to all its
 * recipients, which no item does after its own clause. Every subject word (split at 、 outside brackets, so
 * `各县（市、区）政府` is one) must look like a name, and one must be a group, so `有关负责同志要…` or a
 * task (`推进…要…`) is not taken for an address.
 */
function addressesBodies(words: string): boolean {
  const trimmed = words.trimStart();
  const modal = MODAL.exec(trimmed);
  if (!modal || modal.index < 2 || modal.index > 80) return false;
  const subject = trimmed.slice(0, modal.index).trim();
  if (/[，,。；;:：\n]/.test(subject)) return false;
  const names = splitTopLevel(subject, new Set(['、']));
  return names.every(looksLikeName) && names.some(isGroupName);
}

/** Bracketed words at the end that say a role (`(A牵头)`), not only a name (`(报送至某某办)`). */
function endsWithRoleClause(words: string): boolean {
  const found = splitClause(toSimplified(words));
  return !!found && readsAsClause(found.clause);
}

/**
 * Where a closing paragraph starts in the last item's words, if one follows its clause:
 * on the lines after the line its bracket clause ends, or — in a copy flattened
 * into one line — after the clause and a blank, when those words carry a date.
 * Words with a clause or labels of their own (several clauses to a paragraph, label lines) are the item's.
 */
export function closingStart(content: string): number | undefined {
  const isClosing = (rest: string) => {
    if (!rest.trim()) return false;
    // Label lines (牵头单位:… 完成时限:…) are the item's.
    const labelled = labelLines(rest);
    if (labelled.clause || labelled.dueText) return false;
    // A paragraph with a clause of its own is the item's (F3) — unless it addresses the plan's bodies and
    // its brackets only name where to report (`…报送市某某办（市政府办公室）`).
    return !endsWithClause(rest) || (addressesBodies(rest) && !endsWithRoleClause(rest));
  };
  // Label lines end the item's words (`完成时限：长期坚持`); a paragraph after the last one that is no label,
  // a sentence or a signature with its date, is the closing (not the deadline's words).
  const afterLabels = closingAfterLabelLines(content);
  if (afterLabels !== undefined) return afterLabels;
  // A budget: the item's clause ends within its first lines and first bracket groups (import stays linear).
  let tries = 0;
  for (let nl = content.indexOf('\n'); nl >= 0 && tries++ < MAX_TRIES; nl = content.indexOf('\n', nl + 1)) {
    const line = content.slice(0, nl);
    if (!line.trim() || !lineEndsWithClause(line)) continue;
    if (isClosing(content.slice(nl))) return nl + 1;
  }
  // Flattened onto one line: `…(A牵头)。 各单位要…。 某某办公室 2023年3月1日`, or glued to the clause
  // (`…(A牵头)。各区政府、市政府各部门要于…前报送…`) when the words after it address the plan's bodies.
  const bracketEnd = /(?:[)）〕][。；;.]?|[。；;])[ \t\u3000]*(?=\S)/g;
  tries = 0;
  for (let m = bracketEnd.exec(content); m && tries++ < MAX_TRIES; m = bracketEnd.exec(content)) {
    const rest = content.slice(m.index + m[0].length);
    const spaced = m[0].trimEnd().length < m[0].length;
    if (!(spaced && isDated(rest)) && !addressesBodies(rest)) continue;
    if (!lineEndsWithClause(content.slice(0, m.index + m[0].trimEnd().length))) continue;
    if (isClosing(rest)) return m.index + m[0].length;
  }
  return undefined;
}

/** Where the words after the last label line start, when they read as a closing (a sentence, or a dated signature). */
function closingAfterLabelLines(content: string): number | undefined {
  const lines = content.split('\n');
  const isLabelLine = (line: string) => {
    const labelled = labelLines(line.trim());
    return !labelled.text && !!(labelled.clause || labelled.dueText);
  };
  let last = -1;
  for (let i = 0; i < lines.length && i < MAX_TRIES * 2; i++) if (isLabelLine(lines[i]!)) last = i;
  if (last < 0 || last === lines.length - 1 || /[、,，]\s*$/.test(lines[last]!)) return undefined;
  const rest = lines.slice(last + 1).join('\n');
  if (!rest.trim() || !(/[。！!]/.test(rest) || isDated(rest) || addressesBodies(rest))) return undefined;
  return lines.slice(0, last + 1).join('\n').length + 1;
}
