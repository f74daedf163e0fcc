import type { Section } from '../../model/ledger.js';
import { ROLES } from '../../model/role.js';
import type { DepartmentReport } from '../../query/department-report.js';
import type { ItemRow } from '../../query/item-row.js';
import { checklistCounts } from '../checklist.js';
import { dueCell, KIND_LABELS, ROLE_LABELS, statusCell, textMarks, timeCell } from '../labels.js';
import { chineseDate } from '../reminder.js';
import { safeLine } from '../safe-text.js';
import { chineseOrdinal, heading, paragraph, table, type Block, type DocColumn, type OfficialDoc } from './official-doc.js';

/** What a department's checklist asks Word to carry: the report, the plan's sections and who sends it. */
export interface ChecklistInput {
  report: DepartmentReport;
  sections: readonly Section[];
  issuer: string | null;
}

const COLUMNS: DocColumn[] = [
  { header: '编号', width: 3, align: 'center' },
  { header: '任务', width: 14 },
  { header: '时限', width: 6 },
  { header: '状态', width: 5 },
];

const rowOf = (row: ItemRow) => [row.number, safeLine(textMarks(row) + row.text), dueCell(row).replace('（', '\n（'), `${statusCell(row)}\n${timeCell(row)}`];

/** A department's task list as a 公文 attachment: by section (一、), then by role (（一）牵头), each a table. */
export function checklistDoc({ report, sections, issuer }: ChecklistInput): OfficialDoc {
  const c = checklistCounts(report);
  const name = safeLine(report.department.name);
  const late = c.overdue ? `逾期 ${c.overdue} 项` : '没有逾期';
  const soon = c.dueSoon ? `临期 ${c.dueSoon} 项` : '';
  const blocks: Block[] = [
    paragraph(
      `${name}（${KIND_LABELS[report.department.kind]}）在《${safeLine(report.plan.title)}》${report.plan.document_number ? `（${safeLine(report.plan.document_number)}）` : ''}中负有任务 ${c.total} 项：已完成 ${c.done} 项，${[late, soon].filter(Boolean).join('，')}${c.possible ? `；另有 ${c.possible} 项写的是未指明具体部门的群体，可能涉及` : ''}。`,
    ),
  ];
  let index = 0;
  for (const section of sections) {
    const inSection = report.items.filter((row) => row.section === section.number);
    if (!inSection.length) continue;
    blocks.push(heading(1, `${chineseOrdinal(index++)}、${safeLine(section.title)}`));
    let roleIndex = 0;
    for (const role of ROLES) {
      const rows = inSection.filter((row) => row.role === role);
      if (rows.length) blocks.push(heading(2, `（${chineseOrdinal(roleIndex++)}）${ROLE_LABELS[role]}（${rows.length} 项）`), table(COLUMNS, rows.map(rowOf)));
    }
  }
  if (!report.items.length) blocks.push(paragraph('没有本部门的任务。'));
  if (report.possible.length) {
    blocks.push(heading(1, `${chineseOrdinal(index)}、可能涉及（未计入）`), paragraph('以下任务写的是未指明具体部门的群体；办公厅在台账中写明后，即计入相应部门。'), table(COLUMNS, report.possible.map(rowOf)));
  }
  return {
    title: `${name}任务清单`,
    subtitle: `（截至${chineseDate(report.as_of)}）`,
    blocks,
    sender: safeLine(issuer ?? '办公厅'),
    date: report.as_of,
  };
}
