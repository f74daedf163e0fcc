import type { Paragraph } from '../blocks.js';
import { foldWidth, joinLines, lineFinder, numeralValue } from '../text.js';
import { closingStart } from './closing.js';
import type { Recognised, RawUnit } from './raw-unit.js';

/**
 * Numbered items at any level: 一、 第一条 第1项 (一) 1. 1、 (1) 1) ①. Every candidate marker is
 * found in one pass; then they are walked once, keeping those that continue
 * their level's sequence, restart it under a new parent, or — at a line's start —
 * open a fragment (a page that starts at (二十四)). So digits inside an item's
 * text (10个工作日内, 2020年度) never start a new item, and the time is linear.
 */

const NUMERAL = '[一二三四五六七八九十百零〇两]{1,4}';

/** A kind of marker, in the order of MARKER's groups: how deep it stands, its value and label, where it may stand. */
interface MarkerKind {
  /** 1 is a section (一、); deeper kinds stand under shallower ones. */
  depth: number;
  value: (raw: string) => number | undefined;
  label: (raw: string) => string;
  /** Inside a sentence it is a list (…包括(1)…(2)…) or a citation (条例第十条), not an item. */
  lineStartOnly: boolean;
  /** A fragment flattened into one line opens its parts mid-line (set off by a blank or a stop). */
  opensFragment: boolean;
  /**
   * The marker reads like a decimal (`3.95%以上…`, `1.12345热线…`): an item only where it is the
   * number its level's sequence expects next and the sequence goes on around it (items before it,
   * or the next number after it), never to open a sequence of its own.
   */
  continuesOnly?: boolean;
}

const KINDS: readonly MarkerKind[] = [
  { depth: 1, value: numeralValue, label: (r) => r, lineStartOnly: false, opensFragment: true }, // 一、
  { depth: 3, value: numeralValue, label: (r) => `(${r})`, lineStartOnly: false, opensFragment: true }, // (一)
  { depth: 4, value: Number, label: (r) => r, lineStartOnly: false, opensFragment: false }, // 1. 1、
  { depth: 5, value: Number, label: (r) => `(${r})`, lineStartOnly: true, opensFragment: false }, // (1) 1)
  { depth: 6, value: (r) => r.charCodeAt(0) - 0x2460 + 1, label: (r) => r, lineStartOnly: true, opensFragment: false }, // ①
  { depth: 2, value: numeralValue, label: (r) => `第${r}条`, lineStartOnly: true, opensFragment: false }, // 第一条
  { depth: 2, value: (r) => (/\d/.test(r) ? Number(r) : numeralValue(r)), label: (r) => `第${r}项`, lineStartOnly: true, opensFragment: false }, // 第1项
  { depth: 4, value: Number, label: (r) => r, lineStartOnly: false, opensFragment: false, continuesOnly: true }, // 3.95%… read as item 3
];

const LEVELS = Math.max(...KINDS.map((k) => k.depth));

/** A marker must start a block: at a line's start, after white space, or right after a closing bracket or full stop. */
const MARKER = new RegExp(
  String.raw`(?:^|(?<=[\s)\]〕】。]))` +
    String.raw`(?:(${NUMERAL})、` + // 1: 一、
    String.raw`|\((${NUMERAL})\)` + // 2: (一)
    String.raw`|(\d{1,6})(?:、|\.(?!\d)|\.(?=\d{1,2}[月日]|\d{4}\s*年))` + // 3: 1. 1、 — and 2.6月底前… or 2.2026年…, item 2 (not item "2.6"); 、 is never a decimal point (2、12368热线)
    String.raw`|\(?(\d{1,3})\)` + // 4: (1), and 1) at a line's start
    String.raw`|([\u2460-\u2473])` + // 5: ① … ⑳
    String.raw`|第(${NUMERAL})条[\s:：]?` + // 6: 第一条, items written as articles
    String.raw`|第(${NUMERAL}|\d{1,3})项(?![至到、和及\-—~～])[\s:：]?` + // 7: 第1项 (not 第5项至第6项由…, a sentence about items)
    String.raw`|(\d{1,3})\.(?=\d))`, // 8: 3.95%…, 1.12345热线… — a decimal unless the sequence says item (continuesOnly)
  'gm',
);

/** Field names of a government web page's metadata panel (DOMAIN.md F12). */
const PAGE_FIELD = '(?:标题|文号|发布单位|发文单位|生成日期|主题词|关键词|发布时间|来源|索引号|主题分类|体裁分类|组配分类|服务对象|发布机构|发文机关|发文机构|发布日期|成文日期|发文日期|发文字号|有效性|信息来源|浏览次数|阅读次数|访问次数|公开方式|公开范围|生效日期|废止日期)';
/** Page metadata numbered like items: `1. [主题分类] 综合政务`, `2. 发布机构：某某办公室`. */
const METADATA_AFTER = new RegExp(String.raw`^\s*(?:\[[^\]\n]{1,12}\]|${PAGE_FIELD}\s*[:：])`);
/** Numbers right after a metadata field, or after its other numbered values: `【主题分类】 1. 综合政务 2. 政务公开` (not `发布日期: 2016-05-06 一、…`). */
const METADATA_BEFORE = new RegExp(String.raw`(?:[【\[]${PAGE_FIELD}[】\]]|${PAGE_FIELD}\s*[:：])\s*(?:\d{1,2}\s*[.、]\s*[^\s\d.、]{1,10}\s*)*$`);

