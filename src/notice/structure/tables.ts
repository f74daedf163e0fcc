import type { Place, Table, TableCell } from '../blocks.js';
import { isNameList, readsAsClause } from '../clause/reads-as.js';
import { roleOfLabel } from '../clause/labels.js';
import { saysRole } from '../clause/read-part.js';
import { toSimplified } from '../clause/traditional.js';
import { foldWidth, joinLines } from '../text.js';
import { headingTitle } from './numbered-items.js';
import { asNameList, namesNobody } from './names-cell.js';
import type { Recognised } from './raw-unit.js';
import { columnOf, NUMBER_IN_TEXT, RESPONSIBILITY, SECTION_START, type Column } from './table-columns.js';
import { readGrid } from './table-grid.js';

/**
 * A task table's rows into units (table-grid.ts reads the table into columns and placed rows): a row of its own is
 * an item, the rows a span or a copy spreads it over continue it, a row spanning the table heads a part.
 */

/**
 * A names cell whose lines are names or parts of a clause (Alt+Enter in Excel, a
 * paragraph per name in Word): the lines are names of a list (`、`), or parts after a
 * role word (`，`); a name wrapped over two lines is joined as one.
 */
function namesCellText(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length < 2) return asNameList(joinLines(text));
  let out = lines[0]!;
  for (const line of lines.slice(1)) {
    const previous = toSimplified(out);
    const next = toSimplified(line);
    if (/[,，;；、]$/.test(previous) || /^[,，;；、]/.test(next)) out += line;
    else if (saysRole(previous.split(/[,，;；]/).pop()!)) out += `，${line}`;
    else if (isNameList(previous.split(/[,，;；]/).pop()!) && (isNameList(next) || readsAsClause(next))) out += `、${line}`;
    else out = joinLines(`${out}\n${line}`);
  }
  // Names a comma separates (`市财政局,市税务局`) are a list: in a names cell a comma never separates roles.
  return asNameList(out);
}

