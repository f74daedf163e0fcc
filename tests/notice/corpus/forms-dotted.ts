import { chinese, clause, one, PLAIN, type Rendered, sections, text, title } from './forms.js';
import type { Plan, PlanItem } from './plans.js';

/**
 * F10 multi-level decimal numbering (judge18): items numbered 1.1 1.2 2.1 under `一、`, half- or full-width,
 * set off by a blank, by nothing or by 、; with `1.` groups between (the items numbered by their group);
 * three levels deep (1.1 headings over 1.1.1 items). Lines that wrap onto a number in the text
 * (…压缩至 / 1.2小时以内, 2.5万份) stay the item's words.
 */

const fullWidth = (s: string) => s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const HEAD = (plan: Plan) => `${title(plan)}\n\n为做好${plan.year}年政务公开工作，制定本要点。\n`;

/** Words that wrap onto a line starting with a number (every third item): the number is the text's, never an item. */
function wrapped(it: PlanItem, i: number, number: string): string {
  if (i % 3 !== 1) return it.text;
  const figure = [number, '2.5万份', '1.5倍', '3.2 个百分点'][i % 4]!;
  return `${it.text.replace(/[。；;]$/, '')}，办理时限压缩至\n${/\d$/.test(figure) ? `${figure}小时以内` : figure}。`;
}

/** Sections of items numbered `section.item` by `mark`. */
function dotted(plan: Plan, mark: (s: number, i: number) => string): string {
  let n = 0;
  const lines = [HEAD(plan)];
  sections(plan).forEach((items, s) => {
    lines.push(`${chinese(s + 1)}、第${chinese(s + 1)}部分重点工作`);
    items.forEach((it, i) => lines.push(`${mark(s + 1, i + 1)}${wrapped(it, n++, `${s + 1}.${i + 2}`)}（${clause(it, PLAIN)}）`));
  });
  return lines.join('\n') + '\n';
}

/** Groups of up to three items: `1.` (or `1.1` when `deep`) headings, the items numbered under them. */
function grouped(plan: Plan, deep: boolean): string {
  let group = 0;
  let n = 0;
  const lines = [HEAD(plan)];
  sections(plan).forEach((items, s) => {
    lines.push(`${chinese(s + 1)}、第${chinese(s + 1)}部分重点工作`);
    for (let g = 0; g < items.length; g += 3) {
      const heading = deep ? `${s + 1}.${g / 3 + 1}` : String(++group);
      lines.push(`${heading}${deep ? ' ' : '.'}第${g / 3 + 1}组工作`);
      items.slice(g, g + 3).forEach((it, i) => lines.push(`${heading}.${i + 1} ${wrapped(it, n++, `${heading}.${i + 2}`)}（${clause(it, PLAIN)}）`));
    }
  });
  return lines.join('\n') + '\n';
}

export function dottedForms(plan: Plan): Rendered[] {
  return [
    text('F10 dotted numbering 1.1 under 一、', dotted(plan, (s, i) => `${s}.${i} `), one(plan)),
    text('F10 dotted numbering １．１ full-width, no blank', dotted(plan, (s, i) => fullWidth(`${s}.${i}`)), one(plan)),
    text('F10 dotted numbering 1.1、', dotted(plan, (s, i) => `${s}.${i}、`), one(plan)),
    text('F10 dotted numbering under 1. groups', grouped(plan, false), one(plan)),
    text('F10 dotted numbering three deep, 1.1 headings over 1.1.1', grouped(plan, true), one(plan)),
  ];
}
