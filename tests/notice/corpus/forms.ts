import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { Converter } from 'opencc-js/cn2t';
import { dottedForms } from './forms-dotted.js';
import { flattenedForms } from './forms-flattened.js';
import { pointForms } from './forms-points.js';
import type { Plan, PlanItem } from './plans.js';

let converter: ((text: string) => string) | undefined;
/**
 * Simplified → Traditional (Taiwan) wording. One converter for every form: building one
 * loads opencc's dictionaries, about 0.3 s of CPU each time.
 */
export function toTraditional(text: string): string {
  const convert = (converter ??= Converter({ from: 'cn', to: 'tw' }));
  return convert(text);
}

/**
 * Renders a labelled plan in each form of DOMAIN.md's catalogue (F1–F12) and its
 * variations: one generator, so a form is tested on every plan, not one file.
 */

export interface Rendered {
  /** `F1 bracket（），1.` — the form and its variation. */
  name: string;
  bytes: Buffer;
  /** Per generated unit, in document order: which source items it holds (one, or several for F3/F6). */
  units: { items: PlanItem[]; extra?: { joint?: string[] }; withDue: boolean }[];
}

interface Words {
  sep: string;
  lead: string;
  joint: string;
  cooperate: string;
  /** '' writes a sole owner bare (alone only). */
  sole: string;
}

export const PLAIN: Words = { sep: ',', lead: '牵头', joint: '按职责分工负责', cooperate: '配合', sole: '负责' };
const VARIED: Words = { sep: '，', lead: '牵头落实', joint: '分别负责', cooperate: '协同', sole: '' };
const OTHER: Words = { sep: '；', lead: '牵头', joint: '按职能分工落实', cooperate: '配合', sole: '负责落实' };

/** The clause that says an item's roles, in the given words. */
export function clause(item: PlanItem, w: Words): string {
  const parts: string[] = [];
  if (item.scoped.length) parts.push(item.scoped.map(([scope, name]) => `${scope}由${name}牵头`).join('、'));
  if (item.lead.length) parts.push(`${item.lead.join('、')}${w.lead}`);
  if (item.joint.length) parts.push(`${item.joint.join('、')}${item.joint.length === 1 && !item.lead.length ? '按职责分工负责' : w.joint}`);
  const alone = !item.lead.length && !item.joint.length && !item.cooperate.length && !item.scoped.length;
  if (item.sole.length) parts.push(`${item.sole.join('、')}${alone ? w.sole : w.sole || '负责'}`);
  if (item.cooperate.length) parts.push(`${item.cooperate.join('、')}${w.cooperate}`);
  return parts.join(w.sep === '；' && parts.length > 1 ? '，' : w.sep);
}

/**
 * The clause in a head's words and the shares' other words (judge18): 统筹 for the lead where others answer for their
 * share, 按分工落实 for a share with no lead, 主责 for one body's own task; and each name with its role marked in brackets
 * after it (`A（牵头）、B（配合）`) where every role can be so marked.
 */
export function headWordsClause(item: PlanItem): string {
  const lead = item.joint.length ? '统筹' : '牵头';
  const joint = item.lead.length ? '具体负责' : '按分工落实';
  return clause(item, { sep: '，', lead, joint, cooperate: '配合', sole: item.sole.length === 1 ? '主责' : '负责' });
}
export function markedClause(item: PlanItem): string {
  if (item.scoped.length || item.sole.length || (item.joint.length && !item.lead.length)) return clause(item, { ...PLAIN, sole: '负责' });
  const marked = (names: string[], word: string) => names.map((n) => `${n}（${word}）`);
  return [...marked(item.lead, '牵头'), ...marked(item.joint, '负责'), ...marked(item.cooperate, '配合')].join('、');
}

/** Deadline words for a labelled due: 2018-12-31 → 2018年底前, 2020-08-31 → 2020年8月底前, ongoing → 长期推进. */
export function dueWords(due: string | undefined): string | undefined {
  if (!due) return undefined;
  if (due === 'ongoing') return '长期推进';
  const [y, m] = due.split('-');
  return m === '12' ? `${y}年底前` : `${y}年${Number(m)}月底前`;
}

