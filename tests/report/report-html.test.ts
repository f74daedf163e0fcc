import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { gitRepo, tempDir } from '../helpers/temp.js';

const PROGRESS = join(FIXTURES, 'ledgers', 'mca-progress.yaml');

describe('report -o FILE', () => {
  it('the report, the 调度通报 and the review page share one frame: the policy that runs no script, the style, the escaped title', async () => {
    const dir = tempDir({ 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const ledger = join(dir, 'ledger.yaml');
    writeFileSync(ledger, readFileSync(PROGRESS, 'utf8').replace(/^departments: .*$/m, 'departments: departments.yaml').replace(/^(  title: )(.*)$/m, '$1<b>$2</b>'));
    const pages: string[] = [];
    for (const [name, args] of [
      ['r.html', ['report', '--as-of', '2021-10-08']],
      ['m.html', ['report', '--month', '2021-09']],
      ['v.html', ['review', '--format', 'html', '--as-of', '2021-10-08']],
    ] as const) {
      const result = await runCli(['--ledger', ledger, ...args, '-o', join(dir, name)]);
      expect(result.code, `${args.join(' ')}: ${result.err}`).toBe(0);
      pages.push(readFileSync(join(dir, name), 'utf8'));
    }
    const head = (page: string) => page.slice(0, page.indexOf('<title>'));
    for (const page of pages) {
      expect(head(page)).toBe(head(pages[0]!));
      expect(head(page)).toContain("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"");
      expect(page).toMatch(/<title>&lt;b&gt;[^<]*<\/title>\n<style>[^<]*@page/);
      expect(page).not.toMatch(/<b>|<script/);
      expect(page.trimEnd().endsWith('</body>\n</html>')).toBe(true);
    }
  });


  it('escapes ledger text: markup in a task is shown as text, never run', async () => {
    const dir = tempDir({ 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const ledger = join(dir, 'ledger.yaml');
    const text = readFileSync(PROGRESS, 'utf8')
      .replace(/^departments: .*$/m, 'departments: departments.yaml')
      .replace('text: 推进部门户网站政府信息公开专栏', 'text: <img src=x onerror=alert(1)></table>"推进部门户网站政府信息公开专栏');
    writeFileSync(ledger, text);
    const out = join(dir, 'r.html');
    const result = await runCli(['report', '--ledger', ledger, '--as-of', '2021-10-08', '-o', out]);
    expect(result.code, result.err).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;/table&gt;&quot;推进部门户网站');
    expect(html).not.toContain('<img');
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
  });

  it('lists postponements with their reason and who approved them', async () => {
    const dir = tempDir({ 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const ledger = join(dir, 'ledger.yaml');
    const text = readFileSync(PROGRESS, 'utf8')
      .replace(/^departments: .*$/m, 'departments: departments.yaml')
      .replace('        due: 2021-09-30\n', '        due: 2021-11-30\n        postponements:\n          - { on: 2021-09-28, from: 2021-09-30, to: 2021-11-30, reason: 等待国办接口, approved_by: 办公厅 }\n');
    writeFileSync(ledger, text);
    expect((await runCli(['validate', '--ledger', ledger])).code).not.toBe(2);
    const out = join(dir, 'r.html');
    const result = await runCli(['report', '--ledger', ledger, '--as-of', '2021-10-08', '-o', out]);
    expect(result.code, result.err).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('延期记录<span class="count">1 次</span>');
    expect(html).toMatch(/<tr data-item="22">.*<td class="date">2021-09-30<\/td><td class="date">2021-11-30<\/td><td>等待国办接口<\/td><td class="nowrap">办公厅<\/td>/);
  });

  it('--since lists what changed from git, with who made each change', async () => {
    const repo = gitRepo({ 'data/ledger.yaml': readFileSync(SHIPPED_LEDGER), 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const ledger = join(repo, 'data', 'ledger.yaml');
    const noted = await runCli(['--ledger', ledger, 'note', '22', '--dept', '信息中心', '--on', '2021-10-20', '接口联调完成', '--commit']);
    expect(noted.code, noted.err).toBe(0);
    expect((await runCli(['--ledger', ledger, 'done', '1', '--on', '2021-10-21'])).code).toBe(0);
    const out = join(repo, 'r.html');
    const result = await runCli(['--ledger', ledger, 'report', '--since', '2021-01-01', '-o', out]);
    expect(result.code, result.err).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('按 git 提交记录，共 3 处');
    expect(html).toMatch(/<td>测试员<\/td><td>第 22 项　新进展（<span class="nb">2021-10-20<\/span>，信息中心）：接口联调完成<\/td>/);
    expect(html).toMatch(/<td>（尚未提交）<\/td><td>第 1 项　状态：未启动 → 已完成<\/td>/);
  });

  it('--since outside git uses the dates written in the ledger', async () => {
    const dir = tempDir({ 'departments.yaml': readFileSync(SHIPPED_REGISTRY), 'ledger.yaml': readFileSync(PROGRESS, 'utf8').replace(/^departments: .*$/m, 'departments: departments.yaml') });
    const out = join(dir, 'r.html');
    const result = await runCli(['report', '--ledger', join(dir, 'ledger.yaml'), '--as-of', '2021-10-08', '--since', '2021-09-01', '-o', out]);
    expect(result.code, result.err).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('2021-09-01 以来的变化');
    expect(html).toContain('按台账中写明的日期（台账没有 git 提交记录）');
    expect(html).toMatch(/<td class="date">2021-09-15<\/td><td><\/td><td>第 1 项　完成日期：无 → <span class="nb">2021-09-15<\/span><\/td>/);
  });

  it('needs -o', async () => {
    const result = await runCli(['report', '--ledger', PROGRESS]);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
  });
});

describe('report colours', () => {
  it('a completion bar is red only for a department with overdue items, whatever its completion', async () => {
    const dir = tempDir({ 'departments.yaml': readFileSync(SHIPPED_REGISTRY), 'ledger.yaml': readFileSync(PROGRESS, 'utf8').replace(/^departments: .*$/m, 'departments: departments.yaml') });
    const out = join(dir, 'r.html');
    expect((await runCli(['report', '--ledger', join(dir, 'ledger.yaml'), '--as-of', '2021-10-08', '-o', out])).code).toBe(0);
    const status = JSON.parse((await runCli(['status', '--ledger', join(dir, 'ledger.yaml'), '--as-of', '2021-10-08', '--format', 'json'])).out);
    const html = readFileSync(out, 'utf8');
    const bars = [...html.matchAll(/<g class="bar-row"><text [^>]*class="label( flagged)?">([^<]*)<\/text><rect [^>]*\/><rect [^>]*fill="([^"]+)"\/>/g)].map((m) => ({ name: m[2], flagged: Boolean(m[1]), fill: m[3] }));
    expect(bars.length).toBe(status.departments.length);
    // Red: listed under 逾期任务 as a department answering for an overdue item (see 'colours and lists' below).
    const listed = new Set([...html.slice(html.indexOf('<h2>逾期任务'), html.indexOf('<h2>临期任务')).matchAll(/data-owner="([^"]+)"/g)].map((m) => m[1]));
    for (const bar of bars) expect(bar.fill === '#c53030', bar.name).toBe(listed.has(bar.name));
    // The case the colours used to get wrong: low completion and nothing overdue.
    expect(status.departments.some((d: { overdue: number; completion: number | null }) => d.overdue === 0 && (d.completion ?? 0) < 0.4)).toBe(true);
    expect(status.departments.some((d: { overdue: number }) => d.overdue > 0)).toBe(true);
  });
});

describe('report colours and lists', () => {
  it('a department is red, counts overdue items and is listed under 逾期任务 by one fact: the overdue items it answers for (配合 does not)', async () => {
    const dir = tempDir({ 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const ledger = join(dir, 'ledger.yaml');
    let cooperatingOnly = 0;
    // Different sets of items overdue: every fifth item, starting at each of the five.
    for (let k = 0; k < 5; k++) {
      const text = readFileSync(SHIPPED_LEDGER, 'utf8').replace(/(- number: "(\d+)"\n(?:        .*\n)*?        due: )2021-12-31/g, (all, head: string, n: string) => (Number(n) % 5 === k ? `${head}2021-09-01` : all));
      writeFileSync(ledger, text);
      const out = join(dir, `r${k}.html`);
      const result = await runCli(['report', '--ledger', ledger, '--as-of', '2021-10-08', '-o', out]);
      expect(result.code, result.err).toBe(0);
      const html = readFileSync(out, 'utf8');
      const overdueSection = html.slice(html.indexOf('<h2>逾期任务'), html.indexOf('<h2>临期任务'));
      const listed = new Map([...overdueSection.matchAll(/data-owner="([^"]+)"><h3>[^<]*<span class="count">(\d+) 项<\/span>/g)].map((m) => [m[1]!, Number(m[2])]));
      expect(listed.size, `round ${k}`).toBeGreaterThan(0);
      const bars = new Map([...html.matchAll(/<g class="bar-row"><text [^>]*class="label( flagged)?">([^<]*)<\/text><rect [^>]*\/><rect [^>]*fill="([^"]+)"\/>/g)].map((m) => [m[2]!, { flagged: Boolean(m[1]), red: m[3] === '#c53030' }]));
      const rows = [...html.matchAll(/<tr data-dept="([^"]+)"( class="late")?>.*?<td class="n" data-key="overdue">(\d+)<\/td>/g)].map((m) => ({ name: m[1]!, late: Boolean(m[2]), overdue: Number(m[3]) }));
      const status = JSON.parse((await runCli(['status', '--ledger', ledger, '--as-of', '2021-10-08', '--format', 'json'])).out);
      expect(rows.length).toBe(status.departments.length);
      // Departments that cooperate (配合) on an overdue item: the case the colours used to get wrong.
      const items: { due: string; status: string; roles: { role: string; department: string | null }[] }[] = JSON.parse((await runCli(['export', '--ledger', ledger])).out).items;
      const helping = new Set(items.filter((i) => i.due === '2021-09-01' && i.status !== 'done').flatMap((i) => i.roles.filter((r) => r.role === 'cooperate').map((r) => r.department)));
      for (const row of rows) {
        const count = listed.get(row.name) ?? 0;
        const label = `round ${k}: ${row.name}`;
        expect(row.overdue, label).toBe(count);
        expect(row.late, label).toBe(count > 0);
        expect(bars.get(row.name), label).toEqual({ flagged: count > 0, red: count > 0 });
        // status counts the same fact: its 逾期 column is what overdue and the report list for the department.
        expect(status.departments.find((d: { name: string }) => d.name === row.name).overdue, label).toBe(count);
        if (helping.has(row.name) && count === 0) cooperatingOnly++;
      }
    }
    // The case the colours used to get wrong happened: a department that only cooperates on overdue items.
    expect(cooperatingOnly).toBeGreaterThan(0);
  });
});
