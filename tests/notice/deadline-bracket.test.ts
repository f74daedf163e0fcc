import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import { inventedNames, inventedText, random } from './corpus/invented.js';

/**
 * A bracket of deadline labels alone after the sentence and its clause (judge18 r06: `…由A负责。（完成时限：2024年年中）`):
 * the item's deadline, and no words of its task.
 */
describe('a deadline bracket after the clause', () => {
  const rand = random(43);
  const LABELS = ['完成时限', '时限要求', '完成时间', '时间要求'];
  const BRACKETS = [['（', '）'], ['(', ')'], ['〔', '〕']] as const;
  const CLAUSES = [(n: string) => `由${n}负责。`, (n: string) => `${n}牵头落实。`, (n: string) => `（${n}负责）`, (n: string) => `此项工作由${n}负责。`];
  const TIMES: [string, string][] = [['2024年年中', '2024-06-30'], ['2024年6月底前', '2024-06-30'], ['2024年第三季度', '2024-09-30'], ['2024年底前', '2024-12-31']];
  it.each(Array.from({ length: 16 }, (_, i) => i))('variant %i', (v) => {
    const names = inventedNames(rand, 3, '区');
    const [open, close] = BRACKETS[v % BRACKETS.length]!;
    const lines = ['某区2024年政务公开工作要点', '一、重点'];
    const want: string[] = [];
    names.forEach((name, i) => {
      const [words, date] = TIMES[(v + i) % TIMES.length]!;
      lines.push(`${i + 1}.${inventedText(rand)}${CLAUSES[(v + i) % CLAUSES.length]!(name)}${open}${LABELS[(v + i) % LABELS.length]}：${words}${close}`);
      want.push(`${name} ${date}`);
    });
    const items = readNotice(`${lines.join('\n')}\n`).items;
    expect(items.map((it) => `${it.assignments.map((a) => a.name).join('、')} ${it.due}`)).toEqual(want);
    for (const it of items) expect(it.text).not.toMatch(/时限|时间|要求：/);
  });
});
