import { strFromU8, unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Block } from '../blocks.js';
import { readNumbering, type Numbering } from './docx-numbering.js';
import { gridFromRows, type SpannedCell } from './grid.js';

const children = (node: Element, name: string): Element[] => node.children.filter((c): c is Element => c.type === 'tag' && (c as Element).name === name);
const first = (node: Element, name: string): Element | undefined => children(node, name)[0];

/** The text of a paragraph (w:p): its runs' w:t, tabs and breaks. */
function paragraphText(paragraph: Element): string {
  let text = '';
  const walk = (node: ChildNode) => {
    if (node.type === 'text') return;
    if (node.type !== 'tag') return;
    const element = node as Element;
    switch (element.name) {
      case 'w:t':
        text += element.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
        return;
      case 'w:tab':
        text += ' ';
        return;
      case 'w:br':
      case 'w:cr':
        text += '\n';
        return;
      case 'w:delText':
      case 'w:instrText':
        return;
      default:
        element.children.forEach(walk);
    }
  };
  walk(paragraph);
  return text;
}

/** A table (w:tbl): cells with w:gridSpan and w:vMerge become a grid with merged cells filled in. */
function tableGrid(table: Element, number: number, line: number) {
  const rows: SpannedCell[][] = [];
  // Vertical merges: a cell with <w:vMerge/> (no val, or val="continue") continues the one above it.
  const continues: boolean[][] = [];
  for (const tr of children(table, 'w:tr')) {
    const row: SpannedCell[] = [];
    const flags: boolean[] = [];
    for (const tc of children(tr, 'w:tc')) {
      const properties = first(tc, 'w:tcPr');
      const span = Number(properties && first(properties, 'w:gridSpan')?.attribs['w:val']) || 1;
      const vMerge = properties && first(properties, 'w:vMerge');
      const text = children(tc, 'w:p').map(paragraphText).join('\n').trim();
      row.push({ text, rowSpan: 1, colSpan: span });
      flags.push(!!vMerge && vMerge.attribs['w:val'] !== 'restart');
    }
    rows.push(row);
    continues.push(flags);
  }
  const grid = gridFromRows(rows, (r, c) => `表${number} 第${r}行第${c}列`);
  // Fill vertical continuations from the cell above, column by column.
  rows.forEach((row, r) => {
    let col = 0;
    row.forEach((cell, i) => {
      if (continues[r]![i] && r > 0) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const above = grid[r - 1]![col + dc]!;
          grid[r]![col + dc] = { text: above.text, place: grid[r]![col + dc]!.place, merged: true };
        }
      }
      col += cell.colSpan;
    });
  });
  return grid.map((r) => r.map((c) => ({ ...c, place: { ...c.place, line } })));
}

/** Is this zip a Word document? */
export function isDocx(files: string[]): boolean {
  return files.includes('word/document.xml');
}

/**
 * A .docx → blocks: the body's paragraphs (w:p) and tables (w:tbl), in order,
 * read from word/document.xml, with automatic numbering rendered from
 * word/numbering.xml. Paragraph numbers are the `line`s.
 */
export function docxBlocks(zip: Uint8Array): Block[] {
  const files = unzipSync(zip, { filter: (file) => file.name === 'word/document.xml' || file.name === 'word/numbering.xml' });
  const xml = strFromU8(files['word/document.xml']!);
  const numbering: Numbering = readNumbering(files['word/numbering.xml'] && strFromU8(files['word/numbering.xml']));
  const document = parseDocument(xml, { xmlMode: true });
  const root = document.children.find((c): c is Element => c.type === 'tag');
  const body = root && first(root, 'w:body');
  const blocks: Block[] = [];
  if (!body) return blocks;
  let tables = 0;
  const visit = (container: Element) => {
    for (const node of container.children) {
      if (node.type !== 'tag') continue;
      const element = node as Element;
      if (element.name === 'w:p') {
        // Automatic numbering is not in the text: put it back in front, as Word shows it.
        for (const text of (numbering(element) + paragraphText(element)).split('\n')) blocks.push({ kind: 'paragraph', text, line: blocks.length + 1 });
      } else if (element.name === 'w:tbl') {
        const line = blocks.length + 1;
        blocks.push({ kind: 'table', rows: tableGrid(element, ++tables, line), line });
      } else if (element.name === 'w:sdt' || element.name === 'w:sdtContent' || element.name === 'w:customXml') {
        visit(element);
      }
    }
  };
  visit(body);
  return blocks;
}
