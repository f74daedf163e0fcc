import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { writeFileSync } from 'node:fs';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { git, gitRepo } from '../helpers/temp.js';
import { policedRepository } from './shared-fixture.js';

const sharedRepository = () => policedRepository();

const push = (dir: string, env: Record<string, string> = {}) => spawnSync('git', ['push', 'origin', 'main'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });

/**
 * The git commands gongkai's pre-receive hook ran, from git's own trace of a push (GIT_TRACE): the
 * built-in commands after git starts the hook and before git runs its next command of its own (gongkai
 * starts git directly, so its commands have no run_command line of git's before them).
 */
function hookGitCommands(trace: string): string[] {
  const lines = trace.split('\n');
  const start = lines.findIndex((l) => l.includes('trace: run_command:') && l.includes('pre-receive'));
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.includes('trace: run_command:'));
  return (end < 0 ? rest : rest.slice(0, end)).filter((l) => l.includes('trace: built-in: git ')).map((l) => l.slice(l.indexOf('built-in: ') + 'built-in: '.length));
}

describe('who may change what', () => {
  it('the shared repository refuses a push that changes another department\'s item, naming item and field', async () => {
    const { server, clone } = await sharedRepository();
    const dir = clone('救助司联络员', 'jiuzhu@example.invalid');
    // Item 22 is 信息中心's alone.
    expect((await runCli(['set', '22', '--status', '推进中', '--commit'], { cwd: dir })).code).toBe(0);
    const before = git(server, 'rev-parse', 'main');
    const refused = push(dir);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/remote: 提交 [0-9a-f]{7}（救助司联络员 <jiuzhu@example\.invalid>，社会救助司）修改了第 22 项的「状态」：该项不是社会救助司负责的任务/);
    expect(refused.stderr).toContain('gongkai：拒绝推送');
    expect(git(server, 'rev-parse', 'main')).toBe(before);
  });

  it('lets a department push its own items\' status and notes, and the coordinator anything', async () => {
    const { server, clone } = await sharedRepository();
    const dir = clone('救助司联络员', 'jiuzhu@example.invalid');
    // Item 7: 社会救助司 and 规划财务司 jointly; item 2: 社会救助司 nowhere, but 各有关司(局) cooperates… only a note on its own items.
    expect((await runCli(['set', '7', '--status', '推进中', '--commit'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['note', '7', '--dept', '社会救助司', '--on', '2021-10-08', '已发布', '--commit'], { cwd: dir })).code).toBe(0);
    // The office takes 社会救助司's two commits from its clone, adds one of its own, and pushes all three: each push
    // runs the hook, a gongkai process, and the server judges each commit by its author, whoever pushes it.
    const office = clone('办公厅统筹', 'office@example.invalid');
    git(office, 'pull', '-q', '--ff-only', dir, 'main');
    expect((await runCli(['set', '22', '--due', '2021-11-30', '--commit'], { cwd: office })).code).toBe(0);
    const trace = join(dir, '..', 'push-trace.txt');
    const allowed = push(office, { GIT_TRACE: trace });
    expect(allowed.status, allowed.stderr).toBe(0);
    // Each git process costs the shared repository's server ~10 ms of CPU: the hook judges the three commits with four
    // (HEAD and the repository, the new commits, their files, the YAML blobs), not one or more per commit, ledger or blob.
    const commands = hookGitCommands(readFileSync(trace, 'utf8'));
    expect(commands.length, commands.join('\n')).toBeGreaterThan(0);
    expect(commands.length, commands.join('\n')).toBeLessThanOrEqual(4);
    expect(git(server, 'log', '-3', '--format=%ae', 'main')).toBe('office@example.invalid\njiuzhu@example.invalid\njiuzhu@example.invalid\n');
  });

  it('check-commits lists each change beyond the author\'s department: commit, author, item, field', async () => {
    const { clone } = await sharedRepository();
    const dir = clone('信息中心联络员', 'xinxi@example.invalid');
    const start = git(dir, 'rev-parse', 'HEAD').trim();
    expect((await runCli(['set', '22', '--status', '推进中', '--commit'], { cwd: dir })).code).toBe(0); // own: fine
    expect((await runCli(['set', '22', '--due', '2021-10-31', '--commit'], { cwd: dir })).code).toBe(0); // due: the office's
    expect((await runCli(['set', '7', '--status', '推进中', '--commit'], { cwd: dir })).code).toBe(0); // not its item
    const result = await runCli(['check-commits', `${start}..HEAD`, '--format', 'json'], { cwd: dir });
    expect(result.code, result.err).toBe(1);
    const report = JSON.parse(result.out);
    expect(report.commits).toBe(3);
    expect(report.violations.map((v: Record<string, string>) => [v.author_email, v.department, v.item, v.field, v.reason])).toEqual([
      ['xinxi@example.invalid', '信息中心', '22', 'due', 'coordinator_only'],
      ['xinxi@example.invalid', '信息中心', '7', 'status', 'not_own_item'],
    ]);
    const text = await runCli(['check-commits', `${start}..HEAD`], { cwd: dir });
    expect(text.out).toContain('修改了第 22 项的「时限」：各部门只能改本部门任务的状态、完成日期、进展和延期申请，「时限」由办公厅修改');
  });

  it('never passes a revision the user typed to git as an option', async () => {
    const { clone } = await sharedRepository();
    const dir = clone('信息中心联络员', 'xinxi@example.invalid');
    const result = await runCli(['check-commits', '--', '--output=/tmp/gongkai-pwned..HEAD'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.err).toContain('「--output=/tmp/gongkai-pwned」不是 git 版本');
  });

  it('a ledger left unreadable for many commits is looked up in a few git processes, not one per commit', async () => {
    const dir = gitRepo({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    writeFileSync(join(dir, 'ledger.yaml'), `${readFileSync(join(dir, 'ledger.yaml'), 'utf8')}\n<<<<<<< HEAD\n`);
    git(dir, 'commit', '-qam', '台账改坏了');
    // Then forty commits of another file, made by one git process: each judged by the last readable ledger, forty-one commits back.
    const commits = Array.from({ length: 40 }, (_, i) => {
      const note = `${i}\n`;
      const message = `记录 ${i}\n`;
      return `commit refs/heads/main\ncommitter 测试员 <tester@example.invalid> ${1_633_000_000 + i} +0800\ndata ${Buffer.byteLength(message)}\n${message}M 100644 inline notes.txt\ndata ${note.length}\n${note}\n`;
    });
    execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: `reset refs/heads/main\nfrom ${git(dir, 'rev-parse', 'HEAD').trim()}\n\n${commits.join('')}` });
    git(dir, 'reset', '-q', '--hard');
    // gongkai in-process (the git processes it starts read GIT_TRACE from this process's environment): what is
    // counted is git's, not a process's start-up.
    const trace = join(dir, '..', 'check-trace.txt');
    process.env.GIT_TRACE = trace;
    const checked = await runCli(['check-commits', 'HEAD~5..HEAD'], { cwd: dir }).finally(() => delete process.env.GIT_TRACE);
    expect(checked.code, checked.err).toBeLessThan(2);
    const reads = readFileSync(trace, 'utf8').split('\n').filter((l) => l.includes('trace: built-in: git cat-file'));
    // Before, one read per ancestor: about forty.
    expect(reads.length).toBeLessThanOrEqual(8);
  });
});
