import type { OpenContext } from './open-context.js';
import { WorkingDayCounter } from '../model/work-calendar.js';
import { unknownYears } from '../query/deadline.js';
import { dateOption } from '../typed-input.js';
import { needsPlanYear } from '../model/typed-date.js';
import { beijingToday } from '../model/dates.js';
import { defaultAsOf, planPeriod } from '../model/plan-year.js';
import { viewContext } from '../query/view-context.js';
import type { Item, Ledger } from '../model/ledger.js';
import { changedBetween, changedByDates } from '../query/changed-since.js';
import { readCalendarOverrides, workCalendar } from '../read/read-calendar.js';
import { openLedgerForView } from './open-ledger.js';
import type { Located } from './locate-ledger.js';
import { warning, type Diagnostic } from '../diagnostic.js';
import { holidaysUnknownNote } from './view-notes.js';
import { ledgerAsOf } from '../model/ledger-as-of.js';

/**
 * Loads the ledger and calendar and computes what every view needs; what the user should know goes to `notes`.
 * `located`: the ledger and settings the caller found (locateLedger), not looked for again.
 */
export async function setUpView(ctx: OpenContext, typed: { asOf?: string; graceDays: number; dueSoonDays: number; staleDays: number; since?: string }, notes: Diagnostic[], located?: Located) {
  const { ledger: current, opened } = await openLedgerForView(ctx, notes, located);
  const today = beijingToday(ctx.io.now());
  // No --as-of: today while the plan year runs, its end once it is over (model/plan-year.ts). --as-of always wins.
  const byYear = typed.asOf === undefined ? defaultAsOf(planPeriod(current.plan, typed.graceDays), today) : undefined;
  // 10月8日 means the plan's year, known only now that the ledger is read.
  const asOf = byYear ? byYear.asOf : needsPlanYear(typed.asOf!) ? dateOption(typed.asOf!, '--as-of', { today, planYear: current.plan.year }) : typed.asOf!;
  const settings = { ...typed, asOf };
  // Asked as of a day, the views see the ledger as it stood then: a done date, an approval, a note after it had not happened yet.
  // A finished year counted as of its end (no --as-of) keeps what its grace period recorded: the year's closing record.
  const then = byYear ? current : ledgerAsOf(current, asOf);
  const { overrides, problems } = readCalendarOverrides(current.file, ctx.io.cwd);
  notes.push(...problems);
  const counter = new WorkingDayCounter(workCalendar(overrides));
  const unknown = unknownYears(then, settings.asOf, counter);
  if (unknown.length) notes.push(holidaysUnknownNote(unknown, counter.calendar.source, current.file));
  const context = viewContext(then, { asOf: settings.asOf, dueSoonDays: settings.dueSoonDays, staleDays: settings.staleDays, counter, ...(byYear?.dayOver ? { dayOver: true } : {}) });
  if (byYear?.note) context.asOfNote = byYear.note;
  if (typed.since) context.since = { date: typed.since, changed: await changedSinceDate(ctx, then, typed.since, notes) };
  return { context, contentKey: opened.contentKey, opened };
}

/**
 * Items changed on or after `since`: by the ledger's own dates, and, when the
 * ledger is in git, by comparing with its last commit before that day (which
 * also catches changes that carry no date: a status set by hand, new roles).
 */
async function changedSinceDate(ctx: OpenContext, ledger: Ledger, since: string, notes: Diagnostic[]): Promise<Set<Item>> {
  const changed = changedByDates(ledger, since);
  // git (and node's child_process, a tenth of a cold view's start) only for --since.
  const [{ lastCommitBefore, repositoryOf }, { ledgerAt }] = await Promise.all([import('../git/git.js'), import('./ledger-at.js')]);
  const repo = ledger.file === '-' ? undefined : repositoryOf(ledger.file, ctx.io.cwd);
  if (!repo) return changed;
  const commit = lastCommitBefore(repo.root, repo.path, since);
  if (!commit) {
    notes.push(warning('SINCE_NO_HISTORY', `git 中没有 ${since} 之前的台账版本，「有更新」只按台账中记录的日期判断。`, { file: ledger.file }));
    return changed;
  }
  try {
    const before = await ledgerAt(ctx, ledger.file, repo.root, commit);
    for (const item of changedBetween(before, ledger)) changed.add(item);
  } catch {
    notes.push(warning('SINCE_UNREADABLE', `无法读取 ${since} 之前的台账版本（${commit.slice(0, 7)}），「有更新」只按台账中记录的日期判断。`, { file: ledger.file }));
  }
  return changed;
}

