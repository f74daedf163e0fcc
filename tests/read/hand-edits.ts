/** Hand edits of a ledger (valid ones and ones that break its layout or its YAML), shared by the chunked-parse and layout tests. */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { jsYamlValue } from '../../src/read/load-yaml-value.js';
import { FIXTURES, SHIPPED_LEDGER } from '../helpers/paths.js';

/** The shipped ledger and every ledger fixture. */
export function allLedgerFixtures(): string[] {
  const files: string[] = [SHIPPED_LEDGER];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (/\.ya?ml$/.test(entry.name)) files.push(join(dir, entry.name));
    }
  };
  walk(join(FIXTURES, 'ledgers'));
  return files;
}

/** A small deterministic generator, so a failure names an edit that can be replayed. */
export function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

export type Edit = (text: string, r: ReturnType<typeof randomFrom>) => string;

/** The text with one to three random characters' worth of `noise` inserted, deleted or put in place of a character. */
export function mutated(text: string, r: ReturnType<typeof randomFrom>, noise: readonly string[]): string {
  for (let k = 1 + r.int(3); k > 0; k--) {
    const at = r.int(text.length);
    const kind = r.int(3);
    const piece = r.pick(noise);
    text = kind === 0 ? text.slice(0, at) + piece + text.slice(at) : kind === 1 ? text.slice(0, at) + text.slice(at + 1 + r.int(4)) : text.slice(0, at) + piece + text.slice(at + 1);
  }
  return text;
}

const itemStarts = (text: string) => [...text.matchAll(/^ {6}- number:/gm)].map((m) => m.index!);

function itemRange(text: string, r: ReturnType<typeof randomFrom>): [number, number] {
  const starts = itemStarts(text);
  const i = r.int(starts.length);
  const start = starts[i]!;
  const nextLine = text.indexOf('\n', start) + 1;
  const following = text.slice(nextLine).search(/^ {0,6}\S/m);
  return [start, following < 0 ? text.length : nextLine + following];
}

const mapLines = (text: string, [from, to]: [number, number], f: (line: string) => string) =>
  text.slice(0, from) + text.slice(from, to).split('\n').map((l, i, all) => (i === all.length - 1 && l === '' ? l : f(l))).join('\n') + text.slice(to);

/** Edits a person could make by hand, including ones that change the layout or break the YAML. */
export const EDITS: Record<string, Edit> = {
  status: (t, r) => t.replace(r.pick(['status: 未启动', 'status: 推进中']), r.pick(['status: 已完成', 'status: 持续推进', 'status: "推进中"'])),
  text: (t, r) => {
    const [from] = itemRange(t, r);
    const at = t.indexOf('text: ', from) + 6;
    return t.slice(0, at) + r.pick(['新增内容', '带冒号: 的文字 ', '# 像注释', "'引号", '- 像列表 ', '"']) + t.slice(at);
  },
  indentItemDeeper: (t, r) => mapLines(t, itemRange(t, r), (l) => (l ? '  ' + l : l)),
  indentItemShallower: (t, r) => mapLines(t, itemRange(t, r), (l) => l.replace(/^ {2}/, '')),
  indentSectionItems: (t, r) => {
    // Every item of one section two columns deeper: valid, and no longer the first section's layout.
    const sections = [...t.matchAll(/^ {4}items:\n/gm)].map((m) => m.index! + m[0].length);
    const from = sections[r.int(sections.length)]!;
    const end = t.slice(from).search(/^ {0,4}\S/m);
    return mapLines(t, [from, end < 0 ? t.length : from + end], (l) => (l ? '  ' + l : l));
  },
  indentOneLine: (t, r) => mapLines(t, itemRange(t, r), (l) => (r.next() < 0.2 ? ' ' + l : l)),
  duplicateItem: (t, r) => {
    const [from, to] = itemRange(t, r);
    return t.slice(0, to) + t.slice(from, to) + t.slice(to);
  },
  removeItem: (t, r) => {
    const [from, to] = itemRange(t, r);
    return t.slice(0, from) + t.slice(to);
  },
  addSection: (t, r) => {
    const sections = [...t.matchAll(/^ {2}- number:/gm)].map((m) => m.index!);
    const at = r.next() < 0.5 ? t.length : sections[r.int(sections.length)]!;
    const section = `  - number: 七\n    title: 新增部分\n    items:\n      - number: "${100 + r.int(50)}"\n        text: 新任务\n        lead: [政策法规司]\n`;
    return t.slice(0, at) + (at === t.length && !t.endsWith('\n') ? '\n' : '') + section + t.slice(at);
  },
  comment: (t, r) => {
    const lines = t.split('\n');
    lines.splice(r.int(lines.length), 0, ' '.repeat(r.int(10)) + '# 手工加的注释');
    return lines.join('\n');
  },
  blockScalarWithDash: (t, r) => {
    const [from] = itemRange(t, r);
    const at = t.indexOf('text: ', from);
    const end = t.indexOf('\n', at);
    return t.slice(0, at) + `text: |\n          第一行\n      - 不是新任务\n          第三行` + t.slice(end);
  },
  planTitleWithDash: (t) => t.replace(/^( {2}title: .*)$/m, '$1\n      - 标题的续行'),
  flowItem: (t, r) => {
    const [from, to] = itemRange(t, r);
    return t.slice(0, from) + `      - {number: "${r.int(99)}", text: 一行写完, lead: [政策法规司]}\n` + t.slice(to);
  },
  anchor: (t, r) => {
    const [from] = itemRange(t, r);
    const at = t.indexOf('text: ', from) + 6;
    return t.slice(0, at) + '&a ' + t.slice(at).replace('clause: ', 'clause: *a\n        x: ');
  },
  tab: (t, r) => mapLines(t, itemRange(t, r), (l) => l.replace(/^ {8}/, '\t')),
  randomByte: (t, r) => {
    const at = r.int(t.length);
    return t.slice(0, at) + r.pick([':', '-', ' ', '\n', '"', '[', '{', '#', '|', '>', '?', '&', '*', '!']) + t.slice(at);
  },
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  directive: (t) => '%YAML 1.2\n---\n' + t,
  compactSequences: (t) => t.replace(/^ {6}- /gm, '    - ').replace(/^ {8}(\S)/gm, '      $1'),
};


/** One to three edits drawn from `names` and made on top of each other; their names, so a failure can be replayed. */
export function handEdited(base: string, r: ReturnType<typeof randomFrom>, names: readonly string[]): { text: string; applied: string[] } {
  let text = base;
  const applied: string[] = [];
  for (let n = 1 + r.int(3); n > 0; n--) {
    const name = r.pick(names);
    applied.push(name);
    text = EDITS[name]!(text, r);
  }
  return { text, applied };
}

/** What js-yaml makes of a text, or 'error' when it refuses it: what the fast parsers are compared with. */
export function jsYamlOrError(text: string): unknown {
  try {
    return jsYamlValue(text);
  } catch {
    return 'error';
  }
}
