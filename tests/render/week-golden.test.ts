import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

/** The shipped ledger with progress and a few edits of a coordinator's week: a late postponement (22), two postponements (23), steps (5, 6), a relative deadline (26). */
const LEDGER = join(FIXTURES, 'ledgers', 'mca-week.yaml');
const GOLDEN = join(ROOT, 'tests', 'golden', 'week');
const AS_OF = ['--as-of', '2021-10-08'];

/**
 * A view of the week fixture on its day. Kept by its arguments: the golden files and the checks after them look at the
 * same views (the fixture does not change, and these views write no file).
 */
const shown = new Map<string, Promise<string>>();
function output(args: string[]): Promise<string> {
  const key = JSON.stringify(args);
  if (!shown.has(key)) shown.set(key, view(args));
  return shown.get(key)!;
}

async function view(args: string[]): Promise<string> {
  const result = await runCli([...args, '--ledger', LEDGER, ...AS_OF]);
  expect(result.code, result.err).toBe(0);
  return result.out;
}

describe('the week fixture in every view and format (golden files, reviewed by hand)', () => {
  it.each([
    ['remind.txt', ['remind']],
    ['remind-社会组织管理局.md', ['remind', '--dept', '社会组织管理局', '--format', 'md']],
    ['status-summary.txt', ['status']],
    ['status-dept-信息中心.txt', ['status', '--dept', '信息中心']],
    ['status-dept-信息中心.md', ['status', '--dept', '信息中心', '--format', 'md']],
    ['status-dept-信息中心.csv', ['status', '--dept', '信息中心', '--format', 'csv']],
    ['status-dept-信息中心.json', ['status', '--dept', '信息中心', '--format', 'json']],
    ['overdue.txt', ['overdue']],
    ['overdue.md', ['overdue', '--format', 'md']],
    ['overdue.csv', ['overdue', '--format', 'csv']],
    ['overdue.json', ['overdue', '--format', 'json']],
    ['checklist-信息中心.md', ['checklist', '--dept', '信息中心']],
    ['overdue-since-2021-10-01.md', ['overdue', '--format', 'md', '--since', '2021-10-01']],
  ])('%s', async (file, args) => {
    await expect(await output(args)).toMatchFileSnapshot(join(GOLDEN, file));
  });
});

describe('a postponed overdue item in every view and format', () => {
  it('shows 已延期 with the original deadline in table, md, csv and checklist, and the count in json', async () => {
    for (const format of ['table', 'md', 'csv']) {
      expect(await output(['status', '--dept', '信息中心', '--format', format])).toContain('2021-12-15（已延期，原 2021-09-30）');
    }
    expect(await output(['checklist', '--dept', '信息中心'])).toContain('时限 2021-12-15，已延期，原 2021-09-30');
    const row = JSON.parse(await output(['status', '--dept', '信息中心', '--format', 'json'])).items.find((i: { number: string }) => i.number === '22');
    expect(row).toMatchObject({ due: '2021-12-15', postponed: 1, original_due: '2021-09-30', was_overdue: true, state: 'open' });
    expect((await output(['status', '--dept', '信息中心', '--format', 'md'])).match(/已延期×2，原 2021-09-15/g)).toHaveLength(1);
  });

  it('overdue keeps an item postponed after its deadline, as such, and not once postponed in time', async () => {
    const report = JSON.parse(await output(['overdue', '--format', 'json']));
    expect(report.postponed).toEqual([expect.objectContaining({ owner: '信息中心', items: [expect.objectContaining({ number: '22', postponed: 1 })] })]);
    expect(report.counts.postponed).toBe(1);
    // 23 was postponed twice, each time before its deadline: due soon, not "曾逾期".
    expect(report.due_soon.flatMap((g: { items: { number: string }[] }) => g.items.map((i) => i.number))).toContain('23');
    // Before the period starts (--since after the postponement), it is not listed.
    const later = JSON.parse(await output(['overdue', '--format', 'json', '--since', '2021-10-09']));
    expect(later.postponed).toEqual([]);
  });

  it('xlsx carries the postponement count, the original deadline, the step and the latest note', async () => {
    const dir = tempDir();
    const result = await runCli(['overdue', '--format', 'xlsx', '-o', join(dir, 'o.xlsx'), '--ledger', LEDGER, ...AS_OF]);
    expect(result.code, result.err).toBe(0);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'o.xlsx'));
    const sheet = book.worksheets[0]!;
    const rows: string[] = [];
    sheet.eachRow((row) => rows.push(JSON.stringify(row.values)));
    const text = rows.join('\n');
    expect(text).toContain('曾逾期（已延期）');
    expect(text).toContain('第 2/2 步：公开部门决算');
    expect(text).toContain('2021-10-08 信息中心：接口规范未下发，已申请延期');
  });
});

