import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fillForm } from '../helpers/fill-form.js';
import { FIXTURES, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { gitRepo } from '../helpers/temp.js';
import { docxPart } from './office-pdf.js';

const PROGRESS = join(FIXTURES, 'ledgers', 'mca-progress.yaml');
const LEDGER_PATH = 'data/ledger.yaml';

/** Commits everything with author and committer dated on a Beijing day, as a liaison's commit that day would be. */
function commitOn(repo: string, day: string, message: string): void {
  const when = `${day}T10:00:00+08:00`;
  const env = { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  execFileSync('git', ['add', '-A'], { cwd: repo, env });
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd: repo, env });
}

type RawItem = { number: string; status: string; postponements?: { on: string; from: string; to: string; reason: string; approved_by?: string }[] };

/** The ledger as committed at the end of a day, parsed independently of gongkai, and `status`/`overdue --format json` on it at that date. */
async function stateAt(repo: string, day: string) {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const rev = execFileSync('git', ['rev-list', '-1', `--before=${next.toISOString().slice(0, 10)}T00:00:00+08:00`, 'HEAD', '--', LEDGER_PATH], { cwd: repo, encoding: 'utf8' }).trim();
  const text = execFileSync('git', ['show', `${rev}:${LEDGER_PATH}`], { cwd: repo, encoding: 'utf8' });
  const file = join(repo, 'data', `at-${day}.yaml`);
  writeFileSync(file, text);
  const items: RawItem[] = parse(text).sections.flatMap((s: { items: RawItem[] }) => s.items.map((i) => ({ ...i, number: String(i.number) })));
  const json = async (command: string) => JSON.parse((await runCli([command, '--ledger', file, '--as-of', day, '--format', 'json'])).out);
  const overdue = await json('overdue');
  return { items, status: await json('status'), overdueItems: new Set<string>(overdue.overdue.flatMap((g: { items: { number: string }[] }) => g.items.map((i) => i.number))) };
}

/** The paragraphs of a .docx, each as its text. */
function paragraphsOf(file: string): string[] {
  const xml = docxPart(file, 'word/document.xml');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).filter(Boolean);
}

const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);
const cn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

