import { roleOfLabel } from '../clause/grammar.js';
import { toSimplified } from '../clause/traditional.js';
import { joinLines } from '../text.js';

/** `牵头单位:…` `责任单位:…` `完成时限:…` after an item, on their own lines or run into the text. */
const LABEL_AT = /(?:^|(?<=[\s。;；]))([\u4e00-\u9fa5]{2,6})\s*[:：]/g;

export interface LabelLines {
  /** The unit's words before its labels. */
  text: string;
  /** The responsibility labels, verbatim, joined with `；`: the unit's clause. */
  clause?: string;
  /** The deadline label's words, verbatim. */
  dueText?: string;
}

/**
 * Splits label lines off a unit's words. Only labels outside brackets count:
 * `(牵头单位:…;责任单位:…)` is a bracketed clause, read by the clause grammar.
 */
export function labelLines(content: string): LabelLines {
  const reading = toSimplified(content);
  const found: { start: number; valueStart: number; role: string }[] = [];
  LABEL_AT.lastIndex = 0;
  for (let m = LABEL_AT.exec(reading); m; m = LABEL_AT.exec(reading)) {
    const role = roleOfLabel(m[1]!);
    if (!role) continue;
    const before = reading.slice(0, m.index);
    const depth = (before.match(/[(（〔]/g)?.length ?? 0) - (before.match(/[)）〕]/g)?.length ?? 0);
    if (depth > 0) continue;
    found.push({ start: m.index, valueStart: m.index + m[0].length, role });
  }
  if (!found.length) return { text: joinLines(content) };
  const clauses: string[] = [];
  const due: string[] = [];
  found.forEach((label, i) => {
    const end = found[i + 1]?.start ?? content.length;
    const words = joinLines(content.slice(label.start, end)).replace(/[。;；,，]+$/, '');
    if (label.role === 'deadline') due.push(joinLines(content.slice(label.valueStart, end)).replace(/[。;；,，]+$/, ''));
    else clauses.push(words);
  });
  return {
    text: joinLines(content.slice(0, found[0]!.start)),
    ...(clauses.length ? { clause: clauses.join('；') } : {}),
    ...(due.length ? { dueText: due.join('；') } : {}),
  };
}
