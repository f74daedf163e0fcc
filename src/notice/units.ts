import { deadlineInText, deadlineSteps, isDeadlineWords, readDeadline, saysContinuingDuty } from './clause/deadline.js';
import { findClause } from './clause/find-clause.js';
import { isNameList, readsAsClause } from './clause/reads-as.js';
import { dashedClause, leadingClause } from './clause/set-off-clause.js';
import { remembered } from './remembered.js';
import type { KnownNames } from './clause/glued-name.js';
import { parseResponsibility } from './clause/grammar.js';
import { saysRole } from './clause/read-part.js';
import { toSimplified } from './clause/traditional.js';
import type { NoticeItem } from './notice.js';
import { deadlineBracket, labelLines } from './structure/label-lines.js';
import { standingRule } from './clause/standing-rule.js';
import { firstListedRule, withFirstListed, type FirstListed } from './clause/first-listed.js';
import type { Assignment } from '../model/role.js';
import type { RawUnit } from './structure/raw-unit.js';
import { joinLines } from './text.js';

const NO_CLAUSE = '没有找到责任分工（应在末尾的括号里）';

const leads = (assignments: Assignment[]) => assignments.some((a) => a.role === 'lead' || a.role === 'sole');

/** The clause of the nearest heading above a unit that has one (F6: it covers every item beneath it). */
export function headingClause(headings: string[]): string | undefined {
  for (const heading of headings) {
    const clause = clauseOfHeading(heading);
    if (clause !== undefined) return clause;
  }
  return undefined;
}

/** Each heading's clause: it is asked for every unit beneath the heading. */
const clauseOfHeading = remembered((heading) => readHeadingClause(heading), { entries: 10_000, longest: 2_000 });

function readHeadingClause(heading: string): string | undefined {
  // A standing rule on the heading naming who leads (`以下各项由A统筹，B分别负责，不再逐项列出`, on its line or in
  // its brackets) is its clause said as a sentence. One that only adds bodies (以下工作均需各街道落实) leaves an
  // item with no clause of its own unread.
  const rule = standingRule(heading);
  const ruled = rule ? parseResponsibility(rule) : undefined;
  if (rule && ruled?.ok && leads(ruled.assignments)) return rule;
  const labelled = labelLines(heading);
  if (labelled.clause) return labelled.clause;
  const firstLine = heading.trim().split('\n')[0]!;
  const found = findClause(joinLines(firstLine)) ?? findClause(joinLines(heading));
  // A heading that is a clause and a deadline (`由A牵头，B配合，第三季度完成。`): both cover the items.
  if (found?.clause && !found.doubt) return isDeadlineWords(found.text.replace(/[。;；]$/, '')) ? `${found.clause}，${found.text.replace(/[。;；]$/, '')}` : found.clause;
  return undefined;
}

/**
 * Standing rules on the headings above a unit (以下工作均需…落实，不再列出). One naming who leads
 * is the heading's clause: over an item that names its own lead, the item's wins (as a heading's clause does).
 */
function headingRules(headings: string[], own: Assignment[]): string[] {
  return headings
    .map((h) => standingRule(h))
    .filter((r) => r !== undefined)
    .filter((rule) => {
      const parsed = parseResponsibility(rule);
      return !(parsed.ok && leads(parsed.assignments) && leads(own));
    });
}

/** Adds the bodies of clauses that cover a unit (a heading's clause, a standing rule) that its own clause does not name. */
function withCovering(assignments: Assignment[], covering: string[]): Assignment[] {
  const out = [...assignments];
  for (const clause of covering) {
    const parsed = parseResponsibility(clause);
    if (!parsed.ok || parsed.unsure.length) continue;
    for (const a of parsed.assignments) if (!out.some((b) => b.name === a.name)) out.push(a);
  }
  return out;
}

/**
 * The clause of a heading above an item that has a clause of its own (F6): it
 * covers the item too, unless both name who leads — then the item's own wins
 * (a heading's cooperating and joint bodies work with its lead, and go with it). Only a part's
 * heading covers so: an entry over entries with clauses of their own is a task of its own.
 * So `一、…（A牵头）` over `2.…（B配合）` reads lead A, cooperate B; over `2.…（C牵头）`, lead C.
 */
function coveringHeadingClause(unit: RawUnit, own: Assignment[]): string | undefined {
  // Only a part's heading (一、…), never a task itself: an entry over entries with clauses of their own is a task (3. over ①②).
  if (unit.entriesUnder || unit.partHeading === undefined) return undefined;
  if (unit.headings.find((h) => headingClause([h]) !== undefined) !== unit.partHeading) return undefined;
  const clause = headingClause([unit.partHeading]);
  if (!clause) return undefined;
  const parsed = parseResponsibility(clause);
  if (!parsed.ok || parsed.unsure.length || (leads(parsed.assignments) && leads(own))) return undefined;
  return clause;
}

