import type { Paragraph } from '../blocks.js';
import { SITE_JUNK } from '../site-junk.js';
import { foldWidth, joinLines, lineFinder } from '../text.js';
import { closingStart } from './closing.js';
import { dottedIsItem, dottedParents } from './dotted-numbers.js';
import { candidates, LEVELS, type Marker } from './markers.js';
import { pointIsItem } from './points.js';
import type { Recognised, RawUnit } from './raw-unit.js';

/**
 * Numbered items at any level: 一、 第一条 第1项 (一) 1. 1、 (1) 1) ①. Every candidate marker is
 * found in one pass; then they are walked once, keeping those that continue
 * their level's sequence, restart it under a new parent, or — at a line's start —
 * open a fragment (a page that starts at (二十四)). So digits inside an item's
 * text (10个工作日内, 2020年度) never start a new item, and the time is linear.
 */

/**
 * A copy flattened onto one or a few lines (a web page pasted as one paragraph, or a line to each part):
 * most of its markers (一、 (一) 1.) stand mid-line, set off by a blank or a stop, where a notice's own
 * lines would start — or, its parts on lines of their own, no item below them starts a line.
 */
function isFlattened(markers: readonly Marker[]): boolean {
  let midLine = 0;
  let atLineStart = 0;
  let itemsAtLineStart = 0;
  let listsMidLine = 0;
  for (const m of markers) {
    // 一是/二是 stand mid-line in any notice's sentences: they tell nothing of the layout.
    if (m.kind.continuesOnly || m.kind.points) continue;
    if (m.kind.lineStartOnly) {
      if (m.atLineStart) itemsAtLineStart++;
      else listsMidLine++;
      continue;
    }
    if (m.atLineStart) atLineStart++;
    else midLine++;
    if (m.atLineStart && m.level > 1) itemsAtLineStart++;
  }
  return (midLine >= 2 && midLine > atLineStart) || (itemsAtLineStart === 0 && atLineStart >= 1 && listsMidLine >= 2);
}

/** Markers that continue, restart or (at a line's start) open their level's sequence. */
function accepted(markers: Marker[], folded: string): Marker[] {
  const flattened = isFlattened(markers);
  const expected = new Array<number>(LEVELS + 1).fill(1);
  const seen = new Array<boolean>(LEVELS + 1).fill(false);
  const restart = new Array<boolean>(LEVELS + 1).fill(false);
  const parents: string[] = [];
  const out: Marker[] = [];
  markers.forEach((m, index) => {
    const L = m.level;
    // 1.1 taken as an item: its reading as item 1 of a decimal-looking sequence (the next candidate, at the same place) is not.
    if (out[out.length - 1]?.start === m.start) return;
    if (m.kind.dotted) {
      if (!dottedIsItem(markers, index, { seen, expected, restart, parents, flattened, last: out[out.length - 1] })) return;
      parents[L] = dottedParents(m.raw);
      take(m);
      return;
    }
    if (m.kind.points) {
      if (pointIsItem(markers, index, { seen, expected, restart, flattened, last: out[out.length - 1], folded })) take(m);
      return;
    }
    // Mid-line, ① (1) 第一条 are a list in a sentence (包括①…②…) — but in a flattened copy every line's start
    // was lost: there they are items where they continue their sequence.
    if (m.kind.lineStartOnly && !m.atLineStart && !(flattened && continuesMidLine(m, index))) return;
    if (m.kind.continuesOnly && !continuesSequence(m, index)) return;
    const ok =
      m.value === expected[L] ||
      (restart[L] && m.value === 1) ||
      (!seen[L] && m.atLineStart && m.value <= 200) ||
      (!seen[L] && m.kind.opensFragment && m.value <= 60 && out.length > 0);
    if (ok) take(m);
  });
  return out;

  function take(m: Marker): void {
    const L = m.level;
    out.push(m);
    seen[L] = true;
    expected[L] = m.value + 1;
    restart[L] = false;
    for (let deeper = L + 1; deeper <= LEVELS; deeper++) restart[deeper] = true;
  }

  /** A decimal-looking marker is the item its level expects next, after items of its own sequence or before the number after it. */
  function continuesSequence(m: Marker, index: number): boolean {
    const L = m.level;
    if (m.value !== (restart[L] ? 1 : expected[L])) return false;
    // A line wrapped mid-sentence (…网上可办率达到 / 3.5个百分点…) goes on with a decimal; a heading's line or a finished sentence does not.
    const heading = out[out.length - 1];
    if (!m.afterBreak && !(heading && heading.level < L && heading.start >= m.lineBeforeStart)) return false;
    if (seen[L] && !restart[L]) return true;
    for (let at = index + 1; at < markers.length; at++) {
      const later = markers[at]!;
      if (later.level > L || (later.kind.lineStartOnly && !later.atLineStart && !flattened)) continue;
      return later.level === L && later.value === m.value + 1;
    }
    return false;
  }

  /**
   * In a flattened copy, a line-start kind mid-line is the item its level expects next (② after ①, ③ after ②
   * under the next part), a ① restarting a sequence already seen under the next part, or a first ① followed
   * by its ② before anything at its level or above.
   */
  function continuesMidLine(m: Marker, index: number): boolean {
    const L = m.level;
    if (seen[L] && (m.value === expected[L] || (restart[L] && m.value === 1))) return true;
    if (m.value !== 1 || seen[L]) return false;
    for (let at = index + 1; at < markers.length; at++) {
      const later = markers[at]!;
      if (later.level > L) continue;
      return later.level === L && later.kind === m.kind && later.value === 2;
    }
    return false;
  }
}


