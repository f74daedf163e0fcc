import { nameKey } from '../model/department.js';
import type { Block, NoticeDocument, Paragraph } from './blocks.js';
import { textBlocks } from './containers/text.js';
import { readHeader } from './header.js';
import { TEXT_END, type KnownNames } from './clause/glued-name.js';
import { firstListedRule } from './clause/first-listed.js';
import { standingRule, unreadStandingRule } from './clause/standing-rule.js';
import { toSimplified } from './clause/traditional.js';
import type { Notice, NoticeItem } from './notice.js';
import { numberedItems } from './structure/numbered-items.js';
import { isPointLabel } from './structure/points.js';
import type { RawSection, RawUnit } from './structure/raw-unit.js';
import { isTaskTable } from './structure/table-grid.js';
import { taskTable } from './structure/tables.js';
import { splitLinePairs } from './structure/line-pairs.js';
import { unnumberedPairs } from './structure/unnumbered-pairs.js';
import { applyRangeRules } from './structure/range-rules.js';
import { headingClause, readUnit, type Standing } from './units.js';
import { gluedTasksDoubt } from './glued-tasks.js';
import { yearOfDates } from './year-of-dates.js';

/** A table that is not a 任务分工表 (a page laid out in a table) is read as its cells' paragraphs. */
function asParagraphs(block: Block): Paragraph[] {
  if (block.kind === 'paragraph') return [block];
  const seen = new Set<string>();
  const out: Paragraph[] = [];
  for (const row of block.rows) {
    for (const cell of row) {
      if (cell.merged || !cell.text || seen.has(cell.text)) continue;
      seen.add(cell.text);
      for (const line of cell.text.split('\n')) out.push({ kind: 'paragraph', text: line, line: cell.place.line || block.line });
    }
  }
  return out;
}

/**
 * Blocks → sections and raw units, recogniser by recogniser: runs of
 * paragraphs go to the numbered-items recogniser (which finds label lines,
 * heading clauses and fragments in them), 任务分工表 tables to the table
 * recogniser. The words before the first unit are the header.
 */
function recognise(blocks: Block[]): { sections: RawSection[]; units: RawUnit[]; headText: string; closingText: string } {
  const sections: RawSection[] = [];
  const units: RawUnit[] = [];
  const head: string[] = [];
  // The words after the last item: its closing, or paragraphs with no item after a task table (the signature).
  let closingText = '';
  let section = '';
  let run: Paragraph[] = [];
  const flushRun = () => {
    if (!run.length) return;
    const found = numberedItems(run, section);
    // No numbering at all: a task table flattened into task/unit line pairs may still hold the tasks.
    // Numbered parts alone (第二部分…) over such pairs, the first part's heading missing, are its headings: the pairs hold more.
    const partsOnly = found.bodyStart >= 0 && found.units.every((u) => u.onlyIfClause);
    const pairs = found.bodyStart < 0 || partsOnly ? unnumberedPairs(run, section) : undefined;
    if (pairs && (!partsOnly || pairs.units.length > found.units.flatMap(splitLinePairs).length)) {
      if (!units.length && !sections.length) head.push(pairs.headText);
      closingText = pairs.closingText;
      for (const u of pairs.units) units.push(u);
      run = [];
      return;
    }
    if (!units.length && !sections.length) head.push(found.bodyStart < 0 ? found.text : found.text.slice(0, found.bodyStart));
    else if (found.bodyStart < 0) closingText = found.text;
    if (found.bodyStart >= 0) closingText = found.closingText ?? '';
    // Loops, not push(...): a spread of 160,000 units overflows the stack.
    for (const s of found.sections) sections.push(s);
    for (const u of found.units) for (const pair of splitLinePairs(u)) units.push(pair);
    if (found.sections.length) section = found.sections[found.sections.length - 1]!.number;
    run = [];
  };
  for (const block of blocks) {
    if (block.kind === 'table' && isTaskTable(block)) {
      flushRun();
      const found = taskTable(block, section);
      if (!units.length && !sections.length) head.push(...found.titleLines);
      for (const s of found.sections) sections.push(s);
      for (const u of found.units) units.push(u);
      section = found.section;
      closingText = '';
    } else for (const p of asParagraphs(block)) run.push(p);
  }
  flushRun();
  return { sections, units, headText: head.join('\n'), closingText };
}

/** Numbers that restart in every section ((一) under 一、 and under 二、) are prefixed with the section: 一(一). */
function uniqueNumbers(items: NoticeItem[]): void {
  const seen = new Set<string>();
  const duplicated = items.some((i) => (seen.has(i.number) ? true : (seen.add(i.number), false)));
  // A point's label (一是) starts with a numeral of its own, not its section's.
  if (duplicated) for (const item of items) if (item.section && (!item.number.startsWith(item.section) || isPointLabel(item.number))) item.number = `${item.section}${item.number}`;
}

export interface ReadOptions {
  /** Names known for sure (a registry's): they let a clause glued to the text be cut off at the right place. */
  knownNames?: Iterable<string>;
}