/** The same roles, in any order (a scope is part of the role: `规章由A牵头` is not `A牵头`). */
function sameAssignments(a: Assignment[], b: Assignment[]): boolean {
  const key = (x: Assignment) => `${x.role}:${x.name}:${x.scope ?? ''}`;
  return a.length === b.length && a.map(key).sort().join('|') === b.map(key).sort().join('|');
}

/** Words with a part that says a role (…，某某局负责，…): a clause not read, not a heading's title. */
function saysRoleInAPart(words: string): boolean {
  return toSimplified(words)
    .split(/[,，;；。:：()（）〔〕]/)
    .some((part) => part.trim() !== '' && saysRole(part.trim()));
}

/**
 * The clause of the words read whole starts on the line before their last (`…，由市政府` / `办公室牵头，…`):
 * the last line is where a sentence wrapped (as text laid out by pdftotext is), not a clause on a line of its own.
 */
function wrapsIntoLastLine(text: string, lastLine: string, knownNames: KnownNames): boolean {
  const whole = findClause(joinLines(text), knownNames);
  if (!whole?.clause || whole.doubt) return false;
  const squeeze = (words: string) => words.replace(/[\s。;；]+/gu, '');
  const clause = squeeze(whole.clause);
  const line = squeeze(lastLine);
  return clause.length > line.length && clause.endsWith(line);
}

