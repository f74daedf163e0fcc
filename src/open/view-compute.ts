import type { CommandContext } from '../command-context.js';
import { WorkingDayCounter } from '../model/work-calendar.js';
import { unknownYears } from '../query/deadline.js';
import { dateOption } from '../commands/typed-input.js';
import { needsPlanYear } from '../model/typed-date.js';
import { beijingToday } from '../model/dates.js';
import { viewContext } from '../query/view-context.js';
import { readCalendarOverrides, workCalendar } from '../read/read-calendar.js';
import { openLedgerForView } from './open-ledger.js';

/** Loads the ledger and calendar and computes what every view needs; what the user should know goes to `notes`. */
export async function setUpView(ctx: CommandContext, typed: { asOf: string; dueSoonDays: number; staleDays: number }, notes: string[]) {
  const { ledger, opened } = await openLedgerForView(ctx, notes);
  // 10月8日 means the plan's year, known only now that the ledger is read.
  const asOf = needsPlanYear(typed.asOf) ? dateOption(typed.asOf, '--as-of', { today: beijingToday(ctx.io.now()), planYear: ledger.plan.year }) : typed.asOf;
  const settings = { ...typed, asOf };
  const { overrides, problems } = readCalendarOverrides(ledger.file);
  for (const problem of problems) notes.push(`注意：${problem}`);
  const counter = new WorkingDayCounter(workCalendar(overrides));
  const unknown = unknownYears(ledger, settings.asOf, counter);
  if (unknown.length) {
    notes.push(
      `注意：${unknown.join('、')} 年的法定节假日安排未知（${counter.calendar.source}），这些日期的工作日数显示为「?」；` +
        `国务院公布后可在台账旁的 calendar/${unknown[0]}.yaml 中补充。`,
    );
  }
  return { context: viewContext(ledger, { ...settings, counter }), contentKey: opened.contentKey };
}

