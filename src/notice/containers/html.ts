import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Block, TableCell } from '../blocks.js';
import { gridFromRows, type SpannedCell } from './grid.js';
import { listNumbers } from './html-lists.js';

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

/** A label cell of a page's metadata table: `文号：`, `发布机构:`, `[成文日期]` — a few words and a colon. */
const META_LABEL = /^(?:\d+\.\s*)?\[?[\u4e00-\u9fa5 ]{2,8}\]?\s*[:：]$/;

/**
 * A page's metadata table (索引号：| … | 文号：| …): label cells each followed by their value. Read as
 * `label：value` lines, as a page that writes them in paragraphs does — never as a value on a line of
 * its own (`1. 综合政务 2. 政务公开` under 主题分类 is not a numbered task).
 */
function metadataLines(rows: SpannedCell[][]): string[] | undefined {
  const lines: string[] = [];
  for (const row of rows) {
    const cells = row.map((c) => c.text).filter(Boolean);
    if (cells.length % 2 || !cells.every((text, i) => (i % 2 === 0) === META_LABEL.test(text))) return undefined;
    for (let i = 0; i < cells.length; i += 2) lines.push(`${cells[i]}${cells[i + 1]}`);
  }
  return lines.length ? lines : undefined;
}

/** A site's name after the page's own title (`…的通知_德清县人民政府`, `… - 某市人民政府门户网站`). */
const SITE_SUFFIX = /\s*(?:[_|｜]|\s[-—–]\s).*$/;

/**
 * The page's own title, for a body that gives none: its first <h1> outside the site chrome,
 * else its <title> without the site's name.
 */
function pageTitle(document: ReturnType<typeof parseDocument>): string | undefined {
  let h1: string | undefined;
  let title: string | undefined;
  const walk = (node: ChildNode, chrome: boolean) => {
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const element = node as Element;
    if (element.name === 'title') title ??= normalise(element.children.map((c) => (c.type === 'text' ? c.data : '')).join(''));
    if (element.name === 'h1' && !chrome) h1 ??= normalise(textOf(element)).replace(/\n/g, '');
    const inChrome = chrome || (element.name !== 'head' && isChrome(element));
    element.children.forEach((c) => walk(c, inChrome));
  };
  document.children.forEach((c) => walk(c, false));
  return h1 || title?.replace(SITE_SUFFIX, '') || undefined;
}

/**
 * A page saved from a government site → blocks: body text as paragraphs,
 * `<table>`s as tables with their row and column spans filled in, site chrome left out;
 * and the page's own title (<h1>, <title>).
 */
export function htmlDocument(html: string): { blocks: Block[]; title?: string } {
  const document = parseDocument(html, { decodeEntities: true });
  const title = pageTitle(document);
  return { blocks: htmlBlocks(document), ...(title ? { title } : {}) };
}

function htmlBlocks(document: ReturnType<typeof parseDocument>): Block[] {
  const blocks: Block[] = [];
  let pending = '';
  let tables = 0;
  // Numbers a list shows but its text lacks (html-lists.ts), put before the entry's first words.
  const shown = listNumbers(document);
  let label = '';
  const flush = () => {
    for (const line of normalise(pending).split('\n')) {
      if (line.trim()) blocks.push({ kind: 'paragraph', text: line.trim(), line: blocks.length + 1 });
    }
    pending = '';
  };
  const walk = (node: ChildNode) => {
    if (node.type === 'text') {
      if (label && node.data.trim()) {
        pending += label + node.data.trimStart();
        label = '';
      } else pending += node.data;
      return;
    }
    if (node.type !== 'tag') return;
    const element = node as Element;
    if (isChrome(element)) return;
    if (element.name === 'table') {
      const rows = tableRows(element);
      const metadata = metadataLines(rows);
      if (metadata) {
        pending += `\n${metadata.join('\n')}\n`;
        return;
      }
      flush();
      const number = ++tables;
      const grid = gridFromRows(rows, (row, col) => `表${number} 第${row}行第${col}列`);
      if (grid.length) blocks.push({ kind: 'table', rows: grid.map((r) => r.map((c): TableCell => ({ ...c, place: { ...c.place, line: blocks.length + 1 } }))), line: blocks.length + 1 });
      return;
    }
    if (element.name === 'br') pending += '\n';
    const block = BLOCK_TAGS.has(element.name);
    if (block) pending += '\n';
    if (shown.has(element)) label = shown.get(element)!;
    element.children.forEach(walk);
    if (shown.has(element)) label = ''; // an empty entry shows its number on nothing
    if (block) pending += '\n';
  };
  document.children.forEach(walk);
  flush();
  return blocks;
}
