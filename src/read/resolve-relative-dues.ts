import type { Ledger } from '../model/ledger.js';
import { WorkingDayCounter } from '../model/work-calendar.js';

/**
 * Computes `due: {after, working_days}` deadlines with the Chinese working
 * calendar (built-in schedule plus the ledger's calendar/ overrides). The
 * calendar is loaded only when the ledger has such a deadline; an item whose
 * years are unknown keeps the plan's default and is marked (validate warns).
 */
export async function resolveRelativeDues(ledger: Ledger, cwd: string): Promise<void> {
  const relative = ledger.items.filter((item) => item.dueRule);
  if (!relative.length) return;
  const { readCalendarOverrides, workCalendar } = await import('./read-calendar.js');
  const counter = new WorkingDayCounter(workCalendar(readCalendarOverrides(ledger.file, cwd).overrides));
  for (const item of relative) {
    const rule = item.dueRule!;
    const due = counter.addWorkingDays(rule.after, rule.workingDays);
    if (due) {
      item.due = due;
      item.dueIsDefault = false;
    } else {
      rule.uncomputable = true;
    }
  }
}