/**
 * Labels for an item: 牵头单位 / 责任单位 / 配合单位 (责任单位 beside a lead is joint; alone one name is sole).
 * `sep` stands between a cell's names: 、 as the grammar writes them, or `,` `，` `；` a space, as offices type a names cell.
 */
export function labels(item: PlanItem, sep = '、'): [string, string][] {
  const out: [string, string][] = [];
  const leads = [...item.scoped.map(([scope, name]) => `${scope}由${name}牵头`), ...item.lead];
  if (leads.length) out.push(['牵头单位', leads.join(item.scoped.length ? '、' : sep)]);
  const responsible = [...item.joint, ...item.sole];
  if (responsible.length) out.push(['责任单位', item.joint.length === 1 && !item.lead.length && !item.scoped.length ? `${item.joint[0]}按职责分工负责` : responsible.join(sep)]);
  if (item.cooperate.length) out.push(['配合单位', item.cooperate.join(sep)]);
  return out;
}

/** Separators offices put between the names of one cell, taken in turn. */
export const NAME_SEPARATORS = [',', '，', '；', ' ', '、', ';', '，'] as const;

const CN = '一二三四五六七八九十';
export const chinese = (n: number) => (n <= 10 ? CN[n - 1]! : n < 20 ? `十${CN[n - 11] ?? ''}` : `${CN[Math.floor(n / 10) - 1]}十${CN[(n % 10) - 1] ?? ''}`);
const fullWidth = (s: string) => s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
export const stripStop = (text: string) => text.replace(/[。；;]$/, '');

type Numbering = (n: number) => string;
const NUMBERINGS: Record<string, Numbering> = {
  '1.': (n) => `${n}.`,
  '1、': (n) => `${n}、`,
  '１．': (n) => fullWidth(`${n}.`),
  '(一)': (n) => `(${chinese(n)})`,
  '1)': (n) => `${n})`,
};

/** Sections of up to six items: 一、… with the items under it, numbered continuously. */
export function sections(plan: Plan): PlanItem[][] {
  const out: PlanItem[][] = [];
  for (let i = 0; i < plan.items.length; i += 6) out.push(plan.items.slice(i, i + 6));
  return out;
}

export const title = (plan: Plan) => `某机关${plan.year}年政务公开工作要点及任务分工`;
const HEAD = (plan: Plan) => `${title(plan)}\n\n为做好${plan.year}年政务公开工作，制定本要点。\n`;

/** A paragraphs notice: `一、` headings, numbered items, each written by `item`. */
function paragraphs(plan: Plan, numbering: Numbering, item: (it: PlanItem, number: string) => string, head = HEAD(plan), restart = false): string {
  let n = 0;
  const lines = [head];
  sections(plan).forEach((items, s) => {
    lines.push(`${chinese(s + 1)}、第${chinese(s + 1)}部分重点工作`);
    if (restart) n = 0;
    for (const it of items) lines.push(item(it, numbering(++n)));
  });
  return lines.join('\n') + '\n';
}

export const one = (plan: Plan, withDue = false) => plan.items.map((it) => ({ items: [it], withDue }));

export function text(name: string, content: string, units: Rendered['units']): Rendered {
  return { name, bytes: Buffer.from(content), units };
}

/**
 * The text forms F1–F6, F8, F10–F12 and their variations. F1 is written with every bracket × numbering ×
 * clause words (45 notices) when `everyF1` is set; otherwise with 15 of them in which every pair of the three
 * still meets (each numbering with each kind of words, its bracket turning with both): every choice, and every
 * two choices together, on the plan all the same.
 */