export function taskTable(table: Table, currentSection: string): Recognised & { section: string; titleLines: string[] } {
  const grid = readGrid(table);
  const result: Recognised & { section: string; titleLines: string[] } = { sections: [], units: [], section: currentSection, titleLines: grid?.titleLines ?? [] };
  if (!grid) return result;
  const { columns, headerText } = grid;
  const responsibilityColumns = columns.filter((c) => RESPONSIBILITY.has(c)).length;
  // Several columns of names with no header saying which leads (a header cut off or missing): the roles are a guess.
  const unnamed = columns.map((c, i) => (RESPONSIBILITY.has(c) && !RESPONSIBILITY.has(columnOf(headerText[i] ?? '')) ? i + 1 : 0)).filter(Boolean);
  const doubt =
    (responsibilityColumns > 1 && unnamed.length) || grid.moreNameCells ? `表头缺失或不全，${unnamed.length ? `第${unnamed.join('、')}列` : '有的行'}的部门名称不知道是牵头、责任还是配合` : table.doubt;
  let lastNumber = '';
  let sub = 0;
  let running = 0;
  const parts: TablePart[] = [];
  for (const row of grid.rows) {
    const cells = row.cells;
    // A names cell that says nobody (—, /, 无: no 配合单位 for this task) is an empty one, not a name.
    const texts = cells.map((c, i) => (RESPONSIBILITY.has(columns[i]!) ? (namesNobody(c?.text ?? '') ? '' : namesCellText(c?.text ?? '')) : joinLines(c?.text ?? '')));
    const filled = texts.filter(Boolean);
    if (!filled.length) continue;
    // A row spanning the whole table (or starting 一、 with nothing else of its own) is a section heading:
    // bodies a short row took from the row above (a span) are not its own.
    const own = texts.filter((t, i) => t && !cells[i]!.merged);
    const section = SECTION_START.exec(foldWidth(own[0] ?? filled[0]!));
    if (new Set(filled).size === 1 || (section && own.length <= 2 && !cells.some((c, i) => c && !c.merged && RESPONSIBILITY.has(columns[i]!) && c.text.trim()))) {
      const heading = section ?? [, '', filled[0]!];
      if (heading[1]) {
        result.section = heading[1];
        result.sections.push({ number: heading[1], title: headingTitle(heading[2] ?? '') });
      }
      continue;
    }
    const at = (kind: Column) => cells.map((c, i) => (columns[i] === kind && c && texts[i] ? { cell: c, text: texts[i]!, header: headerText[i]!, column: i } : undefined)).filter((x) => x !== undefined);
    // A task cell opening with 一、 (merged over the rows of its part) is the part's heading.
    let task = [...new Set(at('task').map((t) => t.text))];
    const heading = task.length > 1 || (task.length === 1 && at('task')[0]!.cell.merged) ? SECTION_START.exec(foldWidth(task[0]!)) : undefined;
    if (heading) {
      if (result.section !== heading[1]) result.sections.push({ number: heading[1]!, title: headingTitle(heading[2] ?? '') });
      result.section = heading[1]!;
      task = task.slice(1);
    }
    const numberCell = at('number')[0] ?? (row.number ? { cell: row.number, text: foldWidth(row.number.text).replace(/[.、]$/, '') } : undefined);
    // The item's number written at the start of a task cell (after a 重点任务 cell, often).
    const numbered = task.findIndex((t) => NUMBER_IN_TEXT.test(foldWidth(t)));
    const written = numbered >= 0 ? NUMBER_IN_TEXT.exec(foldWidth(task[numbered]!)) : null;
    let number: string;
    const deadline = at('deadline')[0];
    // A 备注 cell, or a column whose header the reader does not know (工作标准 read as task is the task's), is the
    // plan's word on the item too: kept after the task's words under its header, never dropped.
    // A 备注 that reads wholly as a clause (`审计科配合`, `各所属企业按职责分工负责`) adds to the row's roles instead.
    const remarked = (i: number) => (columns[i] === 'note' || columns[i] === 'unknown') && !!cells[i] && !cells[i]!.merged && !!headerText[i] && !!texts[i] && !namesNobody(texts[i]!);
    const remarkClause = (i: number) => columns[i] === 'note' && remarkReadsAsClause(texts[i]!);
    const remarks = cells.map((_, i) => (remarked(i) && !remarkClause(i) ? `（${headerText[i]}：${texts[i]}）` : '')).join('');
    const remarkClauses = cells.map((c, i) => (remarked(i) && remarkClause(i) ? { cell: c!, text: texts[i]!, header: headerText[i]!, column: i } : undefined)).filter((x) => x !== undefined);
    const responsibility = [...at('lead'), ...at('responsible'), ...at('cooperate'), ...remarkClauses];
    // A row under a merged 序号 (or one whose 序号 a span took) that lacks task words or bodies of its own is
    // the same task spread over another row (a row per body, per line of its words): one item, its words
    // joined and its bodies collected. Only a row with both is a task of its own (N.1, N.2).
    const previous = parts[parts.length - 1];
    const spanned = numberCell ? numberCell.cell.merged : !written && !!lastNumber;
    const ownTask = task.length > 0 && cells.some((c, i) => columns[i] === 'task' && c && !c.merged && texts[i]);
    const ownBodies = cells.some((c, i) => RESPONSIBILITY.has(columns[i]!) && c && !c.merged && texts[i]);
    if (previous && previous.section === result.section && spanned && !(ownTask && ownBodies)) {
      for (const words of task) if (!previous.task.includes(words) && !previous.more.includes(words)) previous.more.push(words);
      previous.remarks += remarks;
      for (const r of responsibility) if (!previous.responsibility.some((p) => p.cell === r.cell || (p.header === r.header && p.text === r.text))) previous.responsibility.push(r);
      if (deadline && !previous.deadlines.some((d) => d.text === deadline.text)) previous.deadlines.push(deadline);
      previous.left.push(...(row.left ?? []));
      continue;
    }
    if (numberCell && numberCell.cell.merged) number = `${lastNumber}.${++sub}`;
    else if (numberCell) {
      lastNumber = numberCell.text;
      sub = 1;
      number = numberCell.text;
    } else if (written) {
      number = written[1]!;
      task[numbered] = task[numbered]!.slice(written[0].length);
    } else if (lastNumber) number = `${lastNumber}.${++sub}`; // a row whose 序号 a span took: the numbered row's next part
    else number = String(++running);
    const firstCell = cells.find((c) => c)!;
    parts.push({ number, section: result.section, place: { ...firstCell.place }, task, more: [], remarks, responsibility, deadlines: deadline ? [deadline] : [], left: [...(row.left ?? [])], ...(!numberCell && !written ? { unnumbered: true } : {}) });
  }
  // A row of its own with no 序号 between N and N+2 (a copy that lost the number) is N+1, not N's second part.
  parts.forEach((part, i) => {
    const n = /^(\d+)\.2$/.exec(part.number);
    if (part.unnumbered && n && parts[i - 1]?.number === n[1] && parts[i + 1]?.number === String(Number(n[1]) + 2)) part.number = String(Number(n[1]) + 1);
  });
  for (const part of parts) {
    // Names of one column over several rows are one list; a cell with role words keeps them (A牵头，B配合).
    const byColumn = new Map<string, string[]>();
    const remarked = part.responsibility.filter((r) => columns[r.column] === 'note').map((r) => r.text);
    for (const r of part.responsibility) if (columns[r.column] !== 'note') byColumn.set(r.header, [...(byColumn.get(r.header) ?? []), r.text]);
    const joined = (texts: string[]) => texts.join(texts.some((t) => saysRole(toSimplified(t))) ? '，' : '、');
    // One responsibility column is read with the clause grammar as it stands (A会B,
    // …等按职责分工落实); several become a labelled clause: 牵头单位:…；配合单位:…; the
    // grammar reads role words inside the cells too (甲类由A牵头、乙类由B牵头).
    const single = responsibilityColumns === 1 && !columns.includes('lead') && !columns.includes('cooperate');
    const named = single
      ? joined([...byColumn.values()].flat())
      : [...byColumn].map(([header, texts]) => {
          const column = columns[part.responsibility.find((r) => r.header === header)!.column]!;
          return `${roleOfLabel(header) ? header : labelFor(column)}:${joined(texts)}`;
        }).join('；');
    // A clause written in the 备注 is a part of its own after the columns' (`牵头部门:A；审计部配合`).
    const clause = [named, ...remarked].filter(Boolean).join('；');
    const deadline = part.deadlines[0];
    const lost = part.left.length ? `表格这一行的「${part.left.join('」「')}」不知道属于哪一列，没有读入` : undefined;
    const unitDoubt = [clause ? doubt : undefined, lost].filter(Boolean).join('；');
    result.units.push({
      number: part.number,
      section: part.section,
      content: [part.task.join('：'), ...part.more].join('；') + part.remarks,
      place: part.place,
      headings: [],
      columns: {
        ...(clause ? { clause, clausePlace: part.responsibility[0]!.cell.place } : {}),
        ...(deadline ? { dueText: part.deadlines.map((d) => d.text).join('，'), duePlace: deadline.cell.place } : {}),
        ...(unitDoubt ? { doubt: unitDoubt } : {}),
      },
    });
  }
  // A merged 序号's first row: renumber N → N.1 when N.2 follows.
  result.units.forEach((unit, i) => {
    const next = result.units[i + 1];
    if (next && next.number === `${unit.number}.2`) unit.number = `${unit.number}.1`;
  });
  return result;
}

/** A remark that is a clause and nothing else: role words over names (`审计科配合`), no task's words. */
function remarkReadsAsClause(text: string): boolean {
  const words = toSimplified(foldWidth(text)).trim().replace(/[。;；]$/, '');
  return words.length <= 60 && readsAsClause(words);
}

/** The label a responsibility column stands for when its header is not one the grammar reads. */
function labelFor(column: Column): string {
  return column === 'lead' ? '牵头单位' : column === 'cooperate' ? '配合单位' : '责任单位';
}

/** One item of a table as its rows are read: a row of its own, then the rows that continue it. */
interface TablePart {
  number: string;
  section: string;
  place: Place;
  task: string[];
  /** Words of the rows that continue it. */
  more: string[];
  remarks: string;
  responsibility: { cell: TableCell; text: string; header: string; column: number }[];
  deadlines: { cell: TableCell; text: string }[];
  /** Words of its rows that fit no column. */
  left: string[];
  /** No 序号 of its own (none in the row, none written in its words). */
  unnumbered?: boolean;
}
