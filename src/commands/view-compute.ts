import type { CommandContext } from '../cli/context.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import type { Department } from '../model/department.js';
import { WorkingDayCounter } from '../model/work-calendar.js';
import { unknownYears } from '../query/deadline.js';
import { findDepartmentOrSuggest } from '../query/department-report.js';
import { viewContext, type ViewContext } from '../query/view-context.js';
import { readCalendarOverrides, workCalendar } from '../read/read-calendar.js';
import { openLedgerForView } from './open-ledger.js';

/** Loads the ledger and calendar and computes what every view needs; what the user should know goes to `notes`. */
export async function setUpView(ctx: CommandContext, settings: { asOf: string; dueSoonDays: number; staleDays: number }, notes: string[]) {
  const { ledger, opened } = await openLedgerForView(ctx, notes);
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

/** The department named by --dept, or a user error with the closest names (exit 2). */
export function requireDepartment(context: ViewContext, name: string): Department {
  const found = findDepartmentOrSuggest(context, name);
  if ('department' in found) return found.department;
  const hint = found.suggestions.length ? `；是否是${found.suggestions.map((s) => `「${s}」`).join('、')}？` : '；部门名录中的名称见 gongkai status';
  throw new UserError(`部门名录中没有「${name}」${hint}`, ExitCode.CannotRun);
}

