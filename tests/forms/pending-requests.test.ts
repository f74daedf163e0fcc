import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fillForm } from '../helpers/fill-form.js';
import { FIXTURES, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { gitRepo } from '../helpers/temp.js';

const PROGRESS = join(FIXTURES, 'ledgers', 'mca-progress.yaml');

/**
 * A request to postpone (申请延期) collected from a form waits for the office:
 * overdue and the report show it until it is answered, and postpone
 * --rejected-by refuses it with a reason, kept in the ledger and its history.
 */
describe('pending postponement requests', () => {
  it('are listed by overdue and report until the office approves or refuses them; a refusal is recorded with who and why', async () => {
    const repo = gitRepo({ 'departments.yaml': readFileSync(SHIPPED_REGISTRY), 'ledger.yaml': readFileSync(PROGRESS, 'utf8').replace(/^departments: .*$/m, 'departments: departments.yaml') });
    const ledger = join(repo, 'ledger.yaml');
    const cli = (...args: string[]) => runCli(['--ledger', ledger, ...args], { cwd: repo });
    type Raw = Record<string, unknown> & { number: string };
    const item = (n: string): Raw => parse(readFileSync(ledger, 'utf8')).sections.flatMap((s: { items: Raw[] }) => s.items).find((i: Raw) => String(i.number) === n);

    expect((await cli('forms', '-o', join(repo, 'forms'), '--dept', '信息中心', '--as-of', '2021-10-09')).code).toBe(0);
    const form = join(repo, 'forms', '信息中心.xlsx');
    await fillForm(form, { '23': { 申请延期至: '2021-12-15', 延期理由: '等待测评机构进场' } as never });
    const collected = await cli('collect', form, '--on', '2021-10-12', '--commit');
    expect(collected.code, collected.err).toBe(0);
    const due = item('23').due as string;

    // overdue: its own table, whatever the item's deadline says; the count in the facts; the mark beside the deadline wherever the item is listed.
    const json = JSON.parse((await cli('overdue', '--as-of', '2021-10-13', '--format', 'json')).out);
    expect(json.counts.pending_requests).toBe(1);
    expect(json.pending_requests).toEqual([expect.objectContaining({ number: '23', due, postponement_requested: { on: '2021-10-12', dept: '信息中心', to: '2021-12-15', reason: '等待测评机构进场' } })]);
    const table = (await cli('overdue', '--as-of', '2021-10-13')).out;
    expect(table).toContain('待批准的延期申请 1 项');
    expect(table).toContain('待批准的延期申请（1 项）');
    expect(table).toMatch(new RegExp(`\\n +23 +强化网络安全责任[^\\n]* +信息中心 +2021-10-12 +${due} +2021-12-15 +等待测评机构进场 `));
    expect(table).toContain(`${due}（申请延期至 2021-12-15，待批准）`);
    const csv = (await cli('overdue', '--as-of', '2021-10-13', '--format', 'csv')).out;
    expect(csv).toMatch(/\r\n2021-10-13,待批准的延期申请,,23,.*,信息中心,2021-10-12,2021-12-15,等待测评机构进场,/);
    // A department sees its own requests only.
    expect(JSON.parse((await cli('overdue', '--as-of', '2021-10-13', '--dept', '社会救助司', '--format', 'json')).out).pending_requests).toEqual([]);
    expect(JSON.parse((await cli('overdue', '--as-of', '2021-10-13', '--dept', '信息中心', '--format', 'json')).out).pending_requests).toHaveLength(1);
    // The leaders' report.
    expect((await cli('report', '--as-of', '2021-10-13', '-o', join(repo, 'r.html'))).code).toBe(0);
    const page = readFileSync(join(repo, 'r.html'), 'utf8');
    expect(page).toContain('待批准的延期申请<span class="count">1 项</span>');
    expect(page).toMatch(/<section class="requests">.*<tr data-item="23">.*<td class="nowrap">信息中心<\/td><td class="date">2021-10-12<\/td><td class="date">[\d-]+<\/td><td class="date">2021-12-15<\/td><td>等待测评机构进场<\/td>/s);

    // Refusing: a reason and who refused are required, and nothing else goes with it.
    const text = readFileSync(ledger, 'utf8');
    for (const args of [
      ['--rejected-by', '张主任'],
      ['--rejected-by', '张主任', '--reason', ' '],
      ['--rejected-by', ' ', '--reason', '年内必须完成'],
      ['--rejected-by', '张主任', '--reason', '年内必须完成', '--to', '2021-12-31'],
      ['--rejected-by', '张主任', '--reason', '年内必须完成', '--approved-by', '李主任'],
    ]) {
      const refused = await cli('postpone', '23', ...args, '--on', '2021-10-13');
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.err).toMatch(/^gongkai: /);
    }
    expect(readFileSync(ledger, 'utf8')).toBe(text);
    const rejected = await cli('postpone', '23', '--rejected-by', '张主任', '--reason', '年内必须完成', '--on', '2021-10-13', '--commit');
    expect(rejected.code, rejected.err).toBe(0);
    expect(rejected.out).toContain('第 23 项　驳回延期申请（2021-10-13，张主任）：信息中心 2021-10-12 申请延至 2021-12-15；理由：年内必须完成');
    const after = item('23');
    expect(after.due).toBe(due);
    expect(after.postponement_rejections).toEqual([{ on: '2021-10-13', reason: '年内必须完成', rejected_by: '张主任' }]);
    expect(after.postponements ?? []).toEqual([]);

    // Answered: no longer pending anywhere; neither approved nor refused twice.
    const later = JSON.parse((await cli('overdue', '--as-of', '2021-10-14', '--format', 'json')).out);
    expect(later.pending_requests).toEqual([]);
    expect(JSON.stringify(later)).not.toContain('postponement_requested');
    expect((await cli('overdue', '--as-of', '2021-10-14')).out).not.toContain('待批准');
    const again = await cli('postpone', '23', '--rejected-by', '张主任', '--reason', '再驳回');
    expect(again.code).toBe(2);
    expect(again.err).toContain('第 23 项没有待批准的延期申请');
    expect((await cli('postpone', '23', '--approved-by', '张主任')).err).toContain('没有待批准的延期申请');

    // The history says who refused it, and the ledger stays valid.
    const log = await cli('log', '23');
    expect(log.out).toContain('驳回延期申请（2021-10-13，张主任）：信息中心 2021-10-12 申请延至 2021-12-15；理由：年内必须完成');
    expect((await cli('validate')).code).toBe(0);
    const exported = JSON.parse((await cli('export')).out).items.find((i: { number: string }) => i.number === '23');
    expect(exported.postponement_rejections).toEqual([{ on: '2021-10-13', reason: '年内必须完成', rejected_by: '张主任' }]);
  }, 60_000);
});
