import { roleOfLabel } from '../clause/labels.js';
import { isNameList } from '../clause/reads-as.js';
import { isPeopleLabel } from '../clause/people-labels.js';
import { toSimplified } from '../clause/traditional.js';
import { joinLines } from '../text.js';
import { namesNobody } from './names-cell.js';

/**
 * `牵头单位:…` `责任单位:…` `完成时限:…` after an item, on their own lines or run into the text
 * (after a dash too: `…。——责任：A；时限：…`), or in 【】 with no colon: `【责任科室】A【完成时间】…`.
 */
const LABEL_AT = /(?:(?:^|(?<=[\s。;；—]))([\u4e00-\u9fa5]{2,6})\s*[:：]|【([\u4e00-\u9fa5]{2,6})】)/g;

export interface LabelLines {
  /** The unit's words before its labels. */
  text: string;
  /** The responsibility labels, verbatim, joined with `；`: the unit's clause. */
  clause?: string;
  /** The deadline label's words, verbatim. */
  dueText?: string;
}

/** How far a line is indented, in half-width characters (an ideographic space is two). */
const indentOf = (line: string) => [.../^[\s\u3000]*/.exec(line)![0]].reduce((width, ch) => width + (ch === '\u3000' ? 2 : ch === '\t' ? 4 : 1), 0);

/**
 * A responsibility label's words over lines. A line indented deeper than the label's own
 * line, standing under its value, is one more entry of a list set out a name a line
 * (`配合单位：A` over `　　　　　B`) when both it and the line before read as names;
 * any other line break is a wrapped line, joined.
 */
function joinValue(words: string, labelIndent: number): string {
  const lines = words.split('\n');
  let out = lines[0]!;
  for (const line of lines.slice(1)) {
    const before = out.replace(/\s+$/, '');
    const list = !!line.trim() && indentOf(line) > labelIndent && !/[、，,]$/.test(before) && isNameList(toSimplified(line.trim()).replace(/[。;；,，]+$/, ''));
    const last = toSimplified(before).split(/[:：、]/).pop()!.trim();
    out = list && last && isNameList(last) ? `${before}、${line.trim()}` : `${out}\n${line}`;
  }
  return joinLines(out);
}

/**
 * Splits label lines off a unit's words. Only labels outside brackets count:
 * `(牵头单位:…;责任单位:…)` is a bracketed clause, read by the clause grammar.
 */
export function labelLines(content: string): LabelLines {
  const reading = toSimplified(content);
  const found: { start: number; valueStart: number; role: string; bracketed?: string }[] = [];
  LABEL_AT.lastIndex = 0;
  for (let m = LABEL_AT.exec(reading); m; m = LABEL_AT.exec(reading)) {
    const name = m[1] ?? m[2]!;
    // A people line (责任领导：…, 联系人：…) ends the value before it and names no body.
    const role = roleOfLabel(name) ?? (isPeopleLabel(name) ? 'people' : undefined);
    if (!role) continue;
    const before = reading.slice(0, m.index);
    const depth = (before.match(/[(（〔]/g)?.length ?? 0) - (before.match(/[)）〕]/g)?.length ?? 0);
    if (depth > 0) continue;
    found.push({ start: m.index, valueStart: m.index + m[0].length, role, ...(m[2] ? { bracketed: m[2] } : {}) });
  }
  // People lines alone are no responsibility labels: the words stay the unit's.
  if (!found.some((label) => label.role !== 'people')) return { text: joinLines(content) };
  const clauses: string[] = [];
  const due: string[] = [];
  found.forEach((label, i) => {
    const end = found[i + 1]?.start ?? content.length;
    const lineStart = content.lastIndexOf('\n', label.start - 1) + 1;
    const indent = indentOf(content.slice(lineStart, label.start));
    const join = (words: string) => (label.role === 'deadline' ? joinLines(words) : joinValue(words, indent));
    const value = join(content.slice(label.valueStart, end)).replace(/[。;；,，]+$/, '');
    // A label in 【】 is written as the grammar reads labels: `责任科室：A`.
    const words = label.bracketed ? `${label.bracketed}：${value}` : join(content.slice(label.start, end)).replace(/[。;；,，]+$/, '');
    if (label.role === 'deadline') due.push(value);
    // `配合单位：无`: nobody has that part — no label of the clause, and no name 无.
    else if (label.role !== 'people' && !namesNobody(value)) clauses.push(words);
  });
  return {
    text: joinLines(content.slice(0, found[0]!.start)).replace(/[—\s]+$/, ''),
    ...(clauses.length ? { clause: clauses.join('；') } : {}),
    ...(due.length ? { dueText: due.join('；') } : {}),
  };
}

/** A bracket closing the words: `（完成时限：2024年年中）` after the sentence and its clause. */
const LAST_BRACKET = /[(（〔【]([^()（）〔〕【】]*)[)）〕】][。;；\s]*$/;

/**
 * A bracket at the end of a unit's words that holds deadline labels alone (`…由A负责。（完成时限：2024年年中）`):
 * the deadline, split off the words. Undefined when the bracket holds anything else (a clause is the grammar's).
 */
export function deadlineBracket(words: string): { text: string; dueText: string } | undefined {
  // Read in Simplified where that keeps every offset (OpenCC may change a phrase's length): the cut is made in the words.
  const simplified = toSimplified(words);
  const bracket = LAST_BRACKET.exec(simplified.length === words.length ? simplified : words);
  if (!bracket) return undefined;
  const parts = bracket[1]!.split(/[;；]/).map((part) => /^\s*([\u4e00-\u9fa5]{2,6})\s*[:：]\s*(\S.*?)\s*$/.exec(part));
  if (!parts.length || !parts.every((p) => p && roleOfLabel(p[1]!) === 'deadline')) return undefined;
  return { text: joinLines(words.slice(0, bracket.index)).replace(/[\s。]+。$/, '。'), dueText: parts.map((p) => p![2]!).join('；') };
}