/** Reads where a unit's clause is: table columns, label lines, the clause in its words, or its heading. */
function locateClause(unit: RawUnit, knownNames: KnownNames): { text: string; clause: string; dueText?: string; doubt?: string; sureNames?: string[]; ofHeading?: boolean } {
  if (unit.columns) {
    const { clause = '', dueText, doubt } = unit.columns;
    return { text: joinLines(unit.content), clause, ...(dueText ? { dueText } : {}), ...(doubt ? { doubt } : {}) };
  }
  const labelled = labelLines(unit.content);
  if (labelled.clause) return { text: labelled.text, clause: labelled.clause, ...(labelled.dueText ? { dueText: labelled.dueText } : {}) };
  // The clause on a line of its own after the words (a flattened table): `市财政局牵头落实`.
  const lines = unit.content.trim().split('\n');
  const lastLine = lines[lines.length - 1]!.trim().replace(/[。;；]$/, '');
  if (lines.length > 1 && !/[(（〔]/.test(lastLine[0] ?? '') && (readsAsClause(lastLine) || (isNameList(lastLine) && [...lastLine].length <= 40)) && !wrapsIntoLastLine(labelled.text, lastLine, knownNames)) {
    return { text: joinLines(lines.slice(0, -1).join('\n')), clause: lastLine, ...(labelled.dueText ? { dueText: labelled.dueText } : {}) };
  }
  // A deadline bracket after the sentence and its clause (`…由A负责。（完成时限：…）`) is the deadline, not words of the task.
  const closing = labelled.dueText ? undefined : deadlineBracket(labelled.text);
  if (closing) labelled.text = closing.text;
  const due = labelled.dueText || closing ? { dueText: labelled.dueText ?? closing!.dueText } : {};
  const leading = leadingClause(labelled.text);
  if (leading) return { text: leading.text, clause: leading.clause, ...due };
  const dashed = dashedClause(labelled.text);
  if (dashed) return { text: dashed.text, clause: dashed.clause, ...due };
  const found = findClause(labelled.text, knownNames);
  // Clauses read, with what the paragraph says beyond them (an unread bracket): kept, and flagged.
  if (found?.clause) return { text: found.text, clause: found.clause, ...due, ...(found.doubt ? { doubt: found.doubt } : {}) };
  // An entry with entries under it is a task only by a clause of its own.
  // Nor is a unit whose own words hold a clause not read for sure: it is flagged, not covered silently.
  const inherited = unit.entriesUnder || found?.doubt ? undefined : headingClause(unit.headings);
  if (inherited) return { text: labelled.text, clause: inherited, ...due, ofHeading: true };
  return { text: labelled.text, clause: '', ...due, ...(found?.doubt ? { doubt: found.doubt } : {}), ...(found?.sureNames?.length ? { sureNames: found.sureNames } : {}) };
}

/** What the preamble says of every item: standing rules that add bodies, and how a bare list of names is read. */
export interface Standing {
  rules: readonly string[];
  listing?: FirstListed;
}

/**
 * A raw unit → a notice item: its clause read with the grammar, its deadline
 * read from a label, a column, the clause or its own words. Anything not read
 * for sure is kept and listed in `problems`.
 */
export function readUnit(unit: RawUnit, planYear: number | undefined, knownNames: KnownNames, standing: Standing = { rules: [] }): NoticeItem | undefined {
  const located = locateClause(unit, knownNames);
  // `列第一位的为牵头单位…` in the preamble or on a heading above: a bare list of names says its roles so.
  const listing = unit.headings.map((h) => firstListedRule(h)).find((r) => r !== undefined) ?? standing.listing;
  if (listing && located.clause && !located.ofHeading) located.clause = withFirstListed(located.clause, listing);
  if (unit.onlyIfClause && !located.clause) return undefined;
  // Words with no clause leave it a heading (as 一、 is); a clause not read for sure is flagged like any other.
  if (unit.entriesUnder && !located.clause && !located.doubt && !saysRoleInAPart(located.text)) return undefined;
  const problems: string[] = [];
  let rolesUnsure = false;
  if (located.clause && located.doubt) {
    problems.push(located.doubt);
    rolesUnsure = true;
  }
  let assignments: NoticeItem['assignments'] = [];
  let unsureNames: string[] = [];
  let clauseDeadline: string | undefined;
  const clausePlace = unit.columns?.clausePlace;
  if (!located.clause) {
    problems.push(located.doubt ?? NO_CLAUSE);
    rolesUnsure = true;
  } else {
    const parsed = parseResponsibility(located.clause);
    if (!parsed.ok) {
      problems.push(`责任分工无法识别（${parsed.reason}）`);
      rolesUnsure = true;
    } else {
      // A heading's clause over an item with its own (F6; an item with none takes the heading's: locateClause):
      // written before the item's in its clause, kept only when the two read back as the roles given.
      let own = parsed.assignments;
      const fromHeading = located.ofHeading ? undefined : coveringHeadingClause(unit, own);
      if (fromHeading) {
        const joined = `${fromHeading}；${located.clause}`;
        const reread = parseResponsibility(joined);
        if (reread.ok && !reread.unsure.length && sameAssignments(reread.assignments, withCovering(own, [fromHeading]))) {
          own = reread.assignments;
          located.clause = joined;
        }
      }
      // Standing rules (F6) add their bodies to the items they cover.
      const covering = [...headingRules(unit.headings, own), ...standing.rules];
      assignments = withCovering(own, covering);
      if (assignments.length > own.length) {
        const joined = [located.clause, ...covering].join('；');
        const reread = parseResponsibility(joined);
        if (reread.ok && reread.assignments.length === assignments.length && reread.assignments.every((a, i) => a.name === assignments[i]!.name && a.role === assignments[i]!.role)) located.clause = joined;
      }
      unsureNames = parsed.unsure;
      clauseDeadline = parsed.deadlineText;
      if (parsed.unsure.length) {
        problems.push(`不确定「${parsed.unsure.join('」「')}」是部门名称`);
        rolesUnsure = true;
      }
    }
  }
  const item: NoticeItem = {
    number: unit.number,
    section: unit.section,
    text: located.text,
    clause: located.clause,
    assignments,
    problems,
    place: problems.length && clausePlace ? clausePlace : unit.place,
    unsureNames,
    ...(rolesUnsure ? { rolesUnsure } : {}),
    ...(located.sureNames ? { sureNames: located.sureNames } : {}),
    ...(located.ofHeading ? { clauseOfHeading: true } : {}),
  };
  // A heading's deadline covers a unit only when the unit's own words give none.
  const ownDeadline = () => deadlineInText(toSimplified(located.text));
  const dueText = located.dueText ?? (located.ofHeading ? (ownDeadline() ?? clauseDeadline) : (clauseDeadline ?? ownDeadline()));
  if (dueText) {
    item.dueText = dueText;
    if (planYear === undefined && !/\d{4}\s*年/.test(dueText) && readDeadline(toSimplified(dueText), 0).kind === 'date') {
      problems.push(`完成时限「${dueText}」没有写年份，通知中也找不到计划年度，无法换算`);
    } else {
      const deadline = readDeadline(toSimplified(dueText), planYear ?? 0);
      if (deadline.kind === 'date') {
        item.due = deadline.date;
        if (deadline.dates.length > 1) item.milestones = deadlineSteps(toSimplified(dueText), planYear ?? 0);
        if (deadline.inferred) problems.push(`完成时限「${dueText}」按 ${deadline.date} 计（「X月前」推定为上月底），请核实`);
      } else if (deadline.kind === 'ongoing') item.ongoing = true;
      else problems.push(`完成时限「${dueText}」无法换算为日期，已保留原文`);
    }
    if (problems.length && unit.columns?.duePlace && !rolesUnsure) item.place = unit.columns.duePlace;
  } else if (saysContinuingDuty(toSimplified(located.text))) item.ongoing = true;
  return item;
}