/** A preamble sentence that seems to give every task bodies but was not read: every item is unsure. */
function flagUnreadRule(items: NoticeItem[], headText: string): void {
  const unread = unreadStandingRule(headText);
  if (!unread) return;
  for (const item of items) {
    item.problems.push(`通知开头的「${[...unread].slice(0, 24).join('')}…」像是适用于各项任务的分工，没有读出`);
    item.rolesUnsure = true;
  }
}

/** Where the items' words end before a stop (their last few characters): where a text glued to a clause may end too. */
function textEnds(items: readonly NoticeItem[]): Set<string> {
  const ends = new Set<string>();
  for (const item of items) {
    for (const words of toSimplified(item.text).split(/[\s,，。;；、:：()（）〔〕]+/)) if (words.length >= TEXT_END) ends.add(words.slice(-TEXT_END));
  }
  return ends;
}

/**
 * Units → items. An entry with entries under it stays an item only when none of
 * them takes its clause as their heading's: then the clause covers them (F6), and
 * the entry is their heading; else it is a task of its own (3. with ①② under it).
 */
function readUnits(units: RawUnit[], year: number | undefined, known: KnownNames, standing: Standing): NoticeItem[] {
  const read = units.map((u) => readUnit(u, year, known, standing));
  read.forEach((item, i) => {
    const glued = item && gluedTasksDoubt(units[i]!);
    if (!item || !glued) return;
    item.problems.push(glued);
    item.rolesUnsure = true;
  });
  const covering = new Set<string>();
  units.forEach((unit, i) => {
    if (!read[i]?.clauseOfHeading) return;
    const from = unit.headings.find((h) => headingClause([h]) !== undefined);
    if (from !== undefined) covering.add(from);
  });
  // A notice whose tasks are a table's rows: numbered paragraphs outside the table that name nobody are the
  // cover letter's points or a sheet's 说明, not tasks (they came out as items with no roles).
  const tableRows = units.filter((u) => u.columns).length;
  const outsideTheTable = (i: number) => tableRows >= 2 && !units[i]!.columns && read[i]?.clause === '';
  return read.filter((item, i) => item !== undefined && !(units[i]!.entriesUnder && covering.has(units[i]!.content)) && !outsideTheTable(i)) as NoticeItem[];
}

/** Reads a notice's blocks into its header, sections and items. */
export function readNoticeDocument(document: NoticeDocument, options: ReadOptions = {}): Notice {
  const recognised = recognise(document.blocks);
  const { sections, headText } = recognised;
  // `上述第（四）至（六）项由…` under the items it names: their heading clause.
  const units = applyRangeRules(recognised.units);
  const header = readHeader(headText, recognised.closingText);
  // A body that names no plan: the container's own title (a web page's <h1>, <title>) names it.
  if (!header.planTitle && !header.title && document.title) {
    const page = readHeader(document.title);
    header.planTitle = page.planTitle ?? document.title;
    if (page.title) header.title = page.title;
    // The title's year is the plan's, before one guessed from a date.
    if (page.year !== undefined && !page.yearGuessed && (header.year === undefined || header.yearGuessed)) {
      Object.assign(header, { year: page.year }, page.lastYear ? { lastYear: page.lastYear } : {});
      delete header.yearGuessed;
    }
  }
  // A fragment with no year of its own: the year its deadlines name (2022年11月底前), said to be a guess.
  if (header.year === undefined) {
    const dated = yearOfDates([headText, ...units.map((u) => u.content)].join('\n'));
    if (dated) Object.assign(header, { year: dated.year, yearGuessed: true, yearFromDates: dated.words });
  }
  const known = new Set<string>(options.knownNames ?? []);
  // A standing rule in the preamble (以下工作均需…落实，不再列出) covers every item.
  const rule = standingRule(headText);
  const listing = firstListedRule(headText);
  const standing: Standing = { rules: rule ? [rule] : [], ...(listing ? { listing } : {}) };
  let items = readUnits(units, header.year, known, standing);
  flagUnreadRule(items, headText);
  // Second pass: names read for sure elsewhere in the notice cut glued clauses (…等信息A处牵头).
  if (items.some((i) => i.rolesUnsure)) {
    for (const item of items) {
      if (!item.unsureNames.length && item.clause) for (const a of item.assignments) known.add(a.name);
      for (const name of item.sureNames ?? []) known.add(name);
    }
    const clues: KnownNames = Object.assign(known, { textEnds: textEnds(items) });
    items = readUnits(units, header.year, clues, standing);
    flagUnreadRule(items, headText);
  }
  uniqueNumbers(items);
  const sectionsSeen = new Set<string>();
  const uniqueSections = sections.filter((s) => (sectionsSeen.has(nameKey(s.number)) ? false : (sectionsSeen.add(nameKey(s.number)), true)));
  return { ...header, sections: uniqueSections, items };
}

/** Reads a notice given as text (the txt container). */
export function readNotice(text: string, options: ReadOptions = {}): Notice {
  return readNoticeDocument({ formatLabel: 'UTF-8', lineWord: '行', blocks: textBlocks(text) }, options);
}
