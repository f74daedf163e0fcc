import type { DepartmentReport } from '../query/department-report.js';
import type { ItemRow } from '../query/item-row.js';
import { ITEM_CSV_COLUMNS, itemColumns, itemDocRow, KIND_LABELS, sinceFacts } from './labels.js';
import type { DocTable, TableDoc } from './table-doc.js';

const COLUMNS = itemColumns('剩余/逾期');
const rows = (items: ItemRow[]) => items.map(itemDocRow);

/** `status --dept`: the department's items by role, then the ones that may concern it. */
export function departmentDoc(report: DepartmentReport): TableDoc {
  const { department, items, possible } = report;
  const count = (state: string) => items.filter((i) => i.state === state).length;
  const postponed = items.filter((i) => i.postponed > 0).length;
  const tables: DocTable[] = [
    { heading: `本部门任务（${items.length} 项）`, columns: COLUMNS, rows: rows(items), empty: '没有本部门的任务。', csvGroup: [['分类', '本部门']], csvColumns: ITEM_CSV_COLUMNS },
  ];
  if (possible.length) tables.push({ heading: `可能涉及（${possible.length} 项，未计入）`, columns: COLUMNS, rows: rows(possible), csvGroup: [['分类', '可能涉及']], csvColumns: ITEM_CSV_COLUMNS });
  const aliases = department.aliases.length ? `，又名${department.aliases.join('、')}` : '';
  return {
    title: `${department.name}（${KIND_LABELS[department.kind]}${aliases}）`,
    facts: [
      ...(report.as_of_note ? [report.as_of_note] : []),
      `${report.plan.title}${report.plan.document_number ? `（${report.plan.document_number}）` : ''}`,
      `截至 ${report.as_of}：共 ${items.length} 项，逾期 ${count('overdue')} 项，临期 ${count('due_soon')} 项，已完成 ${count('done')} 项` +
        (postponed ? `，已延期 ${postponed} 项` : ''),
      ...sinceFacts(report.since),
    ],
    tables,
    asOf: report.as_of,
    notes: possible.length ? ['「可能涉及」：任务写的是未指明具体部门的群体（通知里的统称，如「各有关单位」）；在台账该项的 resolve 中写明部门后，即计入该部门。'] : [],
  };
}