export function textForms(plan: Plan, everyF1 = true): Rendered[] {
  const out: Rendered[] = [];
  const brackets: [string, string, string][] = [['(', ')', 'half'], ['（', '）', 'full'], ['〔', '〕', '〔〕']];
  for (const [b, [open, close, label]] of brackets.entries()) {
    for (const [n, [numberName, numbering]] of Object.entries(NUMBERINGS).entries()) {
      for (const [w, [wordsName, words]] of ([['plain', PLAIN], ['varied', VARIED], ['other', OTHER]] as const).entries()) {
        if (!everyF1 && b !== (n + w) % brackets.length) continue;
        const restart = numberName === '(一)';
        out.push(text(`F1 bracket ${label}, ${numberName}, ${wordsName} words`, paragraphs(plan, numbering, (it, no) => `${no}${it.text}${open}${clause(it, words)}${close}`, HEAD(plan), restart), one(plan)));
      }
    }
    out.push(text(`F2 clause before the full stop ${label}`, paragraphs(plan, NUMBERINGS['1.']!, (it, no) => `${no}${stripStop(it.text)}${open}${clause(it, PLAIN)}${close}。`), one(plan)));
    // The full stop typed as an ASCII `.` or a full-width `．` (judge19, notice 83), a space before the bracket in turn.
    const [asciiStop, stopNumbering] = ([['.', '1)'], ['．', '１．'], ['.', '1、']] as const)[b]!;
    out.push(text(`F2 clause before the full stop '${asciiStop}' ${label}`, paragraphs(plan, NUMBERINGS[stopNumbering]!, (it, no) => `${no}${stripStop(it.text)}${b === 0 ? ' ' : ''}${open}${clause(it, b === 2 ? VARIED : PLAIN)}${close}${asciiStop}`), one(plan)));
    out.push(text(`F1 deadline inside the clause ${label}`, paragraphs(plan, NUMBERINGS['1、']!, (it, no) => `${no}${it.text}${open}${[clause(it, PLAIN), dueWords(it.due)].filter(Boolean).join('，')}${close}`), one(plan, true)));
    // The clause first, in the bracket before the task's words (`1、（A牵头）做好…`), its deadline in it too but in one turn.
    const [firstNumbering, firstWords] = ([['1、', PLAIN], ['(一)', VARIED], ['1.', OTHER]] as const)[b]!;
    const withDue = b !== 1;
    const first = (it: PlanItem, no: string) => `${no}${open}${[clause(it, firstWords), withDue ? dueWords(it.due) : undefined].filter(Boolean).join('，')}${close}${it.text}`;
    out.push(text(`F1 clause before the text ${label}, ${firstNumbering}`, paragraphs(plan, NUMBERINGS[firstNumbering]!, first, HEAD(plan), b === 1), one(plan, withDue)));
  }
  out.push(text('F2 clause on its own line after the text', paragraphs(plan, NUMBERINGS['1.']!, (it, no) => `${no}${it.text}\n${clause(it, PLAIN)}`), one(plan)));
  out.push(text('F2 unbracketed clause after the full stop', paragraphs(plan, NUMBERINGS['1.']!, (it, no) => `${no}${it.text}${clause(it, { ...PLAIN, sole: '负责' })}`), one(plan)));
  out.push(text('F2 head words (统筹, 按分工落实, 主责) after the full stop', paragraphs(plan, NUMBERINGS['1、']!, (it, no) => `${no}${it.text}${headWordsClause(it)}。`), one(plan)));
  out.push(text('F2 a role marked after each name', paragraphs(plan, NUMBERINGS['1.']!, (it, no) => `${no}${it.text}${markedClause(it)}`), one(plan)));
  // F3: two tasks to a paragraph, each with its clause; space or nothing between.
  for (const gap of [' ', '']) {
    const units: Rendered['units'] = [];
    let n = 0;
    const lines = [HEAD(plan), '一、重点工作'];
    for (let i = 0; i < plan.items.length; i += 2) {
      const pair = plan.items.slice(i, i + 2);
      lines.push(`${++n}.${pair.map((it) => `${it.text}(${clause(it, PLAIN)})`).join(gap)}`);
      units.push({ items: pair, withDue: false });
    }
    out.push(text(`F3 two clauses in one paragraph, gap '${gap}'`, lines.join('\n'), units));
  }
  // F4: sentence forms.
  // (A scoped lead is its own sentence: `规章由A牵头、规范性文件由B牵头,C配合。`)
  out.push(text('F4 此项工作由…', paragraphs(plan, NUMBERINGS['(一)']!, (it, no) => `${no}${it.text}${it.scoped.length ? '' : '此项工作由'}${clause(it, { ...PLAIN, sole: '负责' })}。`, HEAD(plan), true), one(plan)));
  out.push(text('F4 …，由…，deadline', paragraphs(plan, NUMBERINGS['1.']!, (it, no) => `${no}${stripStop(it.text)}，由${[clause(it, { ...PLAIN, sole: '负责' }), dueWords(it.due) && `${dueWords(it.due)}完成`].filter(Boolean).join('，')}。`), one(plan, true)));
  // F5: label lines; labels in one bracket (`；` between labels).
  const labelLines = (it: PlanItem) => [...labels(it).map(([l, v]) => `${l}：${v}`), ...(dueWords(it.due) ? [`完成时限：${dueWords(it.due)}`] : [])].join('\n');
  out.push(text('F5 label lines', paragraphs(plan, NUMBERINGS['1.']!, (it, no) => `${no}${it.text}\n${labelLines(it)}`), one(plan, true)));
  out.push(text('F5 labels in one bracket', paragraphs(plan, NUMBERINGS['1.']!, (it, no) => `${no}${it.text}（${[...labels(it).map(([l, v]) => `${l}：${v}`), ...(dueWords(it.due) ? [`完成时限：${dueWords(it.due)}`] : [])].join('；')}）`), one(plan, true)));
  // F5 with people lines (责任领导, 联系人, 电话) among the labels, which name no body, in turns before, between and after them.
  {
    const people = ['责任领导：张某某', '联系人：王某　027-87576000', '分管领导：李某', '联络员：赵某，13900001111'];
    const withPeople = (it: PlanItem, i: number) => {
      const lines = labelLines(it).split('\n');
      lines.splice(i % (lines.length + 1), 0, people[i % people.length]!, ...(i % 2 ? [people[(i + 1) % people.length]!] : []));
      return lines;
    };
    let i = 0;
    out.push(text('F5 label lines with people lines', paragraphs(plan, NUMBERINGS['1.']!, (it, no) => `${no}${it.text}\n${withPeople(it, i++).join('\n')}`), one(plan, true)));
    let j = 0;
    out.push(text('F5 labels and people in one bracket', paragraphs(plan, NUMBERINGS['1.']!, (it, no) => `${no}${it.text}（${withPeople(it, j++).join('；')}）`), one(plan, true)));
  }
  // A standing rule that the first name of a list leads (`列第一位的为牵头单位，其他为配合单位`): every item with one lead
  // and others of the rule's role is written as a bare list; the others keep their role words.
  for (const [rule, others] of [['各项任务中列第一位的为牵头单位，其他为配合单位', 'cooperate'], ['排在首位的单位为牵头单位，其余单位为责任单位', 'joint']] as const) {
    const bare = (it: PlanItem) => it.lead.length === 1 && !it.scoped.length && !it.sole.length && (others === 'cooperate' ? !it.joint.length : !it.cooperate.length);
    const listed = (it: PlanItem) => (bare(it) ? [...it.lead, ...it.joint, ...it.cooperate].join('、') : clause(it, { ...PLAIN, sole: '负责' }));
    out.push(text(`F6 first-listed leads (${others})`, paragraphs(plan, NUMBERINGS['(一)']!, (it, no) => `${no}${it.text}（${listed(it)}）`, `${title(plan)}\n（${rule}）\n`, true), one(plan)));
  }
  // F6: a clause on a heading covers the items beneath it; a standing rule adds a group to every item.
  {
    const lines = [HEAD(plan), '一、重点工作'];
    const units: Rendered['units'] = [];
    plan.items.forEach((it, i) => {
      lines.push(`(${chinese(i + 1)})第${i + 1}项工作。(${clause(it, PLAIN)})`, `1.${it.text}`, '2.及时更新有关信息。');
      units.push({ items: [it], withDue: false }, { items: [it], withDue: false });
    });
    out.push(text('F6 a clause on a heading', lines.join('\n'), units));
  }
  out.push(
    text(
      'F6 a standing rule in the preamble',
      paragraphs(plan, NUMBERINGS['1.']!, (it, no) => `${no}${it.text}(${clause(it, PLAIN)})`, `${title(plan)}\n\n以下各项工作，各街道办事处均需按职责分工落实，不再一一列出。\n`),
      plan.items.map((it) => ({ items: [it], extra: { joint: ['各街道办事处'] }, withDue: false })),
    ),
  );
  // F8: tables copied as text.
  const due = (it: PlanItem) => dueWords(it.due) ?? '';
  {
    const rows = ['序号 | 工作任务 | 责任单位 | 完成时限 |', ...plan.items.map((it, i) => `${i + 1} | ${stripStop(it.text)} | ${clause(it, PLAIN)} | ${due(it)} |`)];
    out.push(text('F8 pipe rows', `${title(plan)}\n${rows.join('\n')}\n`, one(plan, true)));
    const withBars = ['工作任务 | 具体要求 | 责任部门 |', ...plan.items.map((it, i) => (i % 3 === 1 ? `${i + 1}.${stripStop(it.text)} | ${clause(it, PLAIN)} | |` : `第${i + 1}项 | ${i + 1}.${stripStop(it.text)} | ${clause(it, PLAIN)} |`)), ''].join('\n|\n');
    out.push(text('F8 pipe rows, a row span, empty trailing cells, | lines', `${title(plan)}\n${withBars}`, one(plan)));
    const cells = ['工作任务', '具体要求', '责任科室', '时限要求', ...plan.items.flatMap((it, i) => [...(i % 4 === 3 ? [] : [`重点工作${i + 1}`]), String(i + 1), it.text, clause(it, PLAIN), due(it) || '年底前'])];
    out.push(text('F8 a cell per line with | lines', `${title(plan)}\n${cells.map((c) => `${c}\n|`).join('\n')}\n`, plan.items.map((it) => ({ items: [it], withDue: !!it.due }))));
    const noHeader = plan.items.flatMap((it, i) => [...(i % 3 === 2 ? [] : [`重点工作${i + 1}`]), String(i + 1), it.text, clause(it, PLAIN), due(it) || '年底前']);
    out.push(text('F8 a cell per line, no header', `${title(plan)}\n${noHeader.map((c) => `${c}\n|`).join('\n')}\n`, plan.items.map((it) => ({ items: [it], withDue: !!it.due }))));
    out.push(
      text(
        'F8 flattened content/unit line pairs',
        `${title(plan)}\n${sections(plan).map((items, s) => [`${chinese(s + 1)}、第${chinese(s + 1)}部分`, ...items.flatMap((it) => [it.text, clause(it, { ...PLAIN, sole: '' })])].join('\n')).join('\n')}\n`,
        one(plan),
      ),
    );
  }
  // F10: a fragment starting at (二十四), flattened into one line.
  out.push(text('F10 fragment from (二十四), one line', plan.items.map((it, i) => `(${chinese(24 + i)})${it.text}(${clause(it, PLAIN)})`).join(' ') + ' 上一页 下一页', one(plan)));
  // F11: Traditional script.
  out.push(text('F11 Traditional script', toTraditional(paragraphs(plan, NUMBERINGS['(一)']!, (it, no) => `${no}${it.text}（${clause(it, PLAIN)}）`, HEAD(plan), true)), one(plan)));
  // F12: page chrome, metadata numbered like items, the cover notice.
  const chrome = `首页 > 政务公开 > 政策文件\n  1. [主题分类] 综合政务\n  2. [发文机构] 某机关办公室\n  3. [发布日期] 2022-01-05\n某机关办公室关于印发《${title(plan)}》的通知\n某办发〔${plan.year}〕8号\n各处室、各直属单位：\n现将《${title(plan)}》印发给你们，请认真贯彻落实。\n某机关办公室\n${plan.year}年6月30日\n${title(plan)}\n为做好工作，制定本要点。\n`;
  out.push(text('F12 page chrome and a cover notice', paragraphs(plan, NUMBERINGS['1.']!, (it, no) => `${no}${it.text}（${clause(it, PLAIN)}）`, chrome) + '相关阅读\n1. 某某新闻\n', one(plan)));
  return out;
}

