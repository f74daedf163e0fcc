import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { chineseNumeral } from '../text.js';

/**
 * Word's automatic numbering (w:numPr): the numbers are not in the text but in
 * word/numbering.xml as formats (decimal, chineseCounting …) and patterns
 * (`%1.`, `（%2）`, `%1、`). They are rendered here as the document shows them,
 * so the numbered-items recogniser sees `一、` and `1.` as if typed.
 */

interface Level {
  format: string;
  text: string;
  start: number;
}

const tags = (node: Element, name: string): Element[] => {
  const out: Element[] = [];
  const walk = (n: Element) => {
    for (const c of n.children) {
      if (c.type !== 'tag') continue;
      const e = c as Element;
      if (e.name === name) out.push(e);
      else walk(e);
    }
  };
  walk(node);
  return out;
};
const child = (node: Element, name: string) => node.children.find((c): c is Element => c.type === 'tag' && (c as Element).name === name);
const val = (node: Element | undefined, name: string) => (node ? child(node, name)?.attribs['w:val'] : undefined);

function formatNumber(n: number, format: string): string {
  if (/^chinese|^ideograph|^japaneseCounting|^taiwaneseCounting/.test(format)) return n <= 99 ? chineseNumeral(n) : String(n);
  if (/^decimalEnclosedCircle/.test(format) && n <= 20) return String.fromCharCode(0x2460 + n - 1);
  if (format === 'decimalFullWidth') return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  if (format === 'bullet' || format === 'none') return '';
  return String(n);
}

export type Numbering = (paragraph: Element) => string;

/** Reads word/numbering.xml; the returned function gives each numbered paragraph its number text, in document order. */
export function readNumbering(xml: string | undefined): Numbering {
  if (!xml) return () => '';
  const root = parseDocument(xml, { xmlMode: true });
  const abstract = new Map<string, Map<number, Level>>();
  const top = root.children.find((c): c is Element => c.type === 'tag');
  if (!top) return () => '';
  for (const definition of tags(top, 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    for (const level of tags(definition, 'w:lvl')) {
      levels.set(Number(level.attribs['w:ilvl'] ?? 0), {
        format: val(level, 'w:numFmt') ?? 'decimal',
        text: val(level, 'w:lvlText') ?? '',
        start: Number(val(level, 'w:start') ?? 1),
      });
    }
    abstract.set(definition.attribs['w:abstractNumId'] ?? '', levels);
  }
  const instances = new Map<string, Map<number, Level>>();
  for (const num of tags(top, 'w:num')) {
    const levels = abstract.get(val(num, 'w:abstractNumId') ?? '');
    if (levels) instances.set(num.attribs['w:numId'] ?? '', levels);
  }
  const counters = new Map<string, number[]>();
  return (paragraph) => {
    const properties = child(paragraph, 'w:pPr');
    const numPr = properties && child(properties, 'w:numPr');
    const numId = val(numPr, 'w:numId');
    if (!numPr || !numId || numId === '0') return '';
    const levels = instances.get(numId);
    const ilvl = Number(val(numPr, 'w:ilvl') ?? 0);
    const level = levels?.get(ilvl);
    if (!levels || !level || level.format === 'bullet' || level.format === 'none') return '';
    const count = counters.get(numId) ?? [];
    count[ilvl] = count[ilvl] === undefined ? level.start : count[ilvl]! + 1;
    count.length = ilvl + 1; // deeper levels start again under a new parent
    counters.set(numId, count);
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const at = Number(d) - 1;
      const of = levels.get(at);
      return formatNumber(count[at] ?? of?.start ?? 1, of?.format ?? 'decimal');
    });
  };
}
