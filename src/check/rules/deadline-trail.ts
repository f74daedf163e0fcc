import { error, warning, type Diagnostic } from '../../diagnostic.js';
import type { Item, Ledger } from '../../model/ledger.js';
import { itemField, itemLabel, type CheckRule } from '../check-rule.js';

/** The postponement trail: each move starts where the last one ended, in date order, later each time, and ends at `due`. */
function postponements(ledger: Ledger, item: Item, today: string, out: Diagnostic[]): void {
  const trail = item.postponements;
  trail.forEach((p, i) => {
    const at = itemField(ledger, item, 'postponements', i);
    const nth = `第 ${i + 1} 次延期`;
    const previous = trail[i - 1];
    if (previous && p.from !== previous.to) {
      out.push(error('POSTPONEMENT_TRAIL', `${itemLabel(item)}${nth}的原时限 ${p.from} 与上一次延期后的时限 ${previous.to} 不符`, { ...at, path: [...at.path, 'from'] }));
    }
    if (previous && p.on < previous.on) {
      out.push(error('POSTPONEMENT_TRAIL', `${itemLabel(item)}${nth}的日期 ${p.on} 早于上一次（${previous.on}）；延期记录须按时间顺序`, { ...at, path: [...at.path, 'on'] }));
    }
    if (p.to <= p.from) {
      out.push(error('POSTPONEMENT_TRAIL', `${itemLabel(item)}${nth}把时限从 ${p.from} 改到 ${p.to}，并未推后`, { ...at, path: [...at.path, 'to'] }));
    }
    if (!p.reason.trim()) out.push(error('POSTPONEMENT_TRAIL', `${itemLabel(item)}${nth}没有写延期理由`, at));
    if (p.on > today) out.push(error('POSTPONEMENT_TRAIL', `${itemLabel(item)}${nth}的日期 ${p.on} 晚于今天（${today}）`, { ...at, path: [...at.path, 'on'] }));
  });
  const last = trail[trail.length - 1];
  if (last && !item.unreadable.includes('due') && !item.dueRule?.uncomputable && last.to !== item.due) {
    const where = item.dueIsDefault ? itemField(ledger, item, 'postponements', trail.length - 1, 'to') : itemField(ledger, item, 'due');
    out.push(error('POSTPONEMENT_DUE_MISMATCH', `${itemLabel(item)}的时限 ${item.due} 与最后一次延期后的时限 ${last.to} 不符；改时限请用 gongkai postpone`, where));
  }
}

function cancellation(ledger: Ledger, item: Item, out: Diagnostic[]): void {
  if (item.status === 'cancelled' && !item.cancellation?.reason.trim()) {
    out.push(warning('CANCELLED_WITHOUT_REASON', `${itemLabel(item)}已取消，但没有写明理由（cancelled: {on, reason}）`, itemField(ledger, item, 'status')));
  }
  if (item.cancellation && item.status !== 'cancelled') {
    out.push(warning('CANCELLATION_NOT_CANCELLED', `${itemLabel(item)}有取消记录，但状态不是已取消`, itemField(ledger, item, 'cancelled')));
  }
}

/** Steps in date order, none after the item's own deadline, none done in the future. */
function milestones(ledger: Ledger, item: Item, today: string, out: Diagnostic[]): void {
  item.milestones.forEach((m, i) => {
    const at = (key: string) => itemField(ledger, item, 'milestones', i, key);
    const previous = item.milestones[i - 1];
    if (previous && m.due < previous.due) {
      out.push(warning('MILESTONE_ORDER', `${itemLabel(item)}第 ${i + 1} 步的时限 ${m.due} 早于第 ${i} 步（${previous.due}）；步骤请按时间顺序写`, at('due')));
    }
    if (!item.dueIsDefault && m.due > item.due) {
      out.push(error('MILESTONE_AFTER_DUE', `${itemLabel(item)}第 ${i + 1} 步的时限 ${m.due} 晚于任务的时限 ${item.due}`, at('due')));
    }
    if (m.doneOn && m.doneOn > today) {
      out.push(error('DONE_IN_FUTURE', `${itemLabel(item)}第 ${i + 1} 步的完成日期 ${m.doneOn} 晚于今天（${today}）`, at('done_on')));
    }
  });
}

/**
 * The record of how an item's deadline came to be: postponements, the reason
 * for a cancellation, dated steps, and a relative deadline the calendar can compute.
 */
export const deadlineTrail: CheckRule = ({ ledger, today }) => {
  const out: Diagnostic[] = [];
  for (const item of ledger.items) {
    postponements(ledger, item, today, out);
    cancellation(ledger, item, out);
    milestones(ledger, item, today, out);
    if (item.dueRule?.uncomputable) {
      out.push(
        warning(
          'RELATIVE_DUE_UNKNOWN',
          `${itemLabel(item)}的时限是 ${item.dueRule.after} 之后 ${item.dueRule.workingDays} 个工作日，但那段时间的法定节假日安排未知，暂按 ${item.due} 计；可在台账旁的 calendar/ 中补充`,
          itemField(ledger, item, 'due'),
        ),
      );
    }
  }
  return out;
};
