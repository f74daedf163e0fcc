import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NARROW, WIDE, type TextWidth } from '../../src/render/text-width.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const LEDGER = join(FIXTURES, 'ledgers', 'mca-progress.yaml');
const GOLDEN = join(ROOT, 'tests', 'golden', 'terminal');

const VIEWS: [string, string[]][] = [
  ['status', ['status']],
  ['status-dept-信息中心', ['status', '--dept', '信息中心']],
  ['status-dept-社会组织管理局', ['status', '--dept', '社会组织管理局']],
  ['overdue', ['overdue']],
  ['overdue-holiday', ['overdue', '--as-of', '2021-10-03']],
];
const WIDTHS = [80, 120, 200];

/**
 * A view as a terminal of `columns` columns shows it, without colour; `ambiguous` is how that terminal draws “ ” and the like.
 * Kept by its arguments: the golden files and the width checks look at the same views (the ledger does not change).
 */
const shown = new Map<string, Promise<string>>();
function terminal(args: string[], columns: number, ambiguous: 'narrow' | 'wide' = 'narrow'): Promise<string> {
  const key = JSON.stringify([args, columns, ambiguous]);
  if (!shown.has(key)) shown.set(key, render(args, columns, ambiguous));
  return shown.get(key)!;
}

async function render(args: string[], columns: number, ambiguous: 'narrow' | 'wide'): Promise<string> {
  const result = await runCli([...args, '--ledger', LEDGER, ...(args.includes('--as-of') ? [] : ['--as-of', '2021-10-08'])], {
    stdoutIsTty: true,
    columns,
    env: { NO_COLOR: '1', GONGKAI_AMBIGUOUS: ambiguous },
  });
  expect(result.code, result.err).toBe(0);
  return result.out;
}

/** The tables of a rendered view: a header line, a rule of hyphens as wide as the table, then rows up to a blank line. */
function tables(text: string): string[][] {
  const lines = text.split('\n');
  const found: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!/^-+$/.test(lines[i]!)) continue;
    let end = i + 1;
    while (end < lines.length && lines[end] !== '') end++;
    found.push(lines.slice(i - 1, end));
  }
  return found;
}

describe.each(WIDTHS)('terminal views at %i columns', (columns) => {
  it.each(VIEWS)('%s matches its golden file', async (name, args) => {
    await expect(await terminal(args, columns)).toMatchFileSnapshot(join(GOLDEN, `${name}-${columns}.txt`));
  });

  it.each(VIEWS.flatMap(([name, args]) => (['narrow', 'wide'] as const).map((a) => [name, a, args] as const)))(
    '%s: no line wider than the terminal, every table row as wide as its rule (Ambiguous characters %s)',
    async (_, ambiguous, args) => {
      const measure: TextWidth = ambiguous === 'wide' ? WIDE : NARROW;
      const text = await terminal(args, columns, ambiguous);
      for (const line of text.split('\n')) expect(measure.of(line), line).toBeLessThanOrEqual(columns);
      const found = tables(text);
      for (const table of found) {
        const rule = measure.of(table[1]!);
        for (const row of table) expect(measure.of(row), row).toBe(rule);
      }
      // The summary is stacked at 80 columns; every other view is a table at every width.
      if (!(args.length === 1 && columns === 80)) expect(found.length).toBeGreaterThan(0);
    },
  );
});