/** `commas`: split role columns whose cells separate names with `,` `，` `；` or a space, not 、. */
type TableKind = 'split' | 'commas' | 'clause' | 'unnamed';
const HEADERS: Record<TableKind, string[]> = {
  split: ['序号', '重点任务', '具体任务', '牵头单位', '责任单位', '配合单位', '完成时限'],
  commas: ['序号', '重点任务', '具体任务', '牵头单位', '责任单位', '配合单位', '完成时限'],
  clause: ['序号', '工作任务', '责任单位', '完成时限'],
  unnamed: ['序号', '工作任务', '', '完成时限'],
};

/** The cells of a table of the plan: sections as rows across the table, the 重点任务 merged over its section. */
function tableRows(plan: Plan, kind: TableKind): { cells: string[]; across?: boolean; mergedFrom?: number }[] {
  const rows: { cells: string[]; across?: boolean; mergedFrom?: number }[] = [];
  let n = 0;
  sections(plan).forEach((items, s) => {
    rows.push({ cells: [`${chinese(s + 1)}、第${chinese(s + 1)}部分重点工作`], across: true });
    items.forEach((it, i) => {
      const roles = Object.fromEntries(labels(it, kind === 'commas' ? NAME_SEPARATORS[n % NAME_SEPARATORS.length] : '、'));
      const due = dueWords(it.due) ?? '';
      if (kind === 'split' || kind === 'commas') rows.push({ cells: [String(++n), `第${s + 1}组任务`, it.text, roles['牵头单位'] ?? '', roles['责任单位'] ?? '', roles['配合单位'] ?? '', due], ...(i ? { mergedFrom: 1 } : {}) });
      else rows.push({ cells: [String(++n), it.text, clause(it, PLAIN), due] });
    });
  });
  return rows;
}

