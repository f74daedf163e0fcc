import type { Assignment } from '../model/role.js';
import { parseResponsibility, unwrapClause } from './parse-responsibility.js';

/** One item as read from a notice, before it becomes a ledger item. */
export interface NoticeItem {
  number: string;
  section: string;
  text: string;
  /** The clause without its brackets, verbatim; '' when the item has none. */
  clause: string;
  assignments: Assignment[];
  /** Why the clause could not be read, when it could not. */
  problem?: string;
}

export interface NoticeSection {
  number: string;
  title: string;
}

/** What a notice says: its header, sections and items. */
export interface Notice {
  title?: string;
  planTitle?: string;
  issuer?: string;
  documentNumber?: string;
  issuedOn?: string;
  year?: number;
  preamble?: string;
  sections: NoticeSection[];
  items: NoticeItem[];
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一, 二 … 十, 十一 … 九十九 */
export function chineseNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NUMERALS[tens - 1]}十${ones ? NUMERALS[ones - 1] : ''}`;
}

/**
 * Full-width ASCII (（），１．) folded to half-width one character for one
 * character, so offsets in the folded text are offsets in the original.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** Web-site furniture that follows the body of a notice copied from a web page. */
const SITE_JUNK = /(相关阅读|相关链接|版权声明|最新内容|热点内容|责任编辑|【打印|打印本页|关闭窗口|扫一扫|分享到)/;

/** A marker must start a block: at the beginning, after white space, or right after a clause's closing bracket. */
const BOUNDARY_BEFORE = String.raw`(?:^|(?<=[\s)\]〕】。]))`;

function findMarker(folded: string, label: string, separators: string, from: number, to = folded.length): number {
  const pattern = new RegExp(`${BOUNDARY_BEFORE}${label}[${separators}](?![0-9])`, 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(folded);
  return match && match.index < to ? match.index : -1;
}

/** Joins wrapped lines: no space between Chinese characters, one space elsewhere. */
function joinLines(text: string): string {
  return text
    .replace(/\s*\n\s*/g, (_, offset: number, whole: string) => {
      const before = whole[offset - 1] ?? '';
      const after = whole[offset + _.length] ?? '';
      return /[\u3000-\u9fff\uff00-\uffef]/.test(before) || /[\u3000-\u9fff\uff00-\uffef]/.test(after) ? '' : ' ';
    })
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Splits an item's text from its trailing responsibility clause `(…)` or `〔…〕`. */
export function splitClause(segment: string): { text: string; clause: string } | undefined {
  const trimmed = segment.replace(/[\s|。;；]+$/u, '');
  const last = trimmed[trimmed.length - 1];
  const openerFor: Record<string, string> = { ')': '(', '）': '（', '〕': '〔' };
  if (!last || !openerFor[last]) return undefined;
  const closers = new Set([last]);
  const openers = new Set([openerFor[last]]);
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

function readHeader(original: string, bodyStart: number): Omit<Notice, 'sections' | 'items'> {
  const head = joinLines(original.slice(0, bodyStart));
  const foldedHead = foldWidth(head);
  const title = /^\s*(\S.*?的通知)/.exec(head)?.[1];
  const planTitle = /《([^》]+)》/.exec(title ?? head)?.[1];
  const issuer = title ? /^(.+?)关于/.exec(title)?.[1] : undefined;
  const numberMatch = /([\u4e00-\u9fa5]{1,12})\s*[[〔［(【](\d{4})[\]〕］)】]\s*(\d+)\s*号/.exec(foldedHead);
  const documentNumber = numberMatch ? `${numberMatch[1]}〔${numberMatch[2]}〕${numberMatch[3]}号` : undefined;
  const dateMatch = /(\d{4})-(\d{1,2})-(\d{1,2})|(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(foldedHead);
  const pad = (s: string) => s.padStart(2, '0');
  const issuedOn = dateMatch
    ? `${dateMatch[1] ?? dateMatch[4]}-${pad(dateMatch[2] ?? dateMatch[5]!)}-${pad(dateMatch[3] ?? dateMatch[6]!)}`
    : undefined;
  const yearText = /(\d{4})年/.exec(foldWidth(planTitle ?? ''))?.[1] ?? issuedOn?.slice(0, 4);
  // The preamble follows the plan's title repeated above the body.
  let preamble: string | undefined;
  if (planTitle) {
    const repeated = head.lastIndexOf(planTitle);
    const firstMention = head.indexOf(planTitle);
    if (repeated > firstMention) preamble = head.slice(repeated + planTitle.length).trim() || undefined;
  }
  return { title, planTitle, issuer, documentNumber, issuedOn, year: yearText ? Number(yearText) : undefined, preamble };
}

/**
 * Reads a notice (flattened web copy or line-broken text) into sections and
 * items. Items are found by their expected number in sequence, so digits in
 * an item's text (10个工作日内, 2020年度) never start a new one.
 */
export function readNotice(text: string): Notice {
  const original = text.replace(/\r\n?/g, '\n');
  const folded = foldWidth(original);
  const firstSection = findMarker(folded, chineseNumeral(1), '、', 0);
  const firstItem = findMarker(folded, '1', '.、', Math.max(0, firstSection));
  const bodyStart = firstSection >= 0 && (firstItem < 0 || firstSection < firstItem) ? firstSection : firstItem;
  if (bodyStart < 0) return { sections: [], items: [] };

  const junk = SITE_JUNK.exec(folded.slice(bodyStart));
  const bodyEnd = junk ? bodyStart + junk.index : folded.length;

  // Markers in order: sections (一、) and items (1.) interleaved.
  type Marker = { kind: 'section' | 'item'; label: string; start: number; contentStart: number };
  const markers: Marker[] = [];
  let position = bodyStart;
  let nextSection = 1;
  let nextItem = 1;
  for (;;) {
    const sectionLabel = chineseNumeral(nextSection);
    const s = findMarker(folded, sectionLabel, '、', position, bodyEnd);
    const i = findMarker(folded, String(nextItem), '.、', position, bodyEnd);
    if (s < 0 && i < 0) break;
    if (s >= 0 && (i < 0 || s < i)) {
      markers.push({ kind: 'section', label: sectionLabel, start: s, contentStart: s + sectionLabel.length + 1 });
      nextSection++;
      position = s + sectionLabel.length + 1;
    } else {
      const label = String(nextItem);
      markers.push({ kind: 'item', label, start: i, contentStart: i + label.length + 1 });
      nextItem++;
      position = i + label.length + 1;
    }
  }

  const notice: Notice = { ...readHeader(original, bodyStart), sections: [], items: [] };
  let section = '';
  markers.forEach((marker, index) => {
    const end = markers[index + 1]?.start ?? bodyEnd;
    const content = joinLines(original.slice(marker.contentStart, end));
    if (marker.kind === 'section') {
      section = marker.label;
      notice.sections.push({ number: marker.label, title: content.replace(/[。:：]$/, '') });
      return;
    }
    const split = splitClause(content);
    if (!split) {
      notice.items.push({ number: marker.label, section, text: content, clause: '', assignments: [], problem: '没有找到责任分工（应在末尾的括号里）' });
      return;
    }
    const parsed = parseResponsibility(split.clause);
    notice.items.push({
      number: marker.label,
      section,
      text: split.text,
      clause: split.clause,
      assignments: parsed.ok ? parsed.assignments : [],
      ...(parsed.ok ? {} : { problem: `责任分工无法识别（${parsed.reason}）` }),
    });
  });
  return notice;
}
