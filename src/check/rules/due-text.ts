import { warning, type Diagnostic } from '../../diagnostic.js';
import { readDeadline } from '../../notice/clause/deadline.js';
import { toSimplified } from '../../notice/clause/traditional.js';
import { itemField, itemLabel, type CheckRule } from '../check-rule.js';

/**
 * The notice's deadline words (due_text) and the date (due) must say the same:
 * one was edited without the other. A postponement (延期) changes `due` on
 * purpose — then the words should say so too, or be removed.
 */
export const dueText: CheckRule = ({ ledger }) => {
  const out: Diagnostic[] = [];
  for (const item of ledger.items) {
    // A postponement or a relative rule moves `due` on purpose, and says why.
    if (!item.dueText || item.unreadable.includes('due') || item.postponements.length || item.dueRule) continue;
    const where = itemField(ledger, item, 'due_text');
    const deadline = readDeadline(toSimplified(item.dueText), ledger.plan.year);
    if (deadline.kind === 'date' && deadline.date !== item.due) {
      out.push(warning('DUE_TEXT_MISMATCH', `${itemLabel(item)}的时限 ${item.due} 与原文「${item.dueText}」（${deadline.date}）不一致；延期的请同时改写 due_text`, where));
    } else if (deadline.kind === 'ongoing' && item.status !== 'ongoing' && item.status !== 'done' && item.status !== 'cancelled') {
      out.push(warning('DUE_TEXT_MISMATCH', `${itemLabel(item)}的原文时限「${item.dueText}」是持续推进，状态却不是持续推进`, where));
    } else if (deadline.kind === 'unknown' && item.dueIsDefault) {
      out.push(warning('DUE_TEXT_UNREAD', `${itemLabel(item)}的原文时限「${item.dueText}」无法换算为日期，due 按默认时限计；请填写 due`, where));
    }
  }
  return out;
};
