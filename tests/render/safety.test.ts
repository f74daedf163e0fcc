import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SHIPPED_LEDGER } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const valid = readFileSync(join(FIXTURES, 'ledgers', 'valid.yaml'), 'utf8');

/** The valid fixture with hostile text in item 1 and a hostile department name. */
function hostileLedger(): string {
  const dir = tempDir({
    'ledger.yaml': valid
      .replace('text: 及时更新行政法规文本。', 'text: "=HYPERLINK(\\"http://x.invalid\\",\\"点我\\"),\\e[31m红色\\e[0m\\u202e反转 <script>alert(1)</script> | 竖线"')
      .replace('    - name: 信息中心\n', '    - name: ../../信息中心\n      aliases: [信息中心]\n'),
  });
  return join(dir, 'ledger.yaml');
}

describe('ledger text is data', () => {
  it('strips escape sequences and bidi controls before printing a table', async () => {
    const result = await runCli(['status', '--ledger', hostileLedger(), '--dept', '政策法规司', '--as-of', '2021-07-01'], { stdoutIsTty: true, columns: 400, env: { NO_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.out).not.toMatch(/[\u001b\u202e]/);
    expect(result.out).toContain('红色反转');
  });

  it('neutralises formulas in CSV, writes a BOM and CRLF', async () => {
    const result = await runCli(['status', '--ledger', hostileLedger(), '--dept', '政策法规司', '--format', 'csv', '--as-of', '2021-07-01']);
    expect(result.out.startsWith('\uFEFF截至,分类,编号,角色,任务,状态,时限,剩余/逾期,最新进展,剩余天数,剩余工作日,情况\r\n')).toBe(true);
    const row = result.out.split('\r\n')[1]!;
    expect(row).toMatch(/^2021-07-01,本部门,1,牵头,"'=HYPERLINK\(""http:\/\/x\.invalid"",""点我""\),红色反转 <script>/);
    expect(result.out).not.toMatch(/[\u001b\u202e]/);
  });

  it('neutralises in CSV what a spreadsheet would evaluate, and nothing else: a lone sign stays as written', async () => {
    const { csvCell } = await import('../../src/render/csv.js');
    // A formula, a sign before more text, a signed name, a leading tab or CR before text: neutralised, also after spaces.
    for (const start of ['=', '+', '-', '@', '＝', '＋', '－', '＠']) {
      for (const rest of ['1+1', 'SUM(A1:A9)', ' cmd|calc', '-']) {
        for (const lead of ['', ' ', '\u3000']) expect(csvCell(`${lead}${start}${rest}`), JSON.stringify(`${lead}${start}${rest}`)).toMatch(/^"?'/);
      }
      // The sign alone, or with spaces only: text in every spreadsheet.
      for (const alone of [start, ` ${start}`, `${start} `, `\u3000${start}\u3000`]) expect(csvCell(alone), JSON.stringify(alone)).toBe(alone);
    }
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\tabc')).toBe("'\tabc");
    expect(csvCell('-8')).toBe('-8');
    expect(csvCell('任务-1')).toBe('任务-1');
    // In a real report: the review's 按期率 before anything is done, a cancelled item's time cell.
    const review = (await runCli(['review', '--ledger', SHIPPED_LEDGER, '--format', 'csv'], { now: () => new Date('2026-12-05T02:00:00Z') })).out;
    const rows = review.split('\r\n').map((r) => r.split(','));
    expect(rows.some((r) => r.includes('-'))).toBe(true);
    expect(review).not.toContain("'-");
  });

  it('escapes markdown and HTML in checklists', async () => {
    const result = await runCli(['checklist', '--ledger', hostileLedger(), '--dept', '政策法规司', '--as-of', '2021-07-01']);
    expect(result.out).toContain('\\<script\\>alert(1)\\</script\\> \\| 竖线');
    expect(result.out).not.toContain('<script>');
  });

  it('never writes a checklist outside the folder it was given', async () => {
    const root = tempDir();
    const out = join(root, 'a', 'b');
    const result = await runCli(['checklist', '--all', '-o', out, '--ledger', hostileLedger(), '--as-of', '2021-07-01']);
    expect(result.code).toBe(0);
    expect(readdirSync(root)).toEqual(['a']);
    expect(readdirSync(join(root, 'a'))).toEqual(['b']);
    const files = readdirSync(out);
    expect(files).toContain('__.._信息中心.md');
    expect(existsSync(join(root, '信息中心.md'))).toBe(false);
  });
});

describe('colour', () => {
  const ledger = join(FIXTURES, 'ledgers', 'mca-progress.yaml');
  const args = ['overdue', '--ledger', ledger, '--as-of', '2021-10-08'];
  const ESC = '\u001b[';

  it('is used on a terminal', async () => {
    expect((await runCli(args, { stdoutIsTty: true })).out).toContain(ESC);
  });
  it('is not used when output is not a terminal', async () => {
    expect((await runCli(args)).out).not.toContain(ESC);
  });
  it('respects NO_COLOR even on a terminal', async () => {
    expect((await runCli(args, { stdoutIsTty: true, env: { NO_COLOR: '1' } })).out).not.toContain(ESC);
  });
  it('can be forced with --color and refused with --no-color', async () => {
    expect((await runCli(['--color', ...args])).out).toContain(ESC);
    expect((await runCli(['--no-color', ...args], { stdoutIsTty: true })).out).not.toContain(ESC);
  });
});

describe('terminal width', () => {
  it('shortens the task text to fit the terminal, by display width', async () => {
    const ledger = join(FIXTURES, 'ledgers', 'mca-progress.yaml');
    const result = await runCli(['status', '--ledger', ledger, '--dept', '信息中心', '--as-of', '2021-10-08'], { stdoutIsTty: true, columns: 90, env: { NO_COLOR: '1' } });
    const { displayWidth: stringWidth } = await import('../../src/render/safe-text.js');
    const tableLines = result.out.split('\n').filter((l) => /^\s+\d+\s/.test(l));
    expect(tableLines.length).toBe(11);
    for (const line of tableLines) expect(stringWidth(line)).toBeLessThanOrEqual(90);
    expect(tableLines.some((l) => l.includes('⋯'))).toBe(true);
  });
});
