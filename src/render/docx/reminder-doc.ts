import type { Reminder, RemindReport } from '../../query/remind-report.js';
import { chineseDate, HEADINGS, itemLines, opening, sections } from '../reminder.js';
import { safeLine } from '../safe-text.js';
import { chineseOrdinal, heading, paragraph, type Block, type OfficialDoc } from './official-doc.js';

/** One department's 催办 as a 公文: the same facts as the text letter, the task written out in full. */
export function reminderDoc(report: RemindReport, reminder: Reminder): OfficialDoc {
  const { plan, office } = opening(report);
  const blocks: Block[] = [
    { kind: 'addressee', text: `${safeLine(reminder.department)}：` },
    paragraph(`按照${plan}的分工，截至${chineseDate(report.as_of)}，你单位负责的以下任务需抓紧办理：`),
  ];
  sections(reminder).forEach(({ kind, rows }, i) => {
    blocks.push(heading(1, `${chineseOrdinal(i)}、${HEADINGS[kind]}（${rows.length} 项）`));
    rows.forEach((row, j) => {
      // Paper has room for the whole task: the letter quotes it rather than a shortened first sentence.
      blocks.push(heading(2, `（${chineseOrdinal(j)}）第 ${safeLine(row.number)} 项`), paragraph(safeLine(row.text)), ...itemLines(row, kind).map(paragraph));
    });
  });
  blocks.push(paragraph(`请于${chineseDate(report.reply_by)}前将有关情况反馈${office}；已经办结的，请一并告知完成日期。感谢支持配合！`));
  return { title: '催办通知', blocks, sender: office, date: report.as_of, ...(report.contact ? { contact: report.contact } : {}) };
}
