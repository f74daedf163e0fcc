import { error } from '../../diagnostic.js';
import { isAccountable } from '../../model/role.js';
import { itemField, itemLabel, type CheckRule } from '../check-rule.js';

/** Every item needs someone accountable: a lead, a joint or a sole owner, not only cooperators. */
export const noAccountable: CheckRule = ({ ledger }) =>
  ledger.items
    .filter((item) => !item.assignments.some((a) => isAccountable(a.role)))
    .map((item) =>
      error('NO_ACCOUNTABLE', `${itemLabel(item)}没有责任单位：需要至少一个牵头、按职责分工负责或负责的部门`, itemField(ledger, item, 'clause')),
    );
