import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Block, TableCell } from '../blocks.js';
import { gridFromRows, type SpannedCell } from './grid.js';

/** Site chrome: menus, headers, footers, share bars — never part of the notice. */
const CHROME_TAGS = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'select', 'button', 'iframe', 'template', 'head']);
const CHROME_NAME = /(^|[\s_-])(nav|menu|footer|header|breadcrumb|crumb|share|sidebar|toolbar|banner|copyright|topbar|search|login|related|links?)([\s_-]|$)/i;
const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'center', 'body', 'td', 'th', 'tr']);

function isChrome(element: Element): boolean {
  if (CHROME_TAGS.has(element.name)) return true;
  const name = `${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`;
  return CHROME_NAME.test(name);
}

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return '';
  const element = node as Element;
  if (CHROME_TAGS.has(element.name)) return '';
  if (element.name === 'br') return '\n';
  const inner = element.children.map(textOf).join('');
  return BLOCK_TAGS.has(element.name) ? `\n${inner}\n` : inner;
}

function tableRows(table: Element): SpannedCell[][] {
  const rows: SpannedCell[][] = [];
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'tag') continue;
      const element = child as Element;
      if (element.name === 'table') continue; // a nested table is its own block
      if (element.name === 'tr') {
        rows.push(
          element.children
            .filter((c): c is Element => c.type === 'tag' && ((c as Element).name === 'td' || (c as Element).name === 'th'))
            .map((cell) => ({
              text: normalise(textOf(cell)),
              rowSpan: Math.max(1, Number(cell.attribs.rowspan) || 1),
              colSpan: Math.max(1, Number(cell.attribs.colspan) || 1),
            })),
        );
      } else visit(element);
    }
  };
  visit(table);
  return rows;
}

const normalise = (text: string) => text.replace(/\u00a0/g, ' ').replace(/[ \t]*\n[ \t\n]*/g, '\n').replace(/[ \t]+/g, ' ').trim();

/**
 * A page saved from a government site → blocks: body text as paragraphs,
 * `<table>`s as tables with their row and column spans filled in, site chrome left out.
 */
export function htmlBlocks(html: string): Block[] {
  const document = parseDocument(html, { decodeEntities: true });
  const blocks: Block[] = [];
  let pending = '';
  let tables = 0;
  const flush = () => {
    for (const line of normalise(pending).split('\n')) {
      if (line.trim()) blocks.push({ kind: 'paragraph', text: line.trim(), line: blocks.length + 1 });
    }
    pending = '';
  };
  const walk = (node: ChildNode) => {
    if (node.type === 'text') {
      pending += node.data;
      return;
    }
    if (node.type !== 'tag') return;
    const element = node as Element;
    if (isChrome(element)) return;
    if (element.name === 'table') {
      flush();
      const number = ++tables;
      const grid = gridFromRows(tableRows(element), (row, col) => `表${number} 第${row}行第${col}列`);
      if (grid.length) blocks.push({ kind: 'table', rows: grid.map((r) => r.map((c): TableCell => ({ ...c, place: { ...c.place, line: blocks.length + 1 } }))), line: blocks.length + 1 });
      return;
    }
    if (element.name === 'br') pending += '\n';
    const block = BLOCK_TAGS.has(element.name);
    if (block) pending += '\n';
    element.children.forEach(walk);
    if (block) pending += '\n';
  };
  document.children.forEach(walk);
  flush();
  return blocks;
}
