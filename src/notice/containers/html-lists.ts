import type { ChildNode, Element } from 'domhandler';
import { chineseNumeral } from '../text.js';

/**
 * An `<ol>` shows its numbers without having them in the text, as Word's automatic numbering does
 * (docx-numbering.ts): each `<li>` is the item its position numbers (`start`, `value` kept). They are
 * rendered as typed — `1.` for a list, `(1)` for a list inside an item, `①` a level deeper — so the
 * numbered-items recogniser sees them. A `<ul>`'s bullets number nothing: under an item they are its words.
 * Headings that each stand right before such a list (`<h4>深化…</h4><ol>…`) and show no number of their
 * own are the parts the lists are in, numbered 一、二、 — when there are two or more of them (one alone
 * may be the page's title).
 */

/** A number typed at the start of a list entry or heading: 1. 1、 (1) 一、 (一) ① 第一条. */
const TYPED_NUMBER = /^\s*(?:\d{1,3}\s*[.、．)）]|[(（]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]|[一二三四五六七八九十]{1,3}\s*、|[\u2460-\u2473]|第[一二三四五六七八九十\d]{1,3}[条项部章])/;

const elements = (node: Element) => node.children.filter((c): c is Element => c.type === 'tag');

function plainText(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (node.type !== 'tag') return '';
  return (node as Element).children.map(plainText).join('');
}

const shownNumber = (n: number, depth: number) => (depth <= 1 ? `${n}.` : depth === 2 || n > 20 ? `(${n})` : String.fromCharCode(0x2460 + n - 1));

/** The number each unnumbered list entry and each part heading shows: put before its first words. */
export function listNumbers(root: { children: ChildNode[] }): Map<Element, string> {
  const labels = new Map<Element, string>();
  const parts: Element[] = [];
  const walk = (element: Element, depth: number) => {
    // Lists inside lists stand a level deeper, whether the outer one's numbers are typed or not.
    const inner = element.name === 'ol' ? depth + 1 : depth;
    if (element.name === 'ol') {
      const entries = elements(element).filter((e) => e.name === 'li');
      if (entries.length && !entries.some((li) => TYPED_NUMBER.test(plainText(li)))) {
        let next = Number(element.attribs.start) || 1;
        for (const li of entries) {
          const n = Number(li.attribs.value) || next;
          labels.set(li, shownNumber(n, inner));
          next = n + 1;
        }
        if (inner === 1) {
          const heading = headingBefore(element);
          if (heading) parts.push(heading);
        }
      }
    }
    for (const child of elements(element)) walk(child, inner);
  };
  for (const child of root.children) if (child.type === 'tag') walk(child as Element, 0);
  if (parts.length >= 2) parts.forEach((h, i) => labels.set(h, `${chineseNumeral(i + 1)}、`));
  return labels;
}

/** The heading right before a list (blanks between), showing no number of its own. */
function headingBefore(list: Element): Element | undefined {
  let node = list.prev;
  while (node && node.type === 'text' && !node.data.trim()) node = node.prev;
  if (!node || node.type !== 'tag') return undefined;
  const element = node as Element;
  if (!/^h[1-6]$/.test(element.name)) return undefined;
  const text = plainText(element).trim();
  return text && !TYPED_NUMBER.test(text) ? element : undefined;
}