describe('milestones drive the item state across their dates', () => {
  async function row(asOf: string, number: string) {
    const result = await runCli(['overdue', '--format', 'json', '--ledger', LEDGER, '--as-of', asOf, '--within', '5']);
    const report = JSON.parse(result.out);
    for (const kind of ['overdue', 'due_soon'] as const) {
      for (const group of report[kind]) for (const item of group.items) if (item.number === number) return { kind, item };
    }
    return undefined;
  }

  it('item 6: open before step 1, overdue on step 1 after 09-30, and its step named', async () => {
    expect(await row('2021-09-01', '6')).toBeUndefined();
    expect(await row('2021-09-27', '6')).toMatchObject({ kind: 'due_soon', item: { step: { index: 1, total: 2, due: '2021-09-30' } } });
    expect(await row('2021-10-08', '6')).toMatchObject({ kind: 'overdue', item: { step: { index: 1, total: 2 }, days_left: -8, working_days_left: -1 } });
  });

  it('item 5: step 1 done, so it is judged by step 2 (10-15), not by the item deadline (12-31)', async () => {
    expect(await row('2021-10-11', '5')).toMatchObject({ kind: 'due_soon', item: { step: { index: 2, total: 2, text: '公开部门决算' }, due: '2021-12-31' } });
    expect(await row('2021-10-18', '5')).toMatchObject({ kind: 'overdue', item: { days_left: -3 } });
  });
});

describe('the latest note in every view and format', () => {
  it.each([
    ['status --dept, table', ['status', '--dept', '信息中心']],
    ['status --dept, md', ['status', '--dept', '信息中心', '--format', 'md']],
    ['status --dept, csv', ['status', '--dept', '信息中心', '--format', 'csv']],
    ['overdue, md', ['overdue', '--format', 'md']],
    ['overdue, csv', ['overdue', '--format', 'csv']],
    ['checklist', ['checklist', '--dept', '信息中心']],
  ])('%s', async (_name, args) => {
    expect(await output(args)).toContain('2021-09-29 信息中心：已完成漏洞扫描，待等保测评');
  });

  it('json rows carry it as date, department and text', async () => {
    const report = JSON.parse(await output(['overdue', '--format', 'json']));
    const row = report.due_soon.flatMap((g: { items: unknown[] }) => g.items).find((i: { number: string }) => i.number === '23');
    expect(row.latest_note).toEqual({ date: '2021-09-29', dept: '信息中心', note: '已完成漏洞扫描，待等保测评' });
  });
});

describe('remind', () => {
  it('-o DIR writes one file per department with something to chase, and none for the others', async () => {
    const dir = join(tempDir(), '催办');
    const result = await runCli(['remind', '-o', dir, '--ledger', LEDGER, ...AS_OF]);
    expect(result.code, result.err).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['信息中心.txt', '慈善事业促进和社会工作司.txt', '社会组织管理局(社会组织执法监督局).txt', '规划财务司.txt'].sort());
    expect(readFileSync(join(dir, '信息中心.txt'), 'utf8')).toBe(await output(['remind', '--dept', '信息中心']));
  });

  it('a department with nothing to chase gets nothing, and is told so on stderr', async () => {
    const result = await runCli(['remind', '--dept', '办公厅', '--ledger', LEDGER, ...AS_OF]);
    expect(result.code).toBe(0);
    expect(result.out).toBe('');
    expect(result.err).toContain('办公厅没有需要催办的任务');
  });

  it('json: one reminder per department, each item with its kind of chase', async () => {
    const report = JSON.parse(await output(['remind', '--format', 'json']));
    expect(report.reply_by).toBe('2021-10-12'); // three working days after Friday 10-08: Saturday 10-09 was a 调休 working day
    expect(report.reminders.map((r: { department: string }) => r.department)).toEqual(['规划财务司', '社会组织管理局(社会组织执法监督局)', '慈善事业促进和社会工作司', '信息中心']);
    expect(report.unassigned).toBe(1);
  });
});

