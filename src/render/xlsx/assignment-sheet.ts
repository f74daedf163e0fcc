import type { AssignmentTable } from '../../query/assignment-table.js';
import { STATUS_LABELS } from '../labels.js';
import { stateLabel } from '../state-labels.js';
import { markOf } from './item-table.js';
import type { XlsxTable } from './sheet-table.js';
import { asOfLine } from './workbooks.js';

/** `export --format xlsx`: the 任务分工表, one row per item, as the general office circulates it. */
export function assignmentSheet(table: AssignmentTable): XlsxTable {
  return {
    sheet: '任务分工表',
    title: [`${table.plan.title}·任务分工表`, asOfLine(table.plan, table.as_of, `共 ${table.items.length} 项`)],
    columns: [
      { header: '编号', kind: 'item-number' },
      { header: '部分', kind: 'text' },
      { header: '任务', kind: 'long-text' },
      { header: '牵头', kind: 'long-text' },
      { header: '按职责分工负责', kind: 'long-text' },
      { header: '负责', kind: 'long-text' },
      { header: '配合', kind: 'long-text' },
      { header: '时限', kind: 'date' },
      { header: '状态', kind: 'text' },
      { header: '最新进展', kind: 'long-text' },
      { header: '完成日期', kind: 'date' },
      { header: '情况', kind: 'text' },
      { header: '剩余天数', kind: 'integer' },
    ],
    rows: table.items.map((row) => ({
      values: [
        row.number,
        `${row.section}、${row.section_title}`,
        row.text,
        row.roles.lead.join('、'),
        row.roles.joint.join('、'),
        row.roles.sole.join('、'),
        row.roles.cooperate.join('、'),
        row.due,
        STATUS_LABELS[row.status],
        row.latest_progress ? `${row.latest_progress.date} ${row.latest_progress.dept}：${row.latest_progress.note}` : '',
        row.done_on,
        stateLabel(row),
        row.days_left,
      ],
      mark: markOf(row),
    })),
  };
}
