import type { PeriodReport } from '../../query/period-report.js';
import { periodLabel, periodSections } from '../period-text.js';
import { safeLine } from '../safe-text.js';
import { chineseOrdinal, heading, paragraph, table, type Block, type OfficialDoc } from './official-doc.js';

/** The 调度通报 of a period as a 公文: the sections of period-text, numbered 一、二、…. */
export function periodDoc(report: PeriodReport): OfficialDoc {
  const blocks: Block[] = [
    paragraph(`现将${periodLabel(report)}《${safeLine(report.plan.title)}》${report.plan.document_number ? `（${safeLine(report.plan.document_number)}）` : ''}落实情况通报如下。`),
  ];
  periodSections(report).forEach((section, i) => {
    blocks.push(heading(1, `${chineseOrdinal(i)}、${section.title}`), ...section.paragraphs.map(paragraph));
    if (section.table) {
      const widths = [9, 3, 5, 5, 4];
      blocks.push(table(section.table.columns.map((header, c) => ({ header, width: widths[c] ?? 4, align: c === 0 ? 'left' : 'right' })), section.table.rows));
    }
  });
  return {
    title: `${safeLine(report.plan.title)}落实情况调度通报`,
    subtitle: `（${periodLabel(report)}）`,
    blocks,
    sender: safeLine(report.plan.issuer ?? '办公厅'),
    date: report.period.end,
    ...(report.contact ? { contact: report.contact } : {}),
  };
}
