import type { CommandContext } from '../cli/context.js';
import { asOfDate } from '../cli/context.js';
import { ExitCode } from '../cli/exit-code.js';
import { UserError } from '../errors.js';
import { WorkingDayCounter } from '../model/work-calendar.js';
import { readCalendarOverrides, workCalendar } from '../read/read-calendar.js';
import { unknownYears } from '../query/deadline.js';
import { findDepartmentOrSuggest } from '../query/department-report.js';
import { viewContext, type ViewContext } from '../query/view-context.js';
import type { Department } from '../model/department.js';
import { openLedgerForView } from './open-ledger.js';

export interface ViewOptions {
  asOf?: string;
  within?: string;
  staleDays?: string;
}

function positiveInteger(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UserError(`${option} 须为非负整数，收到「${text}」`);
  return Number(text);
}

/** Loads the ledger and calendar and computes what every view needs; warns on stderr about unknown holiday years. */
export async function setUpView(ctx: CommandContext, options: ViewOptions): Promise<ViewContext> {
  const asOf = asOfDate(options.asOf, ctx.io);
  const dueSoonDays = positiveInteger(options.within, '--within');
  const staleDays = positiveInteger(options.staleDays, '--stale-days');
  const { ledger, opened } = await openLedgerForView(ctx);
  const { overrides, problems } = readCalendarOverrides(ledger.file);
  for (const problem of problems) ctx.io.stderr(ctx.err.warning(`注意：${problem}\n`));
  const counter = new WorkingDayCounter(workCalendar(overrides));
  const unknown = unknownYears(ledger, asOf, counter);
  if (unknown.length) {
    ctx.io.stderr(
      ctx.err.warning(
        `注意：${unknown.join('、')} 年的法定节假日安排未知（${counter.calendar.source}），这些日期的工作日数显示为「?」；` +
          `国务院公布后可在台账旁的 calendar/${unknown[0]}.yaml 中补充。\n`,
      ),
    );
  }
  return viewContext(ledger, {
    asOf,
    counter,
    dueSoonDays: dueSoonDays ?? opened.config.dueSoonDays ?? 10,
    staleDays: staleDays ?? opened.config.staleDays ?? 30,
  });
}

/** The department named by --dept, or a user error with the closest names (exit 2). */
export function requireDepartment(context: ViewContext, name: string): Department {
  const found = findDepartmentOrSuggest(context, name);
  if ('department' in found) return found.department;
  const hint = found.suggestions.length ? `；是否是${found.suggestions.map((s) => `「${s}」`).join('、')}？` : '；部门名录中的名称见 gongkai status';
  throw new UserError(`部门名录中没有「${name}」${hint}`, ExitCode.CannotRun);
}

/** Terminal width for tables: the terminal's, or 120 when output is not a terminal. */
export function tableWidth(ctx: CommandContext): number {
  return ctx.io.stdoutIsTty && ctx.io.columns ? ctx.io.columns : 120;
}
