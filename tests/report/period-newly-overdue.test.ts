import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { gitRepo, tempDir } from '../helpers/temp.js';

/**
 * 本期新增逾期 in the 调度通报: the items whose deadline passed within the
 * period and are still not done at its end. An item late since an earlier
 * period is late, not newly late — whether or not the ledger's history holds
 * the state before the period (outside git, or first committed mid-year).
 */
const at = { now: () => new Date('2022-01-10T02:00:00Z') };
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Items 1–24 due a week apart from 2021-07-05 (but 9 and 18, ongoing: they have no deadline to miss); the rest at the year's end. */
const DUES = new Map(
  Array.from({ length: 24 }, (_, i) => [String(i + 1), new Date(Date.parse('2021-07-05T00:00:00Z') + i * 7 * 86_400_000).toISOString().slice(0, 10)] as const).filter(([n]) => n !== '9' && n !== '18'),
);

function ledgerText(): string {
  let text = readFileSync(SHIPPED_LEDGER, 'utf8');
  for (const [number, due] of DUES) text = text.replace(new RegExp(`(- number: "${number}"\\n(?:        .*\\n)*?        due: )2021-12-31`), `$1${due}`);
  return text;
}

/** The items the 通报 lists under 本期新增逾期, from the HTML page's words. */
function newlyOverdue(html: string): string[] {
  const text = html.replace(/<[^>]+>/g, '');
  if (text.includes('本期没有新增逾期的任务')) return [];
  const sentence = /本期新增逾期 (\d+) 项：([^。]*)。/.exec(text);
  expect(sentence, 'the sentence on newly overdue items').not.toBeNull();
  const numbers = [...sentence![2]!.matchAll(/第 (\d+) 项/g)].map((m) => m[1]!);
  expect(numbers).toHaveLength(Number(sentence![1]));
  return numbers.sort((a, b) => Number(a) - Number(b));
}

describe('report --month: 本期新增逾期', () => {
  it('lists only items whose deadline passed in the month, with or without the history before it', async () => {
    const text = ledgerText();
    for (const number of ['1', '12', '24']) expect(text).toContain(`due: ${DUES.get(number)}`);
    const plain = tempDir({ 'ledger.yaml': text, 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    // In git, but committed for the first time in December: no version at the end of any earlier month.
    const late = gitRepo({ 'ledger.yaml': text, 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    for (const dir of [plain, late]) {
      for (const month of ['2021-08', '2021-09', '2021-10', '2021-11']) {
        const out = join(dir, `${month}.html`);
        const result = await runCli(['--ledger', join(dir, 'ledger.yaml'), 'report', '--month', month, '-o', out], at);
        expect(result.code, result.err).toBe(0);
        const start = `${month}-01`;
        const end = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).toISOString().slice(0, 10);
        // Late from the day after the deadline: that day falls in the month.
        const expected = [...DUES].filter(([, due]) => nextDay(due) >= start && nextDay(due) <= end).map(([n]) => n);
        expect(expected.length, month).toBeGreaterThan(0);
        expect(newlyOverdue(readFileSync(out, 'utf8')), `${dir === plain ? 'outside git' : 'no history before'} ${month}`).toEqual(expected);
      }
    }
  }, 60_000);
});
