import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { chineseDate } from '../reminder.js';
import { safeText } from '../safe-text.js';
import type { Block, DocTable, OfficialDoc } from './official-doc.js';

/**
 * The 公文 layout of GB/T 9704-2012, as the offices' Word/WPS templates write
 * it: A4, a type area (版心) of 156 × 225 mm, 22 lines of 28 characters, the
 * title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号, headings 黑体 and
 * 楷体_GB2312, page numbers 「— 1 —」 in 宋体 四号 outside the type area.
 * Font names are the templates' own, so the offices' machines render them;
 * elsewhere the reader substitutes (LibreOffice here falls back to Noto CJK).
 */
export const GONGWEN = {
  fonts: { title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312', pageNumber: '宋体' },
  /** Sizes in points: 二号 22, 三号 16, 四号 14; tables in 小四 (12) so a row of figures fits. */
  sizes: { title: 22, body: 16, pageNumber: 14, table: 12 },
  /** Page margins in mm: 210 − 28 − 26 = 156 wide, 297 − 37 − 35 = 225 high. */
  margins: { top: 37, bottom: 35, left: 28, right: 26 },
  linesPerPage: 22,
  charsPerLine: 28,
} as const;

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * TWIPS_PER_MM);
const A4 = { width: mm(210), height: mm(297) };
const typeArea = { width: 210 - GONGWEN.margins.left - GONGWEN.margins.right, height: 297 - GONGWEN.margins.top - GONGWEN.margins.bottom };
/** 225 mm ÷ 22 lines ≈ 28.95 pt per line, fixed (exact), in twips. */
const LINE = Math.floor(mm(typeArea.height) / GONGWEN.linesPerPage);
/** 156 mm ÷ 28 characters ≈ 15.79 pt per character: a 16 pt character is drawn ≈ 0.21 pt closer (in twips, rounded towards the tighter side). */
const CHAR_SPACING = Math.floor(mm(typeArea.width) / GONGWEN.charsPerLine - GONGWEN.sizes.body * 20);
const CHAR = GONGWEN.sizes.body * 20 + CHAR_SPACING;

/** All four font slots, so Latin digits in a line use the same face as the Chinese around them. */
const face = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const run = (text: string, options: Omit<IRunOptions, 'text'> = {}) => new TextRun({ text: safeText(text), ...options });
const exact = { line: LINE, lineRule: LineRuleType.EXACT };

function titleParagraphs(doc: OfficialDoc): Paragraph[] {
  const out = [
    new Paragraph({ style: 'GongwenTitle', children: [run(doc.title)] }),
  ];
  // The title is followed by one empty line (空一行), then the body.
  if (doc.subtitle) out.push(new Paragraph({ style: 'GongwenSubtitle', children: [run(doc.subtitle)] }));
  out.push(new Paragraph({ style: 'GongwenBody', children: [] }));
  return out;
}

/** Cell margins left and right, in twips. */
const CELL_MARGIN = 60;
/**
 * The width a cell's text needs so that no run of Latin letters, digits and signs in it (a date, 010-58123456, an
 * item's number) is broken across lines: Word and LibreOffice break at a hyphen when the column is narrower, and a
 * date split as 2021-10- / 20 misleads. A half-width glyph is taken as 0.6 em, wide enough for the faces the readers
 * substitute (Noto CJK's digits are about 0.55 em). Chinese text may wrap anywhere and asks for nothing.
 */
function unbreakableWidth(text: string): number {
  const longest = Math.max(0, ...(text.match(/[\x21-\x7e]+/g) ?? []).map((token) => token.length));
  return longest === 0 ? 0 : Math.ceil(longest * GONGWEN.sizes.table * 20 * 0.6) + 2 * CELL_MARGIN + 20;
}

/**
 * Column widths in twips: the columns' relative widths over the type area, then every column widened to its
 * longest unbreakable run, the width taken from the columns that have room to spare, in proportion to that room.
 */
export function columnWidths(data: DocTable, available = mm(typeArea.width)): number[] {
  const total = data.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = data.columns.map((c) => Math.floor((available * c.width) / total));
  const needed = data.columns.map((c, i) => Math.max(unbreakableWidth(c.header), ...data.rows.map((row) => unbreakableWidth(row[i] ?? ''))));
  const missing = widths.reduce((sum, w, i) => sum + Math.max(0, needed[i]! - w), 0);
  const spare = widths.map((w, i) => Math.max(0, w - needed[i]!));
  const spareTotal = spare.reduce((a, b) => a + b, 0);
  // When the runs cannot all fit, the relative widths stand: a wrapped date is better than a table off the page.
  if (missing === 0 || missing > spareTotal) return widths;
  return widths.map((w, i) => (needed[i]! > w ? needed[i]! : w - Math.ceil((missing * spare[i]!) / spareTotal)));
}

function tableOf(data: DocTable): Table {
  const widths = columnWidths(data);
  const align = (a: DocTable['columns'][number]['align']) => (a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);
  const cell = (text: string, column: number, header: boolean) =>
    new TableCell({
      width: { size: widths[column]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 20, bottom: 20 },
      children: text
        .split('\n')
        .map((line) => new Paragraph({ style: 'GongwenTable', alignment: header ? AlignmentType.CENTER : align(data.columns[column]!.align), children: [run(line, header ? { font: face(GONGWEN.fonts.heading1) } : {})] })),
    });
  return new Table({
    width: { size: mm(typeArea.width), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      // The header row repeats at the top of every page the table runs onto.
      new TableRow({ tableHeader: true, cantSplit: true, children: data.columns.map((c, i) => cell(c.header, i, true)) }),
      ...data.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, false)) })),
    ],
  });
}

