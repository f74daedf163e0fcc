import { UserError } from '../errors.js';
import type { Ledger } from '../model/ledger.js';
import { planPeriod, recordDateRefusal, type PlanPeriod } from '../model/plan-year.js';
import { dateOption } from '../typed-input.js';

/**
 * The date a record carries (a note, a done date, an approval): as typed, or
 * today. Either way it must fall in the plan year (model/plan-year.ts): run in
 * 2026 on a 2021 ledger, `done` would otherwise record 2026 by accident.
 * Refused, not warned: a warning comes after the file is written. Every
 * command that writes a dated record (note, done, postpone, set, collect)
 * refuses with the same words.
 */
export function recordDate(typed: string | undefined, option: string, today: string, ledger: Ledger, graceDays: number | undefined): string {
  const date = typed === undefined ? today : dateOption(typed, option, { today, planYear: ledger.plan.year });
  const refusal = recordDateRefusal(periodOf(ledger, graceDays), date, option, { typed: typed !== undefined }, today);
  if (refusal) throw new UserError('DATE_OUTSIDE_PLAN_YEAR', refusal);
  return date;
}

export function periodOf(ledger: Ledger, graceDays: number | undefined): PlanPeriod {
  return planPeriod(ledger.plan, graceDays);
}