/** F7 as a Word table with merged cells (vertical merge of 重点任务, sections across all columns). */
export async function docxTable(plan: Plan, kind: TableKind): Promise<Rendered> {
  const header = HEADERS[kind];
  const rows = tableRows(plan, kind);
  const cell = (t: string, o: { columnSpan?: number; rowSpan?: number } = {}) => new TableCell({ children: [new Paragraph(t)], ...o });
  const tableRowsOut: TableRow[] = [new TableRow({ children: header.map((h) => cell(h)) })];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.across) {
      tableRowsOut.push(new TableRow({ children: [cell(row.cells[0]!, { columnSpan: header.length })] }));
      continue;
    }
    if (kind === 'split' || kind === 'commas') {
      let span = 1;
      while (rows[r + span] && rows[r + span]!.mergedFrom) span++;
      const cells = row.mergedFrom ? row.cells.filter((_, i) => i !== 1).map((t) => cell(t)) : row.cells.map((t, i) => (i === 1 ? cell(t, { rowSpan: span }) : cell(t)));
      tableRowsOut.push(new TableRow({ children: cells }));
    } else tableRowsOut.push(new TableRow({ children: row.cells.map((t) => cell(t)) }));
  }
  const document = new Document({ sections: [{ children: [new Paragraph({ text: title(plan), alignment: AlignmentType.CENTER }), new Table({ rows: tableRowsOut })] }] });
  return { name: `F7 Word table (${kind})`, bytes: await Packer.toBuffer(document), units: one(plan, true) };
}

