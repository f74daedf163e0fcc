import { warning, type Diagnostic, type PathSegment } from '../../diagnostic.js';
import { planPeriod, recordDateProblem } from '../../model/plan-year.js';
import { itemField, itemLabel, type CheckRule } from '../check-rule.js';

/**
 * Record dates (progress, done, approvals of postponements and cancellations,
 * steps done) outside the plan year: no gongkai command writes them (each
 * refuses by the same rule, model/plan-year.ts), so they were typed by hand or
 * came from a wrong clock. Deadlines may lie beyond the year (a carried-over
 * task) and are not checked here.
 */
export const datesOutsideYear: CheckRule = ({ ledger, graceDays, today }) => {
  const period = planPeriod(ledger.plan, graceDays);
  const out: Diagnostic[] = [];
  for (const item of ledger.items) {
    const flag = (date: string | undefined, what: string, ...at: PathSegment[]) => {
      const problem = date && recordDateProblem(period, date);
      if (problem) out.push(warning('DATE_OUTSIDE_PLAN_YEAR', `${itemLabel(item)}的${what} ${date} ${problem}；gongkai 的命令不会写入这样的日期，请核对`, itemField(ledger, item, ...at)));
    };
    // A done date after today is the dates rule's DONE_IN_FUTURE already: one finding for one wrong date.
    flag(item.doneOn && item.doneOn <= today ? item.doneOn : undefined, '完成日期', 'done_on');
    item.progress.forEach((entry, i) => flag(entry.date, '进展日期', 'progress', i, 'date'));
    item.postponements.forEach((entry, i) => flag(entry.on, '延期批准日期', 'postponements', i, 'on'));
    item.postponementRejections.forEach((entry, i) => flag(entry.on, '驳回延期申请的日期', 'postponement_rejections', i, 'on'));
    if (item.cancellation) flag(item.cancellation.on, '取消日期', 'cancelled', 'on');
    item.milestones.forEach((step, i) => flag(step.doneOn, `第 ${i + 1} 步的完成日期`, 'milestones', i, 'done_on'));
  }
  return out;
};
