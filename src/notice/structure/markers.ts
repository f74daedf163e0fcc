import { numeralValue } from '../text.js';
import { DOTTED_NUMBER, dottedLabel, dottedValue } from './dotted-numbers.js';

/**
 * The candidate markers of numbered items, found in one pass over the folded text: each with its kind
 * (how deep it stands, its value and label) and where it stands (a line's start, after a stop).
 * Which of them are items is numbered-items.ts's walk.
 */

const NUMERAL = '[一二三四五六七八九十百零〇两]{1,4}';

/** A kind of marker, in the order of MARKER's groups: how deep it stands, its value and label, where it may stand. */
export interface MarkerKind {
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
  /** Multi-level decimal numbering (1.1, 1.1.1): its label names its parents; an item only inside its sequence (dotted-numbers.ts). */
  dotted?: boolean;
  /** Sub-points written 一是/二是: items only where each opens a paragraph (points.ts), else a sentence's words. */
  points?: boolean;
}

const DOTTED_KINDS: readonly MarkerKind[] = [2, 3].map((parts) => ({ depth: 3 + parts, value: dottedValue, label: dottedLabel, lineStartOnly: true, opensFragment: false, dotted: true }));
const DECIMAL_KIND: MarkerKind = { depth: 4, value: Number, label: (r) => r, lineStartOnly: false, opensFragment: false, continuesOnly: true };

const KINDS: readonly MarkerKind[] = [
  { depth: 1, value: numeralValue, label: (r) => r, lineStartOnly: false, opensFragment: true }, // 一、
  { depth: 3, value: numeralValue, label: (r) => `(${r})`, lineStartOnly: false, opensFragment: true }, // (一)
  { depth: 4, value: Number, label: (r) => r, lineStartOnly: false, opensFragment: false }, // 1. 1、
  { depth: 7, value: Number, label: (r) => `(${r})`, lineStartOnly: true, opensFragment: false }, // (1) 1)
  { depth: 8, value: (r) => r.charCodeAt(0) - 0x2460 + 1, label: (r) => r, lineStartOnly: true, opensFragment: false }, // ①
  { depth: 2, value: numeralValue, label: (r) => `第${r}条`, lineStartOnly: true, opensFragment: false }, // 第一条
  { depth: 2, value: (r) => (/\d/.test(r) ? Number(r) : numeralValue(r)), label: (r) => `第${r}项`, lineStartOnly: true, opensFragment: false }, // 第1项
  DOTTED_KINDS[1]!, // 1.1.1
  DOTTED_KINDS[0]!, // 1.1
  DECIMAL_KIND, // 3.95%… read as item 3
  { depth: 1, value: numeralValue, label: (r) => r, lineStartOnly: true, opensFragment: false }, // 第一部分: a part, as 一、
  { depth: 9, value: numeralValue, label: (r) => `${r}是`, lineStartOnly: true, opensFragment: false, points: true }, // 一是: the deepest points
];

export const LEVELS = Math.max(...KINDS.map((k) => k.depth));

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
    String.raw`|(${DOTTED_NUMBER[1]})` + // 8: 1.1.1
    String.raw`|(${DOTTED_NUMBER[0]})` + // 9: 1.1, 2.3、 — or a number in the text (1.5万), told apart by its sequence
    String.raw`|(\d{1,3})\.(?=\d)` + // 10: 3.95%…, 1.12345热线… — a decimal unless the sequence says item (continuesOnly)
    String.raw`|第(${NUMERAL})部分(?![的中之和及与、，,])[\s:：]?` + // 11: 第二部分　加强… (not 第二部分的内容, a sentence about parts)
    String.raw`|(${NUMERAL})是(?![否非])[\s:：]?)`, // 12: 一是…，二是… (not 一是否…)
  'gm',
);

/** Field names of a government web page's metadata panel (DOMAIN.md F12). */
const PAGE_FIELD = '(?:标题|文号|发布单位|发文单位|生成日期|主题词|关键词|发布时间|来源|索引号|主题分类|体裁分类|组配分类|服务对象|发布机构|发文机关|发文机构|发布日期|成文日期|发文日期|发文字号|有效性|信息来源|浏览次数|阅读次数|访问次数|公开方式|公开范围|生效日期|废止日期)';
/** Page metadata numbered like items: `1. [主题分类] 综合政务`, `2. 发布机构：某某办公室`. */
const METADATA_AFTER = new RegExp(String.raw`^\s*(?:\[[^\]\n]{1,12}\]|${PAGE_FIELD}\s*[:：])`);
/** Numbers right after a metadata field, or after its other numbered values: `【主题分类】 1. 综合政务 2. 政务公开` (not `发布日期: 2016-05-06 一、…`). */
const METADATA_BEFORE = new RegExp(String.raw`(?:[【\[]${PAGE_FIELD}[】\]]|${PAGE_FIELD}\s*[:：])\s*(?:\d{1,2}\s*[.、]\s*[^\s\d.、]{1,10}\s*)*$`);

/** Marks that end a sentence or a clause's bracket: what follows starts anew. */
export const SENTENCE_END = /[。；;：:）)】〕」”！!？?]/;

export interface Marker {
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
  /** The last mark before it other than blanks ('' at the text's start): a full stop, a comma, a heading's last word. */
  markBefore: string;
}

export function candidates(folded: string): Marker[] {
  const found: Marker[] = [];
  let scanned = 0;
  let lastBreak = -1;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(folded); m; m = MARKER.exec(folded)) {
    const group = m.slice(1).findIndex((g) => g !== undefined);
    const kind = KINDS[group]!;
    const raw = m[group + 1]!;
    const value = kind.value(raw);
    if (!value && !kind.dotted) continue;
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
    const place = { start: m.index, contentStart: end, atLineStart: before < 0 || folded[before] === '\n' || folded[before] === '\r', afterBreak: ended < 0 || SENTENCE_END.test(folded[ended]!), lineBeforeStart, markBefore: ended < 0 ? '' : folded[ended]! };
    if (value) found.push({ level: kind.depth, kind, raw, value, ...place });
    // Where 1.1 is no item (a number in the text), it may still be item 1 of a decimal-looking sequence (1.12345热线…).
    const whole = kind.dotted ? raw.slice(0, raw.indexOf('.')) : '';
    if (Number(whole)) found.push({ level: DECIMAL_KIND.depth, kind: DECIMAL_KIND, raw: whole, value: Number(whole), ...place, contentStart: m.index + whole.length + 1 });
  }
  return found;
}
