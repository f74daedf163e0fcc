import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { parseCsv } from './csv-tables.js';

const valid = readFileSync(join(FIXTURES, 'ledgers', 'valid.yaml'), 'utf8');

/** Formulas a spreadsheet would run, hidden behind whitespace, tabs and CRs (OWASP CSV injection). */
function formulaLedger(): string {
  const text = valid
    .replace('text: 及时更新行政法规文本。', 'text: "  =1+1"')
    .replace('text: 加强预决算公开。', 'text: "\\t=HYPERLINK(\\"http://x.invalid\\")"')
    .replace('text: 做好政策解读。', 'text: "\\r@SUM(A1:A2)"')
    .replace('text: 全年做好解读。', 'text: " \\u3000+1-2"')
    .replace('note: 已完成第一批更新', 'note: "-1+1"')
    .replaceAll('政策法规司', '=政策法规司');
  return join(tempDir({ 'ledger.yaml': text }), 'ledger.yaml');
}

/** True when a spreadsheet would take the cell as a formula. */
const runsAsFormula = (cell: string) => /^[\s\u3000]*[=+\-@]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);

// Every command and date that writes CSV: with overdue, due-soon and stale tables present or empty.
const producers: [string, string[]][] = [
  ['status', ['status']],
  ['status --dept (own and possible items)', ['status', '--dept', '规划财务司']],
  ['status --dept with a formula name', ['status', '--dept', '=政策法规司']],
  ['overdue, nothing overdue yet', ['overdue', '--as-of', '2021-07-01']],
  ['overdue, one due soon', ['overdue', '--as-of', '2021-09-24']],
  ['overdue, one overdue and one stale', ['overdue', '--as-of', '2021-10-08']],
  ['overdue --dept', ['overdue', '--dept', '=政策法规司', '--as-of', '2021-10-08']],
];

describe('every CSV producer', () => {
  for (const [name, args] of producers) {
    it(`${name}: the header is as wide as every row, and no cell runs as a formula`, async () => {
      const asOf = args.includes('--as-of') ? [] : ['--as-of', '2021-10-08'];
      const result = await runCli([...args, ...asOf, '--ledger', formulaLedger(), '--format', 'csv']);
      expect(result.code, result.err).toBe(0);
      const rows = parseCsv(result.out);
      expect(rows.length).toBeGreaterThanOrEqual(1);
      const [header, ...body] = rows;
      for (const row of body) expect(row, JSON.stringify(row)).toHaveLength(header!.length);
      for (const cell of rows.flat()) expect(runsAsFormula(cell), JSON.stringify(cell)).toBe(false);
    });
  }

  it('keeps the formula text readable behind the quote', async () => {
    const ledger = formulaLedger();
    const cells = [
      ...parseCsv((await runCli(['status', '--dept', '=政策法规司', '--ledger', ledger, '--format', 'csv', '--as-of', '2021-07-01'])).out).flat(),
      ...parseCsv((await runCli(['overdue', '--ledger', ledger, '--format', 'csv', '--as-of', '2021-10-08'])).out).flat(),
    ];
    expect(cells).toContain("'  =1+1");
    expect(cells).toContain("'=政策法规司");
  });

  it('overdue CSV with nothing overdue has the same columns as with items (the header once had 7, rows 8)', async () => {
    const ledger = formulaLedger();
    const before = parseCsv((await runCli(['overdue', '--ledger', ledger, '--format', 'csv', '--as-of', '2021-09-24'])).out);
    const after = parseCsv((await runCli(['overdue', '--ledger', ledger, '--format', 'csv', '--as-of', '2021-10-08'])).out);
    expect(before[0]).toEqual(after[0]);
    expect(before[0]!.slice(0, 3)).toEqual(['截至', '分类', '责任单位']);
  });
});