describe('--since marks what changed', () => {
  it('from the ledger dates alone, outside git', async () => {
    const report = JSON.parse(await output(['status', '--dept', '信息中心', '--format', 'json', '--since', '2021-10-01']));
    const changed = report.items.filter((i: { changed_since: boolean }) => i.changed_since).map((i: { number: string }) => i.number);
    expect(changed).toEqual(['22']); // the postponement and the note of 10-08; 23's last note is 09-29
    expect(await output(['status', '--dept', '信息中心', '--since', '2021-10-01'])).toContain('【有更新】推进部门户网站');
  });

  it('in git, also what changed without a date since the last commit before that day (a status set by hand)', async () => {
    const { execFileSync } = await import('node:child_process');
    const { writeFileSync } = await import('node:fs');
    const dir = tempDir({ 'ledger.yaml': readFileSync(LEDGER, 'utf8').replace('departments: ../../../data/departments.yaml', 'departments: departments.yaml'), 'departments.yaml': readFileSync(join(ROOT, 'data', 'departments.yaml')) });
    const env = { ...process.env, GIT_AUTHOR_DATE: '2021-09-30T12:00:00+08:00', GIT_COMMITTER_DATE: '2021-09-30T12:00:00+08:00' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.name=测试员', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', 'empty');
    git('add', '-A');
    git('-c', 'user.name=测试员', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'ledger');
    const file = join(dir, 'ledger.yaml');
    // Item 21 (信息中心 cooperates) gets a new status by hand: no date anywhere says so.
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('      - number: "21"');
    writeFileSync(file, text.slice(0, at) + text.slice(at).replace('status: 未启动', 'status: 推进中'));
    const result = await runCli(['status', '--dept', '信息中心', '--format', 'json', '--since', '2021-10-01', '--ledger', file, ...AS_OF]);
    expect(result.code, result.err).toBe(0);
    const changed = JSON.parse(result.out).items.filter((i: { changed_since: boolean }) => i.changed_since).map((i: { number: string }) => i.number);
    expect(changed.sort()).toEqual(['21', '22']);
  });
});

describe('remind quotes the notice and keeps ledger text inert', () => {
  function weekCopy(edit: (text: string) => string): string {
    const text = edit(readFileSync(LEDGER, 'utf8').replace('departments: ../../../data/departments.yaml', 'departments: departments.yaml'));
    const dir = tempDir({ 'ledger.yaml': text, 'departments.yaml': readFileSync(join(ROOT, 'data', 'departments.yaml')) });
    return join(dir, 'ledger.yaml');
  }

  it('a relative deadline is given as its computed date with the notice words', async () => {
    const file = weekCopy((t) => t.replace('        sole: [有关承办司(局)]\n', '        sole: [有关承办司(局)]\n        resolve:\n          有关承办司(局): [社会救助司]\n'));
    const result = await runCli(['remind', '--dept', '社会救助司', '--ledger', file, ...AS_OF]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('第 26 项　加强依申请公开事项办理档案办结归档工作……\n　　完成时限：2021年10月18日（通知原文：送达后10个工作日内）\n　　距到期：10 天（7 个工作日）\n');
  });

  it('strips terminal control sequences from notes and names', async () => {
    const file = weekCopy((t) => t.replace('note: 已完成漏洞扫描，待等保测评 }', 'note: "\\e[31m已完成\\e]8;;http://x.invalid\\a扫描\\u202e" }'));
    const result = await runCli(['remind', '--dept', '信息中心', '--ledger', file, ...AS_OF]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(result.out).toContain('已完成');
  });
});

describe('remind -o never writes outside the folder', () => {
  it('a department name made of path steps stays a file name inside the folder', async () => {
    const valid = readFileSync(join(FIXTURES, 'ledgers', 'valid.yaml'), 'utf8').replaceAll('政策法规司', '../../政策法规司');
    const root = tempDir({ 'ledger.yaml': valid });
    const out = join(root, 'a', 'b');
    const result = await runCli(['remind', '-o', out, '--ledger', join(root, 'ledger.yaml'), ...AS_OF]);
    expect(result.code, result.err).toBe(0);
    expect(readdirSync(out)).toContain('__.._政策法规司.txt');
    expect(readdirSync(root).sort()).toEqual(['a', 'ledger.yaml']);
    expect(readdirSync(join(root, 'a'))).toEqual(['b']);
  });
});
