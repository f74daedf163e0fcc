import type { Marker } from './markers.js';

/**
 * Sub-points numbered 一是/二是/三是 (official prose: `一是全面公开…；二是…`). Where each point opens a
 * paragraph of its own under a heading, the points are the items (each with its clause and deadline) and
 * the heading is a heading. Inside one paragraph (`1.做好…。一是…；二是…（A牵头）`) they are the words of
 * that paragraph's item. In a copy flattened onto one line every paragraph's start was lost: there a point
 * opens an item where it stands after a full stop or right after its heading's title.
 */

/** Marks that end a sentence: a flattened copy's paragraphs end so (a point after `；` or `，` is in the sentence). */
const FULL_STOP = /[。！？!?]/;

/** A point's label as an item's number: 一是, 十二是. */
export function isPointLabel(number: string): boolean {
  return /^[一二三四五六七八九十]+是$/.test(number);
}

/** Where the point walk stands, from numbered-items.ts's walk. */
export interface PointState {
  seen: readonly boolean[];
  expected: readonly number[];
  restart: readonly boolean[];
  flattened: boolean;
  /** The last marker taken as an item or heading. */
  last: Marker | undefined;
  /** The text the markers were found in (folded). */
  folded: string;
}

/** The heading taken last stands right before the point: on the line before, or (flattened) its title then the point. */
function afterHeading(m: Marker, state: PointState): boolean {
  const heading = state.last;
  if (!heading || heading.level >= m.level) return false;
  // A line ending in a comma is a sentence wrapped onto the point's line (`1.做好…，` / `一是…；`), no heading.
  if (m.atLineStart) return heading.start >= m.lineBeforeStart && !/[，,、]/.test(m.markBefore);
  const title = state.folded.slice(heading.contentStart, m.start);
  return !/[。；;！!？?，,\n]/.test(title.trim()) && [...title.trim()].length <= 40;
}

/** The point opens a paragraph: at a line's start after a finished sentence or a heading's line; flattened, after a full stop or the heading's title. */
function opensParagraph(m: Marker, state: PointState): boolean {
  if (m.atLineStart) return m.afterBreak || afterHeading(m, state);
  return state.flattened && (FULL_STOP.test(m.markBefore) || afterHeading(m, state));
}

/**
 * Whether the point `markers[index]` is an item: it opens a paragraph, and continues its sequence (二是 after
 * 一是) or starts one (一是, under a new heading) whose 二是 follows as a paragraph too.
 */
export function pointIsItem(markers: readonly Marker[], index: number, state: PointState): boolean {
  const m = markers[index]!;
  const L = m.level;
  if (!opensParagraph(m, state)) return false;
  if (state.seen[L] && !state.restart[L] && m.value === state.expected[L]) return true;
  if (m.value !== 1) return false;
  // A new heading's points, in a notice whose items are points: a heading may hold one.
  if (state.seen[L] && state.restart[L]) return true;
  for (let at = index + 1; at < markers.length; at++) {
    const later = markers[at]!;
    if (!later.kind.points) {
      // A numbered entry above the point (its paragraph's start) before any 二是: the point stands alone.
      const opens = later.atLineStart || (state.flattened && later.afterBreak);
      if (later.level < L && opens && !later.kind.continuesOnly && !later.kind.dotted) return false;
      continue;
    }
    // The next point must open a paragraph too; its heading is the one this point stands under.
    if (later.value !== 2) return false;
    return later.atLineStart ? later.afterBreak : state.flattened && FULL_STOP.test(later.markBefore);
  }
  return false;
}