describe('terminal tables', () => {
  it('the summary at 80 columns is one block per department, not a wrapped table', async () => {
    const text = await terminal(['status'], 80);
    expect(tables(text)).toEqual([]);
    expect(text).toContain('信息中心  逾期 1  临期 1  完成度 9%\n  分工负责 1  负责 2  配合 8\n  已完成 1  推进中 2  未启动 8\n');
  });

  it('the overdue groups share one column layout', async () => {
    for (const columns of WIDTHS) {
      const headers = tables(await terminal(['overdue'], columns)).map((t) => t[0]);
      expect(headers.length).toBeGreaterThan(1);
      expect(new Set(headers).size).toBe(1);
    }
  });

  it('wider terminals show more: the due date and the full role come back', async () => {
    const narrow = await terminal(['status', '--dept', '信息中心'], 80);
    const wide = await terminal(['status', '--dept', '信息中心'], 120);
    expect(narrow).not.toContain('时限');
    expect(narrow).toContain('逾期8天/1工作日');
    expect(wide).toContain('时限');
    expect(wide).toContain('配合（经由直属单位）');
    expect(wide).toContain('逾期 8 天（1 个工作日）');
  });

  it('piped output keeps every task text whole', async () => {
    const result = await runCli(['status', '--dept', '信息中心', '--ledger', LEDGER, '--as-of', '2021-10-08']);
    expect(result.out).toContain('加快推进“互联网+政务服务”,提升政务服务品质。全面深化金民工程、社会组织法人库推广应用,优化完善民政一体化政务服务平台,推');
    expect(result.out).not.toContain('⋯');
  });

  it('a holiday as-of does not print an overdue with zero working days as a contradiction', async () => {
    const text = await terminal(['overdue', '--as-of', '2021-10-03'], 120);
    expect(text).toContain('逾期 3 天（其间无工作日）');
    expect(text).not.toMatch(/逾期 \d+ 天（0 个工作日）/);
    expect(await terminal(['overdue', '--as-of', '2021-10-03'], 80)).toContain('逾期3天/无工作日');
  });

  it('GONGKAI_AMBIGUOUS=wide pads a task text with “ ” to the same width as its neighbours', async () => {
    const text = await terminal(['status', '--dept', '信息中心'], 120, 'wide');
    const [table] = tables(text);
    const quoted = table!.find((row) => row.includes('“'))!;
    expect(WIDE.of(quoted)).toBe(WIDE.of(table![1]!));
    expect(NARROW.of(quoted)).toBeLessThan(WIDE.of(table![1]!));
  });
});

describe('the log table fits too', () => {
  it.each(WIDTHS.flatMap((w) => (['narrow', 'wide'] as const).map((a) => [w, a] as const)))('at %i columns, Ambiguous characters %s', async (columns, ambiguous) => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const { gitRepo, git } = await import('../helpers/temp.js');
    const hand = readFileSync(join(FIXTURES, 'ledgers', 'hand-edited.yaml'), 'utf8');
    const dir = gitRepo({ 'ledger.yaml': hand });
    const file = join(dir, 'ledger.yaml');
    writeFileSync(file, hand.replace("status: '推进中'", "status: '已完成'").replace('due: 2021-09-30     # 提前到九月底', 'due: 2021-09-30     # 提前到九月底\n        done_on: 2021-09-20'));
    git(dir, 'commit', '-qam', '第 1 项完成');
    const result = await runCli(['log', '--ledger', file], { stdoutIsTty: true, columns, env: { NO_COLOR: '1', GONGKAI_AMBIGUOUS: ambiguous } });
    expect(result.code, result.err).toBe(0);
    const measure = ambiguous === 'wide' ? WIDE : NARROW;
    for (const line of result.out.split('\n')) expect(measure.of(line), line).toBeLessThanOrEqual(columns);
    const [table] = tables(result.out);
    expect(table!.length).toBeGreaterThan(2);
    for (const row of table!) expect(measure.of(row), row).toBe(measure.of(table![1]!));
  });
});

describe('measuring text by code unit where it can', () => {
  it('gives the width character by character would: ASCII, ideographs, full-width forms, then ambiguous, combining and astral characters', () => {
    const byCharacter = (measure: TextWidth, text: string) => [...text].reduce((sum, ch) => sum + measure.of(ch), 0);
    for (const measure of [NARROW, WIDE]) {
      for (const text of ['abc 12', '推进政务公开', '（一）ＡＢ', '年“十四五”规划', 'é́ 𠀋 🙂 한국', '办理「通知」—— 第3项·附件']) {
        expect(measure.of(text)).toBe(byCharacter(measure, text));
      }
    }
    expect(NARROW.of('a“b')).toBe(3);
    expect(WIDE.of('a“b')).toBe(4);
    expect(NARROW.of('推进𠀋')).toBe(6);
  });
});