/** Marks that end a sentence or a clause's bracket: what follows starts anew. */
const SENTENCE_END = /[。；;：:）)】〕」”！!？?]/;

interface Marker {
  level: number;
  kind: MarkerKind;
  raw: string;
  value: number;
  start: number;
  contentStart: number;
  atLineStart: boolean;
  /** What stands before it ends a sentence or a heading line, so it is no wrapped line's next words. */
  afterBreak: boolean;
  /** Where the line before the marker's line starts (-1 on the first line). */
  lineBeforeStart: number;
}

function candidates(folded: string): Marker[] {
  const found: Marker[] = [];
  let scanned = 0;
  let lastBreak = -1;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(folded); m; m = MARKER.exec(folded)) {
    const group = m.slice(1).findIndex((g) => g !== undefined);
    const kind = KINDS[group]!;
    const raw = m[group + 1]!;
    const value = kind.value(raw);
    if (!value) continue;
    const end = m.index + m[0].length;
    if (METADATA_AFTER.test(folded.slice(end, end + 16))) continue;
    // Only the last few words of the line before it are looked at: a flattened copy is one long line.
    const before40 = folded.slice(Math.max(0, m.index - 40), m.index);
    if (METADATA_BEFORE.test(before40.slice(before40.lastIndexOf('\n') + 1))) continue;
    // Only blanks between the line's start and the marker (looked at backwards: a flattened copy is one long line).
    let before = m.index - 1;
    while (before >= 0 && (folded[before] === ' ' || folded[before] === '\t')) before--;
    let ended = before;
    while (ended >= 0 && /\s/.test(folded[ended]!)) ended--;
    // The last line break up to `ended`, by one forward walk over the text (markers come in order).
    for (; scanned <= ended; scanned++) if (folded[scanned] === '\n') lastBreak = scanned;
    const lineBeforeStart = ended < 0 ? -1 : lastBreak + 1;
    found.push({ level: kind.depth, kind, raw, value, start: m.index, contentStart: end, atLineStart: before < 0 || folded[before] === '\n' || folded[before] === '\r', afterBreak: ended < 0 || SENTENCE_END.test(folded[ended]!), lineBeforeStart });
  }
  return found;
}

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
    if (m.kind.continuesOnly) continue;
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
function accepted(markers: Marker[]): Marker[] {
  const flattened = isFlattened(markers);
  const expected = new Array<number>(LEVELS + 1).fill(1);
  const seen = new Array<boolean>(LEVELS + 1).fill(false);
  const restart = new Array<boolean>(LEVELS + 1).fill(false);
  const out: Marker[] = [];
  markers.forEach((m, index) => {
    const L = m.level;
    // Mid-line, ① (1) 第一条 are a list in a sentence (包括①…②…) — but in a flattened copy every line's start
    // was lost: there they are items where they continue their sequence.
    if (m.kind.lineStartOnly && !m.atLineStart && !(flattened && continuesMidLine(m, index))) return;
    if (m.kind.continuesOnly && !continuesSequence(m, index)) return;
    const ok =
      m.value === expected[L] ||
      (restart[L] && m.value === 1) ||
      (!seen[L] && m.atLineStart && m.value <= 200) ||
      (!seen[L] && m.kind.opensFragment && m.value <= 60 && out.length > 0);
    if (!ok) return;
    out.push(m);
    seen[L] = true;
    expected[L] = m.value + 1;
    restart[L] = false;
    for (let deeper = L + 1; deeper <= LEVELS; deeper++) restart[deeper] = true;
  });
  return out;

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

/** Web-site furniture that follows the body of a notice copied from a web page. */
const SITE_JUNK = /(相关阅读|相关链接|版权声明|版权所有|最新内容|热点内容|责任编辑|【打印|打印本页|关闭窗口|扫一扫|分享到|上一页|下一页|上一篇|下一篇|网站标识码|阅读次数|浏览次数|访问次数|点击数|ICP备|公网安备|(?:^|\n)\s*主办[:：])/;

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
  const markers = accepted(candidates(folded));
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
      const path = [...open.filter((o) => o.level > 1).map((o) => o.label), label].join('');
      const part = open.find((o) => o.level === 1);
      const unit: RawUnit = { number: path, section, content: rawContent, place: placeOf(m.start), headings: open.map((o) => o.content).reverse(), ...(part ? { partHeading: part.content } : {}) };
      result.units.push(isLeaf ? unit : { ...unit, entriesUnder: true });
    }
    open.push({ level: m.level, label, content: rawContent });
  });
  return result;
}
