import { chinese, clause, dueWords, one, PLAIN, type Rendered, sections, stripStop, text, title } from './forms.js';
import type { Plan, PlanItem } from './plans.js';

/**
 * Items numbered as official prose numbers its points (judge19): `一是…` `二是…` each opening a paragraph
 * under `一、` (or under `（一）` headings), each with its clause and deadline, or under a heading whose
 * one clause covers them; the same flattened onto one line (points after a full stop); parts headed
 * `第一部分　…` over `1.` items; and a web page's `<ol>` whose numbers are shown, not typed, under
 * `<h4>` headings, with `<ul>` bullets (an item's words) or an inner `<ol>` (items under an entry).
 */

const HEAD = (plan: Plan) => `${title(plan)}\n\n为做好${plan.year}年政务公开工作，制定本要点。\n`;

/** The clause with the item's deadline in its bracket. */
const clauseAndDue = (it: PlanItem) => [clause(it, PLAIN), dueWords(it.due)].filter(Boolean).join('，');
const point = (i: number) => `${chinese(i + 1)}是`;
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function pointForms(plan: Plan): Rendered[] {
  const out: Rendered[] = [];
  // Points on lines of their own under 一、, each with its clause and deadline; the last point of a part ends in ；or 。.
  const own = (it: PlanItem, i: number, last: boolean) => `${point(i)}${stripStop(it.text)}（${clauseAndDue(it)}）${last ? '。' : '；'}`;
  const parts = sections(plan).map((items, s) => [`${chinese(s + 1)}、以公开促进第${chinese(s + 1)}方面工作`, ...items.map((it, i) => own(it, i, i === items.length - 1))].join('\n'));
  out.push(text('F1 points 一是/二是 on lines of their own, a clause and deadline each', `${HEAD(plan)}${parts.join('\n')}\n`, one(plan, true)));
  // Under （一） headings, three points to a heading.
  const nested = sections(plan).map((items, s) => {
    const lines = [`${chinese(s + 1)}、第${chinese(s + 1)}部分重点工作`];
    items.forEach((it, i) => {
      if (i % 3 === 0) lines.push(`（${chinese(i / 3 + 1)}）第${chinese(i / 3 + 1)}组工作`);
      lines.push(`${point(i % 3)}${stripStop(it.text)}（${clauseAndDue(it)}）。`);
    });
    return lines.join('\n');
  });
  out.push(text('F1 points 一是/二是 under （一） headings', `${HEAD(plan)}${nested.join('\n')}\n`, one(plan, true)));
  // One clause on each heading covers its points; a deadline in the first point's words.
  {
    const lines = [HEAD(plan)];
    const units: Rendered['units'] = [];
    plan.items.forEach((it, i) => {
      const due = dueWords(it.due) && it.due !== 'ongoing' ? `，${dueWords(it.due)}完成` : '';
      lines.push(`${chinese(i + 1)}、第${chinese(i + 1)}项重点工作（${clause(it, PLAIN)}）`, `一是${stripStop(it.text)}${due}。`, '二是及时更新有关信息。');
      units.push({ items: [it], withDue: due !== '' }, { items: [it], withDue: false });
    });
    out.push(text('F6 points 一是/二是 under a heading with the clause', lines.join('\n'), units));
  }
  // A web page pasted as one line: points after a full stop, the first right after its part's title.
  const flat = sections(plan).map((items, s) => `${chinese(s + 1)}、第${chinese(s + 1)}方面工作 ${items.map((it, i) => `${point(i)}${stripStop(it.text)}（${clauseAndDue(it)}）。`).join(flatGap(s))}`);
  out.push(text('F1 points 一是/二是 flattened onto one line', `${title(plan)} 为做好${plan.year}年政务公开工作，制定本要点。 ${flat.join(' ')} 相关阅读`, one(plan, true)));
  // Parts headed 第一部分, set off by a blank, a colon or nothing; items numbered on across the parts.
  {
    let n = 0;
    const gaps = ['　', ' ', '：', ''];
    const lines = [HEAD(plan), ...sections(plan).flatMap((items, s) => [`第${chinese(s + 1)}部分${gaps[s % gaps.length]}加强第${chinese(s + 1)}方面公开`, ...items.map((it) => `${++n}.${it.text}（${clauseAndDue(it)}）`)])];
    out.push(text('F1 parts headed 第一部分 over 1. items', lines.join('\n') + '\n', one(plan, true)));
  }
  out.push(...listPages(plan));
  return out;
}

/** Between flattened points: a blank or nothing after the full stop. */
const flatGap = (s: number) => (s % 2 ? ' ' : '');

/** Web pages of `<ol>` lists: numbers shown by the list, not typed. */
function listPages(plan: Plan): Rendered[] {
  const page = (body: string) => Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title(plan)}</title></head><body><nav class="menu">首页</nav><h3>${title(plan)}</h3><p>为做好工作，制定本要点。</p>${body}<div class="foot">版权所有</div></body></html>`);
  const entry = (it: PlanItem, i: number) => `<li>${escape(stripStop(it.text))}（${escape(clauseAndDue(it))}）。${i % 3 === 2 ? '<ul><li>及时发布有关信息</li><li>做好解读回应</li></ul>' : ''}</li>`;
  let n = 0;
  // Unnumbered <h4> parts, the list numbered on (start=) across them; every third entry with bullets of its words.
  const continued = sections(plan).map((items) => {
    const start = n + 1;
    return `<h4>加强第${chinese(start)}项起的公开工作</h4><ol${start > 1 ? ` start="${start}"` : ''}>${items.map((it) => entry(it, n++)).join('')}</ol>`;
  });
  // Numbered <h4> parts, each list starting again.
  const restarted = sections(plan).map((items, s) => `<h4>${chinese(s + 1)}、第${chinese(s + 1)}部分重点工作</h4><ol>\n${items.map((it, i) => entry(it, i)).join('\n')}\n</ol>`);
  // Entries over inner lists: the inner entries are the items.
  const inner = sections(plan).map((items, s) => `<h4>${chinese(s + 1)}、第${chinese(s + 1)}部分重点工作</h4><ol><li>第${chinese(s + 1)}组任务<ol>${items.map((it, i) => entry(it, i)).join('')}</ol></li></ol>`);
  return [
    { name: 'F1 web page of <ol> lists under unnumbered <h4> parts, <ul> bullets in items', bytes: page(continued.join('')), units: one(plan, true) },
    { name: 'F1 web page of <ol> lists under numbered <h4> parts', bytes: page(restarted.join('\n')), units: one(plan, true) },
    { name: 'F1 web page of <ol> lists inside list entries', bytes: page(inner.join('')), units: one(plan, true) },
  ];
}
