import { opensWithDeadline } from './deadline.js';
import { unwrapClause } from './grammar.js';

/**
 * Bracket groups in an item's words: the trailing `(…)` or `〔…〕` that holds its clause, the top-level groups of a
 * paragraph, and whether a group stands where a clause stands (set off by a stop, the end, or a space).
 */

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

export const OPEN_BRACKETS = '(（〔[【';
export const CLOSE_BRACKETS = ')）〕]】';
const codesOf = (chars: string) => Array.from(chars, (ch) => ch.charCodeAt(0));
export const OPEN_CODES = codesOf(OPEN_BRACKETS);
export const CLOSE_CODES = codesOf(CLOSE_BRACKETS);
/** 。;； — what ends a sentence (。 first: past the end of the words counts as one). */
export const STOP_CODES = codesOf('。;；');
/** Where a clause may stand on its own: after a full stop or semicolon, before one, at the end, or set off by a space. */
const STOP = /[。;；!！?？|]/;

/** Top-level bracket groups `(…)` `〔…〕` of the words, as [start, end) with their inner words. */
export function topLevelBrackets(words: string): { start: number; end: number; inner: string }[] {
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
function neighbour(words: string, at: number, step: 1 | -1): { ch: string; blank: boolean; at: number } {
  let i = at;
  let blank = false;
  while (i >= 0 && i < words.length && /\s/.test(words[i]!)) {
    blank = true;
    i += step;
  }
  return { ch: words[i] ?? '', blank, at: i };
}

/**
 * A stop at a position: 。;；!？…, or a full stop typed as `.` or `．` (an ASCII or full-width keyboard's), unless it
 * stands between digits (1.5万, ２．０版).
 */
function stopAt(words: string, at: number): boolean {
  const ch = words[at] ?? '';
  if (STOP.test(ch)) return true;
  if (ch !== '.' && ch !== '．') return false;
  const digit = (i: number) => /[0-9０-９]/.test(words[i] ?? '');
  return !(digit(at - 1) && digit(at + 1));
}

/** A bracket group that stands as a clause: set off by a stop, the end, or a space. */
export function standsAlone(words: string, start: number, end: number, bare: boolean): boolean {
  const before = neighbour(words, start - 1, -1);
  const after = neighbour(words, end, 1);
  if (after.ch === '' || stopAt(words, after.at) || stopAt(words, before.at)) return true;
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
