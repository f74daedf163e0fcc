import { normalizeDepartmentName } from '../../model/department-name.js';
import { looksLikeName } from './names.js';
import { Gated } from '../text.js';

/**
 * Splitting a clause's words: into parts at the separators outside brackets (`,` `;` `、`), and a list into the
 * names it holds (`A、B及C等` → A, B, C); and what makes a name read no name (empty, unpaired brackets, too long).
 */

const OPEN = new Set(['(', '（', '〔', '[', '【']);
const CLOSE = new Set([')', '）', '〕', ']', '】']);

/** OPEN and CLOSE by code unit: 1 opens, 2 closes (every bracket is one code unit). */
const BRACKET_CODES = (() => {
  const table = new Uint8Array(0x10000);
  for (const ch of OPEN) table[ch.charCodeAt(0)] = 1;
  for (const ch of CLOSE) table[ch.charCodeAt(0)] = 2;
  return table;
})();

/**
 * Splits on any of `separators` that stands outside parentheses. By code unit, not by one-character strings and
 * Set lookups: the importer splits every part, cell and clause it tries, and this loop was its largest cost.
 */
export function splitTopLevel(text: string, separators: ReadonlySet<string>): string[] {
  // The separators as code units (a longer string never equals one character of the text).
  const codes: number[] = [];
  for (const separator of separators) if (separator.length === 1) codes.push(separator.charCodeAt(0));
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const bracket = BRACKET_CODES[code];
    if (bracket === 1) depth++;
    else if (bracket === 2) depth = Math.max(0, depth - 1);
    else if (depth === 0 && codes.includes(code)) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

export const PART_SEPARATORS = new Set([',', '，']);
export const CLAUSE_SEPARATORS = new Set([';', '；']);
export const NAME_SEPARATORS = new Set(['、']);

export function checkName(name: string): string | undefined {
  if (!name) return '有空的部门名称';
  if (/由|牵头|配合|负责/.test(name)) return `无法识别「${name}」`;
  let depth = 0;
  for (const ch of name) {
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch) && --depth < 0) break;
  }
  if (depth !== 0) return `「${name}」的括号不配对`;
  if ([...name].length > 40) return `「${name}」太长，不像部门名称`;
  return undefined;
}

/**
 * `各区、县（市）政府`, `各市（县）、区人民政府`: the governments of each level named, one group
 * (各区政府 and 各县(市)政府 alike). The level before the 、 may name its alternatives in brackets.
 */
const LEVEL = '[省市县区乡镇街州旗盟]';
const EACH_LEVEL = new RegExp(`^各${LEVEL}{1,2}(?:[(（]${LEVEL}{1,2}(?:、${LEVEL}{1,2})*[)）])?$`);
const LEVEL_GOVERNMENT = new RegExp(`^(?:${LEVEL}|街道){1,2}(?:[(（][^)）]*[)）])?(?:人民)?政府$`);

/** A body's name ends so (处, 室, 局 …, 中心, 政府, 妇联, 团委): what may stand before 会 in `A处会B室`, or before 和/与 joining two names. */
const BODY_END = '[处室司局科厅办部院馆组站队所心府联委]';
/**
 * `A处与B室`, `A处和B室` (…共同负责): two bodies, split only where the words before 和/与 end as a body's name
 * does — 和 inside one name (住房和城乡建设局, 人力资源和社会保障局, 基层政权建设和社区治理司) follows a plain word.
 */
const AND_BETWEEN_BODIES = new Gated(new RegExp(`(?<=${BODY_END})(?:与|和)`), '与和');
/** 及 and 以及 between names. */
const AND = new Gated(/以及|及/, '及');

/** `A、B及C等` → [A, B, C]: 及 (and 和/与 after a body's name) splits only between two names, 等 closing a list is dropped. */
export function splitNames(text: string): string[] {
  const names: string[] = [];
  const segments = splitTopLevel(text, NAME_SEPARATORS);
  for (let i = 0; i + 1 < segments.length; i++) {
    if (EACH_LEVEL.test(segments[i]!.trim()) && LEVEL_GOVERNMENT.test(segments[i + 1]!.trim())) segments.splice(i, 2, `${segments[i]!.trim()}、${segments[i + 1]!.trim()}`);
  }
  for (const segment of segments) {
    const pieces = AND.split(segment).flatMap((piece) => {
      const joined = AND_BETWEEN_BODIES.split(piece);
      return joined.length > 1 && joined.every((p) => looksLikeName(p.trim())) ? joined : [piece];
    });
    if (pieces.length > 1 && pieces.every((p) => looksLikeName(p.trim().replace(/等$/, '')))) names.push(...pieces.map((p) => p.trim()));
    else names.push(segment);
  }
  return names.map((n) => normalizeDepartmentName(n).replace(/等$/, ''));
}
