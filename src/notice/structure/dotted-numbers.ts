import type { Marker } from './markers.js';

/**
 * Multi-level decimal numbering (DOMAIN.md F10): `1.1 1.2 2.1` under `一、` or `1.` headings, `1.1.1`
 * where the items stand a level deeper, `１．１` folded, `1.1、`. The deepest numbered entries are the
 * items. The same digits are numbers in a sentence (1.5万元, 2.0版, 2024.1.1), so such a marker is an
 * item only at a line's start (or after a stop in a flattened copy) and inside its sequence: the next
 * of its group (same parents), or the first of a group whose next entry follows it.
 */

/** Quantity and date words a number runs on into (1.5万, 3.2倍, 2.0版, 1.1日): never a marker. */
const NUMBER_WORD = '[%‰万亿倍元版年月日个]';
/** One component: at most two digits; a marker ends where no digit, no `.digit` and no quantity word follows. */
const END = String.raw`(?!\d|\.\d|${NUMBER_WORD})(?:、|\.(?!\d)|[ \t]+)?`;
/** Regex sources for N.M and N.M.K (folded text), deepest last. */
export const DOTTED_NUMBER = [String.raw`\d{1,2}\.\d{1,2}${END}`, String.raw`\d{1,2}\.\d{1,2}\.\d{1,2}${END}`] as const;

/** The marker's own label: its digits without the separator after them (1.1、 → 1.1). */
export function dottedLabel(raw: string): string {
  return raw.replace(/[、.\s]+$/, '');
}

/** Its number within its group: the last component (2.3 → 3). */
export function dottedValue(raw: string): number {
  const label = dottedLabel(raw);
  return Number(label.slice(label.lastIndexOf('.') + 1));
}

/** Its parents: all but the last component (1.2.3 → 1.2). */
export function dottedParents(raw: string): string {
  const label = dottedLabel(raw);
  return label.slice(0, label.lastIndexOf('.'));
}

/** The parents of the next group: the last parent component one more (1 → 2, 1.2 → 1.3). */
function nextParents(parents: string): string {
  const dot = parents.lastIndexOf('.');
  return parents.slice(0, dot + 1) + String(Number(parents.slice(dot + 1)) + 1);
}

/** Where each level's dotted sequence stands in the walk of numbered-items.ts. */
export interface DottedState {
  seen: readonly boolean[];
  expected: readonly number[];
  restart: readonly boolean[];
  /** Parents of the last dotted marker taken at each level. */
  parents: string[];
  flattened: boolean;
  /** The last marker taken as an item or heading. */
  last: Marker | undefined;
}

/** A separator or blank after the number: `1.2 公开…`, `1.2、` (a number in a sentence runs on: `1.2小时`). */
const SET_OFF = /[、.\s]$/;

/**
 * A dotted marker opens an entry at a line's start (in a flattened copy, after a stop) where what stands
 * before it ends a sentence, the number is set off from its words, or the line before is a heading's
 * (`一、…` then `1.1公开…`), or it is the first entry of all. A line wrapped mid-sentence (…压缩至 / 1.2小时以内) goes on with a number.
 */
function opensEntry(m: Marker, state: DottedState): boolean {
  if (!m.atLineStart && !(state.flattened && m.afterBreak)) return false;
  if (m.afterBreak || SET_OFF.test(m.raw)) return true;
  // Before the first entry only the title and preamble stand: the sequence's next entry decides.
  const heading = state.last;
  return !heading || (heading.level < m.level && heading.start >= m.lineBeforeStart);
}

/** Whether the dotted marker `markers[index]` is an item here. */
export function dottedIsItem(markers: readonly Marker[], index: number, state: DottedState): boolean {
  const m = markers[index]!;
  const L = m.level;
  if (!opensEntry(m, state)) return false;
  const parents = dottedParents(m.raw);
  const last = state.parents[L];
  if (state.seen[L] && !state.restart[L] && parents === last && m.value === state.expected[L]) return true;
  if (m.value !== 1) return false;
  // A new group: under a new heading, or the next parents after the last group's.
  if (state.seen[L] && (state.restart[L] || parents === nextParents(last ?? ''))) return true;
  // The first group: the next dotted marker of its level must follow it.
  for (let at = index + 1; at < markers.length; at++) {
    const later = markers[at]!;
    if (!later.kind.dotted || later.level !== L || later.start === m.start) continue;
    if (!later.atLineStart && !(state.flattened && later.afterBreak)) continue;
    if (!later.afterBreak && !SET_OFF.test(later.raw)) continue;
    const laterParents = dottedParents(later.raw);
    return (laterParents === parents && later.value === 2) || (laterParents === nextParents(parents) && later.value === 1);
  }
  return false;
}
