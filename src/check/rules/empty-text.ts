import { error } from '../../diagnostic.js';
import { itemField, itemLabel, type CheckRule } from '../check-rule.js';

/** An item must say what is to be done. */
export const emptyText: CheckRule = ({ ledger }) =>
  ledger.items
    .filter((item) => !item.text.trim() && !item.unreadable.includes('text'))
    .map((item) => error('EMPTY_TEXT', `${itemLabel(item)}的任务内容为空`, itemField(ledger, item, 'text')));