/** F7 as an Excel sheet: a merged title row, merged section rows, 重点任务 merged over its section. */
export async function xlsxTable(plan: Plan, kind: TableKind): Promise<Rendered> {
  const header = HEADERS[kind];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('任务分工');
  sheet.addRow([title(plan)]);
  sheet.mergeCells(1, 1, 1, header.length);
  sheet.addRow(header);
  let start = 0;
  for (const row of tableRows(plan, kind)) {
    const r = sheet.addRow(row.across ? [row.cells[0]] : row.mergedFrom ? row.cells.map((c, i) => (i === 1 ? null : c)) : row.cells).number;
    if (row.across) sheet.mergeCells(r, 1, r, header.length);
    else if ((kind === 'split' || kind === 'commas') && !row.mergedFrom) start = r;
    else if ((kind === 'split' || kind === 'commas') && row.mergedFrom) {
      sheet.unMergeCells(start, 2, r - 1, 2);
      sheet.mergeCells(start, 2, r, 2);
    }
  }
  return { name: `F7 Excel sheet (${kind})`, bytes: Buffer.from(await workbook.xlsx.writeBuffer()), units: one(plan, true) };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** F7 as a web page with an HTML table (colspan sections, rowspan 重点任务), and the plan as a paragraphs page. */
export function htmlPages(plan: Plan): Rendered[] {
  const nav = '<nav class="menu"><a href="/">首页</a> &gt; 政务公开</nav>';
  let n = 0;
  const paras = sections(plan).map((items, s) => `<p>${chinese(s + 1)}、第${chinese(s + 1)}部分重点工作</p>${items.map((it) => `<p>${++n}．${escape(it.text)}（${escape(clause(it, PLAIN))}）</p>`).join('')}`);
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${nav}<div class="content"><h2>${title(plan)}</h2><p>为做好工作，制定本要点。</p>${paras.join('')}</div><div class="share">分享到</div></body></html>`;
  return [
    { name: 'F7 web page with a table', bytes: Buffer.from(htmlTable(plan, 'split', nav)), units: one(plan, true) },
    { name: 'F7 web page with a table, names separated by commas', bytes: Buffer.from(htmlTable(plan, 'commas', nav)), units: one(plan, true) },
    { name: 'F1 web page of paragraphs', bytes: Buffer.from(page), units: one(plan) },
  ];
}

function htmlTable(plan: Plan, kind: 'split' | 'commas', nav: string): string {
  const header = HEADERS[kind];
  const rows = tableRows(plan, kind);
  const body: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.across) {
      body.push(`<tr><td colspan="${header.length}">${escape(row.cells[0]!)}</td></tr>`);
      continue;
    }
    let span = 1;
    while (rows[r + span] && rows[r + span]!.mergedFrom) span++;
    body.push(`<tr>${row.cells.map((c, i) => (i === 1 ? (row.mergedFrom ? '' : `<td rowspan="${span}">${escape(c)}</td>`) : `<td>${escape(c)}</td>`)).join('')}</tr>`);
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title(plan)}</title></head><body>${nav}<h1>${title(plan)}</h1><table><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr>${body.join('')}</table><footer>版权所有</footer></body></html>`;
}

/** Every form of the catalogue for a plan; `everyF1` as for textForms. */
export async function allForms(plan: Plan, everyF1 = true): Promise<Rendered[]> {
  return [
    ...textForms(plan, everyF1),
    ...(await Promise.all((['split', 'commas', 'clause', 'unnamed'] as const).map((k) => docxTable(plan, k)))),
    ...(await Promise.all((['split', 'commas', 'clause', 'unnamed'] as const).map((k) => xlsxTable(plan, k)))),
    ...flattenedForms(plan),
    ...dottedForms(plan),
    ...pointForms(plan),
    ...htmlPages(plan),
  ];
}
