import { chinese, clause, dueWords, labels, NAME_SEPARATORS, one, PLAIN, type Rendered, sections, stripStop, text, title } from './forms.js';
import type { Plan, PlanItem } from './plans.js';

/**
 * F8 tables copied as text, as offices' copies come (judge16): names cells whose names a comma or a
 * space separates, task cells that hold a deadline of their own, a header cut off at a page break
 * (mid-cell, `务 | 牵头单位 | …`, or at a cell's edge), and task/unit line pairs with no numbering.
 */

/** The split role cells of an item (牵头 | 责任 | 配合), names separated by the n-th separator. */
function roleCells(it: PlanItem, n: number): string[] {
  const roles = Object.fromEntries(labels(it, NAME_SEPARATORS[n % NAME_SEPARATORS.length]));
  return [roles['牵头单位'] ?? '', roles['责任单位'] ?? '', roles['配合单位'] ?? ''];
}

/** A task cell that writes its deadline too (`…，2021年6月底前完成。`): the 完成时限 column still says when. */
const taskWithDue = (it: PlanItem) => (dueWords(it.due) && it.due !== 'ongoing' ? `${stripStop(it.text)}，${dueWords(it.due)}完成。` : it.text);

const pipeRow = (cells: string[]) => `| ${cells.join(' | ')} |`;

export function flattenedForms(plan: Plan): Rendered[] {
  const out: Rendered[] = [];
  const due = (it: PlanItem) => dueWords(it.due) ?? '';
  const rows = plan.items.map((it, i) => pipeRow([String(i + 1), taskWithDue(it), ...roleCells(it, i), due(it)]));
  const header = pipeRow(['序号', '工作任务', '牵头单位', '责任单位', '配合单位', '完成时限']);
  out.push(text('F8 pipe rows, split role columns, names separated by , ， ； or a space, deadlines in the task cells', `${title(plan)}\n${header}\n${rows.join('\n')}\n`, one(plan, true)));
  // A page break cut the header: the page before held `序号 | 工作任`, this one starts mid-cell, or at a cell's edge.
  for (const [label, cut] of [['mid-cell', '务 | 牵头单位 | 责任单位 | 配合单位 | 完成时限 |'], ['at a cell edge', '牵头单位 | 责任单位 | 配合单位 | 完成时限 |']] as const) {
    out.push(text(`F8 pipe rows under a header cut off ${label}`, `${title(plan)}\n第2页\n${cut}\n${rows.join('\n')}\n`, one(plan, true)));
  }
  // Task words, then the unit on a line of its own; no numbering anywhere. Short headings may stand between pairs.
  const unit = (it: PlanItem) => clause(it, { ...PLAIN, sole: '' });
  const pairs = sections(plan).map((items, s) => [...(s ? [`第${chinese(s + 1)}部分重点工作`] : []), ...items.flatMap((it) => [it.text, unit(it)])].join('\n'));
  out.push(text('F8 flattened content/unit line pairs, no numbering, headings between', `${title(plan)}\n${pairs.join('\n')}\n某机关办公室 ${plan.year}年3月1日印发\n`, one(plan)));
  out.push(text('F8 flattened content/unit line pairs, no numbering, under 工作任务/责任单位', `${title(plan)}\n工作任务\n责任单位\n${plan.items.flatMap((it) => [it.text, unit(it)]).join('\n')}\n`, one(plan)));
  return out;
}
