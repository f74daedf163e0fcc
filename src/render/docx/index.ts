import type { Renderers } from '../formats.js';
import { checklistDoc } from './checklist-doc.js';
import { officialDocBytes } from './gongwen.js';
import { reminderDoc } from './reminder-doc.js';
import { reportDoc } from './report-doc.js';
import { periodDoc } from './period-doc.js';
import { reviewDocx } from './review-doc.js';

/** Word (.docx) in the 公文 layout: each view builds an OfficialDoc, laid out once by gongwen.ts. */
export const DOCX_RENDERERS: Renderers = {
  report: (report) => officialDocBytes(reportDoc(report)),
  period: (report) => officialDocBytes(periodDoc(report)),
  reminder: ({ report, reminder }) => officialDocBytes(reminderDoc(report, reminder)),
  checklist: (input) => officialDocBytes(checklistDoc(input)),
  review: (report) => officialDocBytes(reviewDocx(report)),
};
