import { error, warning, type Diagnostic } from '../../diagnostic.js';
import { itemField, itemLabel, type CheckRule } from '../check-rule.js';

/** Dates that cannot be right: due before the plan existed, done without a date, done in the future. */
export const dates: CheckRule = ({ ledger, today }) => {
  const out: Diagnostic[] = [];
  const { plan } = ledger;
  if (plan.issuedOn && plan.defaultDue < plan.issuedOn) {
    out.push(error('DUE_BEFORE_ISSUE', `默认时限 ${plan.defaultDue} 早于发文日期 ${plan.issuedOn}`, { file: ledger.file, path: ['plan', 'default_due'] }));
  }
  if (Number(plan.defaultDue.slice(0, 4)) < plan.year) {
    out.push(warning('PLAN_YEAR_MISMATCH', `默认时限 ${plan.defaultDue} 早于计划年度 ${plan.year}`, { file: ledger.file, path: ['plan', 'default_due'] }));
  }
  for (const item of ledger.items) {
    // A carried-over item's deadline was set by the earlier plan (the 2026 年度报告 due 2027-01-31, carried into a plan issued in March).
    if (!item.dueIsDefault && !item.carriedOver && plan.issuedOn && item.due < plan.issuedOn) {
      out.push(error('DUE_BEFORE_ISSUE', `${itemLabel(item)}的时限 ${item.due} 早于发文日期 ${plan.issuedOn}`, itemField(ledger, item, 'due')));
    }
    if (item.status === 'done' && !item.doneOn && !item.unreadable.includes('done_on')) {
      out.push(error('DONE_WITHOUT_DATE', `${itemLabel(item)}已完成，但没有完成日期（done_on）`, itemField(ledger, item, 'status')));
    }
    if (item.doneOn && item.status !== 'done') {
      out.push(warning('DONE_DATE_NOT_DONE', `${itemLabel(item)}有完成日期 ${item.doneOn}，但状态不是已完成`, itemField(ledger, item, 'done_on')));
    }
    if (item.doneOn && item.doneOn > today) {
      out.push(error('DONE_IN_FUTURE', `${itemLabel(item)}的完成日期 ${item.doneOn} 晚于今天（${today}）`, itemField(ledger, item, 'done_on')));
    }
  }
  return out;
};