/** The first sentence (or line) of a heading: its title; the rest is the heading's own words. */
export function headingTitle(content: string): string {
  const line = content.trim().split('\n')[0]!.trim();
  // The first stop outside brackets: the colon of `（主责单位：党政办公室）` is the clause's, not the title's end.
  let depth = 0;
  let end = line.length;
  for (let i = 0; i < line.length && end === line.length; i++) {
    const ch = line[i]!;
    if ('(（〔[【'.includes(ch)) depth++;
    else if (')）〕]】'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '。:：'.includes(ch)) end = i;
  }
  return joinLines(line.slice(0, end)).replace(/[。:：]$/, '');
}

export interface NumberedResult extends Recognised {
  /** Offset (in the joined text) of the first item or section: everything before is the header. */
  bodyStart: number;
  text: string;
  /** The closing after the last item (a remark, the signature and its date), cut off its words. */
  closingText?: string;
}

/**
 * Paragraphs → sections (一、) and units: the deepest numbered entries, and the entries
 * below a section that have entries under them (`entriesUnder`: a unit only if they carry a clause).
 * `currentSection` is the section open before these paragraphs.
 */
export function numberedItems(paragraphs: Paragraph[], currentSection: string): NumberedResult {
  const text = paragraphs.map((p) => p.text).join('\n');
  const folded = foldWidth(text);
  const markers = accepted(candidates(folded), folded);
  if (!markers.length) return { sections: [], units: [], bodyStart: -1, text };
  const bodyStart = markers[0]!.start;
  const junk = SITE_JUNK.exec(folded.slice(bodyStart));
  const bodyEnd = junk ? bodyStart + junk.index : folded.length;
  const inBody = markers.filter((m) => m.start < bodyEnd);
  const lineOf = lineFinder(text);
  const placeOf = (offset: number) => ({ line: paragraphs[lineOf(offset) - 1]?.line ?? 1 });

  const result: NumberedResult = { sections: [], units: [], bodyStart, text };
  let section = currentSection;
  // Open ancestors: the nearest marker of each level above the current one.
  const open: { level: number; label: string; content: string }[] = [];
  inBody.forEach((m, index) => {
    const next = inBody[index + 1];
    const end = next?.start ?? bodyEnd;
    const label = m.kind.label(m.raw);
    const isLast = !next || next.start >= bodyEnd;
    const isLeaf = isLast || next.level <= m.level;
    // After the last item, a closing paragraph (a remark, the signature and its date) is not the item's.
    const closing = isLast && m.level > 1 ? closingStart(text.slice(m.contentStart, end)) : undefined;
    const rawContent = text.slice(m.contentStart, closing === undefined ? end : m.contentStart + closing);
    if (closing !== undefined) result.closingText = text.slice(m.contentStart + closing, end);
    while (open.length && open[open.length - 1]!.level >= m.level) open.pop();
    if (m.level === 1) {
      section = label;
      result.sections.push({ number: label, title: headingTitle(rawContent) });
      if (isLeaf) {
        result.units.push({ number: label, section, content: rawContent, place: placeOf(m.start), headings: [], onlyIfClause: true });
      }
    } else {
      // A dotted label (2.1) names its parents itself: only a 第一条 or (一) above it is added.
      const above = open.filter((o) => o.level > 1 && !(m.kind.dotted && o.level >= 4));
      const path = [...above.map((o) => o.label), label].join('');
      const part = open.find((o) => o.level === 1);
      const unit: RawUnit = { number: path, section, content: rawContent, place: placeOf(m.start), headings: open.map((o) => o.content).reverse(), ...(part ? { partHeading: part.content } : {}) };
      result.units.push(isLeaf ? unit : { ...unit, entriesUnder: true });
    }
    open.push({ level: m.level, label, content: rawContent });
  });
  return result;
}
