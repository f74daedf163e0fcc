import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const NOTICE_2022 = join(ROOT, 'docs', 'examples', 'mca-2022-plan-example.txt');
const in2022 = { now: () => new Date('2022-12-20T02:00:00Z') };
const MARK = '【上年结转】';

/**
 * Every view marks the items that continue an unfinished item of last year's
 * plan (the link `import --carry-over` writes), and only those: in the
 * terminal, markdown, CSV, the checklist and the leaders' HTML report.
 */
describe('上年结转 in the views', () => {
  it('status, checklist, overdue and report mark the carried-over items and no other', async () => {
    const dir = tempDir({ '2021/ledger.yaml': readFileSync(SHIPPED_LEDGER), '2021/departments.yaml': readFileSync(SHIPPED_REGISTRY), '2022/departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const ledger = join(dir, '2022', 'ledger.yaml');
    const imported = await runCli(['import', NOTICE_2022, '--registry', join(dir, '2022', 'departments.yaml'), '-o', ledger, '--carry-over', join(dir, '2021', 'ledger.yaml')], in2022);
    expect(imported.code, imported.err).toBe(0);
    const cli = async (...args: string[]) => {
      const result = await runCli(['--ledger', ledger, ...args], in2022);
      expect(result.code, `${args.join(' ')}\n${result.err}`).toBe(0);
      return result.out;
    };

    // Which items are carried, from the ledger itself; the 2022 notice has new ones too.
    const exported = JSON.parse(await cli('export')).items as { number: string; text: string; carried_over: { item: string } | null }[];
    const carried = new Set(exported.filter((i) => i.carried_over).map((i) => i.number));
    expect(carried.size).toBeGreaterThan(0);
    expect(carried.size).toBeLessThan(exported.length);
    const textOf = (n: string) => exported.find((i) => i.number === n)!.text;

    // JSON rows say where from.
    const dept = JSON.parse(await cli('status', '--dept', '信息中心', '--format', 'json'));
    for (const row of dept.items) {
      if (carried.has(row.number)) expect(row.carried_over, row.number).toMatchObject({ item: exported.find((i) => i.number === row.number)!.carried_over!.item, document_number: '民办便函〔2021〕648号' });
      else expect(row.carried_over, row.number).toBeUndefined();
    }
    const numbers = dept.items.map((r: { number: string }) => r.number) as string[];
    const carriedHere = numbers.filter((n) => carried.has(n));
    const freshHere = numbers.filter((n) => !carried.has(n));
    expect(carriedHere.length).toBeGreaterThan(0);
    expect(freshHere.length).toBeGreaterThan(0);

    // The table (piped: whole texts), markdown and CSV: the mark right before the task's text.
    const table = await cli('status', '--dept', '信息中心');
    const md = await cli('status', '--dept', '信息中心', '--format', 'md');
    const csv = await cli('status', '--dept', '信息中心', '--format', 'csv');
    const checklist = await cli('checklist', '--dept', '信息中心');
    for (const [name, out] of [['table', table], ['md', md], ['csv', csv], ['checklist', checklist]] as const) {
      const lineOf = (n: string) => out.split('\n').find((l) => l.includes(textOf(n).slice(0, 12)))!;
      for (const n of carriedHere) expect(lineOf(n), `${name} #${n}`).toContain(MARK);
      for (const n of freshHere) expect(lineOf(n), `${name} #${n}`).not.toContain(MARK);
    }
    expect(csv.split('\r\n').find((l) => l.includes(textOf(carriedHere[0]!).slice(0, 12)))).toMatch(new RegExp(`,"?${MARK}`));

    // overdue (as of the year's last days everything open is due soon) and the leaders' report.
    const overdue = await cli('overdue', '--format', 'md');
    expect(overdue).toContain(MARK);
    for (const line of overdue.split('\n').filter((l) => l.includes(MARK))) expect(carried.has(line.split('|')[1]!.trim().replace(/\\/g, '')), line).toBe(true);
    await cli('report', '-o', join(dir, '报告.html'));
    const page = readFileSync(join(dir, '报告.html'), 'utf8');
    const rows = [...page.matchAll(/<tr data-item="([^"]+)"><td class="num">[^<]*<\/td><td class="nowrap">[^<]*<\/td><td class="text">([^<]*)<\/td>/g)];
    expect(rows.length).toBeGreaterThan(0);
    for (const [, number, text] of rows) expect(text!.startsWith(MARK), number).toBe(carried.has(number!));
  }, 60_000);
});