/** `keepNext` ties a paragraph to the next: the last one to the closing, so the sender and date never stand alone on a page. */
function blockOf(block: Block, keepNext = false): Paragraph | Table {
  switch (block.kind) {
    case 'heading':
      return new Paragraph({ style: block.level === 1 ? 'GongwenHeading1' : 'GongwenHeading2', keepNext: true, children: [run(block.text)] });
    case 'paragraph':
      return new Paragraph({ style: 'GongwenBody', keepNext, keepLines: keepNext, children: [run(block.text)] });
    case 'addressee':
      return new Paragraph({ style: 'GongwenBody', indent: { firstLine: 0 }, children: [run(block.text)] });
    case 'table':
      return tableOf(block.table);
  }
}

/** 联系人、电话, then the sender and the date: 署名 centred over the date, the date 右空四字. */
function closing(doc: OfficialDoc): Paragraph[] {
  const out: Paragraph[] = [];
  const contact = [doc.contact?.name ? `联系人：${doc.contact.name}` : '', doc.contact?.phone ? `电话：${doc.contact.phone}` : ''].filter(Boolean).join('　');
  if (contact) out.push(new Paragraph({ style: 'GongwenBody', keepNext: true, children: [run(`（${contact}）`)] }));
  // One empty line, then the sender over the date; all kept on the page of the text before them (GB/T 9704 7.3.5).
  out.push(new Paragraph({ style: 'GongwenBody', keepNext: true, children: [] }));
  const date = chineseDate(doc.date);
  // The sender is centred on the date line: both end four characters from the right, the shorter one padded.
  const widthDiff = [...safeText(doc.sender)].length - [...date].length;
  const right = (extra: number) => ({ firstLine: 0, right: CHAR * (4 + Math.max(0, extra)) });
  out.push(
    new Paragraph({ style: 'GongwenBody', keepNext: true, alignment: AlignmentType.RIGHT, indent: right(widthDiff < 0 ? Math.floor(-widthDiff / 2) : 0), children: [run(doc.sender)] }),
    new Paragraph({ style: 'GongwenBody', alignment: AlignmentType.RIGHT, indent: right(widthDiff > 0 ? Math.floor(widthDiff / 2) : 0), children: [run(date)] }),
  );
  return out;
}

/** 「— 1 —」: odd pages on the right, even on the left, one character in from the edge of the type area. */
function pageNumberFooter(alignment: 'left' | 'right'): Footer {
  const indent = alignment === 'right' ? { right: GONGWEN.sizes.pageNumber * 20 } : { left: GONGWEN.sizes.pageNumber * 20 };
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: face(GONGWEN.fonts.pageNumber), size: GONGWEN.sizes.pageNumber * 2 })],
      }),
    ],
  });
}

const paragraphStyle = (id: string, name: string, font: string, size: number, paragraph: object, bold = false) => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'GongwenBody',
  quickFormat: true,
  run: { font: face(font), size: size * 2, bold, characterSpacing: CHAR_SPACING },
  paragraph,
});

/** The document as the bytes of a .docx file. */
export async function officialDocBytes(doc: OfficialDoc): Promise<Buffer> {
  const body = { spacing: { ...exact, before: 0, after: 0 }, indent: { firstLine: CHAR * 2 } };
  const document = new Document({
    creator: 'gongkai',
    title: safeText(doc.title),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: face(GONGWEN.fonts.body), size: GONGWEN.sizes.body * 2 }, paragraph: { spacing: { ...exact, before: 0, after: 0 } } },
      },
      paragraphStyles: [
        paragraphStyle('GongwenBody', '公文正文', GONGWEN.fonts.body, GONGWEN.sizes.body, { ...body, alignment: AlignmentType.JUSTIFIED }),
        paragraphStyle('GongwenTitle', '公文标题', GONGWEN.fonts.title, GONGWEN.sizes.title, { spacing: { ...exact, before: 0, after: 0 }, alignment: AlignmentType.CENTER }),
        paragraphStyle('GongwenSubtitle', '公文副标题', GONGWEN.fonts.heading2, GONGWEN.sizes.body, { spacing: { ...exact, before: 0, after: 0 }, alignment: AlignmentType.CENTER }),
        paragraphStyle('GongwenHeading1', '公文一级标题', GONGWEN.fonts.heading1, GONGWEN.sizes.body, { ...body, outlineLevel: 0 }),
        paragraphStyle('GongwenHeading2', '公文二级标题', GONGWEN.fonts.heading2, GONGWEN.sizes.body, { ...body, outlineLevel: 1 }),
        // Table text: 小四, single-spaced (a fixed 28.95 pt line would clip wrapped cells' lines apart).
        { ...paragraphStyle('GongwenTable', '公文表格', GONGWEN.fonts.body, GONGWEN.sizes.table, { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } }), run: { font: face(GONGWEN.fonts.body), size: GONGWEN.sizes.table * 2 } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: mm(GONGWEN.margins.top), bottom: mm(GONGWEN.margins.bottom), left: mm(GONGWEN.margins.left), right: mm(GONGWEN.margins.right), header: mm(15), footer: mm(20) },
          },
          grid: { linePitch: LINE },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: [...titleParagraphs(doc), ...doc.blocks.map((block, i) => blockOf(block, i === doc.blocks.length - 1)), ...closing(doc)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