describe('report --month: the 调度通报 written from the ledger and its git history', () => {
  it('a scripted October (a postponement, a form returned and one not, completions, a November change) is reported with every number recounted', async () => {
    const repo = gitRepo({ 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY), [LEDGER_PATH]: readFileSync(PROGRESS, 'utf8').replace(/^departments: .*$/m, 'departments: departments.yaml') });
    const ledger = join(repo, LEDGER_PATH);
    const cli = async (...args: string[]) => {
      const result = await runCli(['--ledger', ledger, ...args]);
      expect(result.code, `${args.join(' ')}: ${result.err}`).toBe(0);
      return result;
    };
    commitOn(repo, '2021-09-01', 'September ledger');
    await cli('note', '2', '--dept', '政策法规司', '--on', '2021-09-20', '已起草');
    commitOn(repo, '2021-09-20', 'September note');
    // October: a postponement, forms out, one returned (信息中心 completes 22), another department's not returned.
    await cli('postpone', '23', '--to', '2021-12-15', '--reason', '等待测评机构进场', '--approved-by', '张主任', '--on', '2021-10-08');
    commitOn(repo, '2021-10-08', 'postpone 23');
    // Two departments' forms: the report reads the ledger's history, not the forms (a form for every department, and
    // which have come back, is tests/forms/round-status.test.ts's).
    for (const dept of ['信息中心', '政策法规司']) await cli('forms', '-o', join(repo, 'forms'), '--dept', dept, '--as-of', '2021-10-09');
    commitOn(repo, '2021-10-09', 'forms issued');
    await fillForm(join(repo, 'forms', '信息中心.xlsx'), { '22': { 状态: '已完成', 完成日期: '2021-10-11', 本期进展: '与中国政府网专栏完成数据联通', 联系人: '王五' } });
    await cli('collect', join(repo, 'forms', '信息中心.xlsx'), '--on', '2021-10-12');
    commitOn(repo, '2021-10-12', 'collect 信息中心');
    await cli('done', '2', '--on', '2021-10-20');
    await cli('note', '2', '--dept', '政策法规司', '--on', '2021-10-20', '已在专栏公布');
    commitOn(repo, '2021-10-20', 'done 2');
    // November: not October's.
    await cli('done', '3', '--on', '2021-11-01');
    commitOn(repo, '2021-11-01', 'done 3');

    const out = join(repo, '通报.docx');
    await cli('report', '--month', '2021-10', '-o', out);
    const paragraphs = paragraphsOf(out);
    const text = paragraphs.join('\n');
    expect(paragraphs[0]).toBe('民政部2021年政务公开工作要点及任务分工落实情况调度通报');
    expect(paragraphs[1]).toBe('（2021年10月）');

    const before = await stateAt(repo, '2021-09-30');
    const after = await stateAt(repo, '2021-10-31');
    const t = after.status.totals;
    const p = before.status.totals;
    // Overall: the figures of status --format json at the two dates.
    expect(text).toContain(`截至2021年10月31日，共 ${t.items} 项任务，已完成 ${t.by_status.done} 项，完成度 ${pct(t.completion)}。`);
    const points = Math.round(t.completion * 100) - Math.round(p.completion * 100);
    expect(points).toBeGreaterThan(0);
    expect(text).toContain(`上期末（2021年9月30日）已完成 ${p.by_status.done} 项，完成度 ${pct(p.completion)}；本期完成度提高 ${points} 个百分点。`);
    expect(text).toContain(t.overdue ? `目前逾期 ${t.overdue} 项。` : '目前没有逾期的任务。');

    // Completed: done at the end, not at the start — recounted from the two committed versions.
    const wasDone = new Set(before.items.filter((i) => i.status === '已完成').map((i) => i.number));
    const completed = after.items.filter((i) => i.status === '已完成' && !wasDone.has(i.number)).map((i) => i.number);
    expect(completed.sort()).toEqual(['2', '22']);
    expect(text).toMatch(new RegExp(`2021年10月完成 ${completed.length} 项：第 2 项（[^）]*，2021年10月20日完成）、第 22 项（信息中心，2021年10月11日完成）。`));
    expect(text).not.toMatch(/第 3 项（[^）]*完成）/);

    // Newly overdue: overdue at the end and not at the start.
    const newly = [...after.overdueItems].filter((n) => !before.overdueItems.has(n));
    expect(newly.length).toBeGreaterThan(0);
    expect(text).toContain(`本期新增逾期 ${newly.length} 项：`);
    for (const n of newly) expect(text).toMatch(new RegExp(`新增逾期[^。]*第 ${n} 项`));

    // Postponed in the period, with the reason and who approved it.
    const postponements = after.items.flatMap((i) => (i.postponements ?? []).filter((x) => String(x.on) >= '2021-10-01' && String(x.on) <= '2021-10-31').map((x) => ({ ...x, number: i.number })));
    expect(postponements.length).toBe(1);
    const x = postponements[0]!;
    expect(text).toContain(`本期批准延期 1 次：第 ${x.number} 项由${cn(String(x.from))}延至${cn(String(x.to))}，理由：${x.reason}，经${x.approved_by}批准。`);

    // Still not started.
    const notStarted = after.items.filter((i) => i.status === '未启动');
    expect(notStarted.length).toBe(t.by_status.not_started);
    expect(text).toContain(`尚未启动 ${notStarted.length} 项：`);

    // By department: each department's two completions and the change, as status gives them.
    for (const d of after.status.departments.filter((d: { items: number }) => d.items > 0)) {
      const was = before.status.departments.find((w: { name: string }) => w.name === d.name);
      const delta = Math.round(d.completion * 100) - Math.round(was.completion * 100);
      const row = [d.name, String(d.items), pct(was.completion), pct(d.completion), delta === 0 ? '0' : `${delta > 0 ? '+' : '−'}${Math.abs(delta)}`];
      expect(paragraphs.join('|'), d.name).toContain(row.join('|'));
    }

    // Who did not report: 信息中心 returned its form and 政策法规司 wrote notes; departments with open items and no October note are named.
    const notReported = /本期未报送进展的部门 (\d+) 个：([^。]*)。/.exec(text)!;
    const names = notReported[2]!.split('、');
    expect(Number(notReported[1])).toBe(names.length);
    expect(names).not.toContain('信息中心');
    expect(names).not.toContain('政策法规司');
    expect(names).toContain('规划财务司');
    // No sentence with a blank where a number should be.
    expect(text).not.toMatch(/(^|[^\d]) (项|个|次)/m);
    expect(readdirSync(join(repo, 'forms'))).toContain('政策法规司.xlsx');
  }, 60_000);

  it('--until without --since, or both --month and --since, is refused plainly', async () => {
    const repo = gitRepo({ 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY), [LEDGER_PATH]: readFileSync(PROGRESS, 'utf8').replace(/^departments: .*$/m, 'departments: departments.yaml') });
    const ledger = join(repo, LEDGER_PATH);
    const a = await runCli(['--ledger', ledger, 'report', '--until', '2021-10-31', '-o', join(repo, 'a.docx')]);
    expect(a.code).toBe(2);
    expect(a.err).toContain('--until 须与 --since 一起用');
    const b = await runCli(['--ledger', ledger, 'report', '--month', '2021-13', '-o', join(repo, 'b.docx')]);
    expect(b.code).toBe(2);
    expect(b.err).toContain('--month 须为年月');
  });
});
