import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/edit/write-file-atomic.js';
import { safeFileName } from '../../src/edit/safe-file-name.js';
import { mergeLedger } from '../../src/merge/merge-ledger.js';
import { UserError } from '../../src/errors.js';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { git, gitRepo, tempDir } from '../helpers/temp.js';

/** The shipped data with 信息中心 renamed to `name` (its old name kept as an alias, so the ledger still resolves). */
function withDepartmentName(name: string) {
  const registry = readFileSync(SHIPPED_REGISTRY, 'utf8').replace('  - name: 信息中心\n', `  - name: ${JSON.stringify(name)}\n    aliases: [信息中心]\n`);
  return tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': registry });
}

/** A pid no process has now. */
function deadPid(): number {
  for (let pid = 99_999; pid > 1_000; pid--) {
    try {
      process.kill(pid, 0);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
  throw new Error('no free pid');
}

describe('the smaller holes of issue 20', () => {
  it('remind -o names a department with an OSC 8 link and a bell without sending either to the terminal', async () => {
    const dir = withDepartmentName('信息中心\u001b]8;;https://evil.example/\u0007点我\u001b]8;;\u0007\u0007');
    const result = await runCli(['--ledger', join(dir, 'ledger.yaml'), 'remind', '--dept', '信息中心', '--as-of', '2021-12-28', '-o', join(dir, 'out')]);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain('已写入');
    expect(result.err).not.toMatch(/[\u0007\u001b]/);
    for (const name of readdirSync(join(dir, 'out'))) expect(name).not.toMatch(/[\u0000-\u001f]/);
  });

  it('file names lose bidi overrides and never take a name Windows reserves; JSON files escape U+202E as stdout does', async () => {
    expect(safeFileName('部门\u202egpj.exe', '.md')).toBe('部门gpj.exe.md');
    expect(safeFileName('a\u200bb\u2066c', '.md')).toBe('abc.md');
    for (const reserved of ['CON', 'nul', 'Aux', 'COM1', 'lpt1.txt', 'PRN']) expect(safeFileName(reserved, '.md')).toBe(`_${reserved}.md`);
    expect(safeFileName('CONTROL', '.md')).toBe('CONTROL.md');

    const dir = withDepartmentName('信息\u202e中心');
    const result = await runCli(['--ledger', join(dir, 'ledger.yaml'), 'remind', '--dept', '信息中心', '--as-of', '2021-12-28', '--format', 'json', '-o', join(dir, 'out')]);
    expect(result.code, result.err).toBe(0);
    const [file] = readdirSync(join(dir, 'out'));
    expect(file).toBe('信息中心.json');
    const text = readFileSync(join(dir, 'out', file!), 'utf8');
    expect(text).not.toContain('\u202e');
    expect(text).toContain('\\u202e');
    expect((JSON.parse(text) as { department: string }).department).toBe('信息\u202e中心');
  });

  it('a merge where one side\'s ledger is hand-broken is not committed', async () => {
    const repo = gitRepo({ 'data/ledger.yaml': readFileSync(SHIPPED_LEDGER), 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    expect((await runCli(['hook', 'install', '--ledger', 'data/ledger.yaml'], { cwd: repo })).code).toBe(0);
    git(repo, 'add', '-A');
    // Past the pre-commit hook (a gongkai process at each commit; tests/edit/git.test.ts tests it): the merge driver is what is tried here.
    git(repo, 'commit', '-q', '--no-verify', '-m', 'hooks');
    git(repo, 'checkout', '-q', '-b', 'side');
    const file = join(repo, 'data', 'ledger.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('sections:', 'sections: [broken'));
    git(repo, 'commit', '-q', '--no-verify', '-am', 'broken by hand');
    git(repo, 'checkout', '-q', 'main');
    expect((await runCli(['--ledger', file, 'note', '22', '--dept', '信息中心', '--on', '2021-10-20', '接口联调完成'], { cwd: repo })).code).toBe(0);
    git(repo, 'commit', '-q', '--no-verify', '-am', '22 进展');
    const head = git(repo, 'rev-parse', 'HEAD');
    const merged = spawnSync('git', ['merge', '--no-edit', 'side'], { cwd: repo, encoding: 'utf8' });
    expect(merged.status, merged.stdout + merged.stderr).not.toBe(0);
    expect(merged.stdout + merged.stderr).toContain('不是有效的 YAML，不能自动提交');
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('in a real status conflict, theirs\' done date stays inside the conflict markers', () => {
    const base = readFileSync(SHIPPED_LEDGER, 'utf8');
    const item = (text: string, to: string) => text.replace(/(- number: "7"[\s\S]*?)status: 未启动/, `$1${to}`);
    const ours = item(base, 'status: 持续推进');
    const theirs = item(base, 'status: 已完成\n        done_on: 2021-10-20');
    const merged = mergeLedger(base, ours, theirs);
    expect(merged.conflicts.map((c) => c.field)).toContain('status');
    const outside = merged.text.replace(/^<<<<<<< [^\n]*\n[\s\S]*?^>>>>>>> [^\n]*\n/gm, '');
    expect(merged.text).toContain('done_on: 2021-10-20');
    expect(outside).not.toContain('done_on: 2021-10-20');
  });

  it('a line appended while the rename is delayed is kept beside the ledger and the edit ends with an error', () => {
    const dir = tempDir({ 'ledger.yaml': 'a: 1\n' });
    const file = join(dir, 'ledger.yaml');
    const before = readFileSync(file);
    let thrown: unknown;
    try {
      writeFileAtomic(file, 'a: 2\n', { unchangedSince: before, beforeRename: () => appendFileSync(file, 'b: 3\n') });
    } catch (cause) {
      thrown = cause;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as Error).message).toContain('另一个程序也改了它');
    const kept = readdirSync(dir).find((n) => n.startsWith('ledger.yaml.concurrent-'));
    expect(kept).toBeDefined();
    expect(readFileSync(join(dir, kept!), 'utf8')).toBe('a: 1\nb: 3\n');
  });

  it('a pre-commit hook that fails leaves nothing staged and says how to undo', async () => {
    const repo = gitRepo({ 'data/ledger.yaml': readFileSync(SHIPPED_LEDGER), 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const hook = join(repo, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho 本机规定：周五不许提交 >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const result = await runCli(['--ledger', join(repo, 'data', 'ledger.yaml'), 'note', '22', '--dept', '信息中心', '--on', '2021-10-20', '接口联调完成', '--commit']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('本机规定：周五不许提交');
    expect(result.err).toContain('git checkout -- data/ledger.yaml');
    expect(git(repo, 'diff', '--cached', '--name-only')).toBe('');
  });

  it('a lock holding only a dead pid is taken over at once, and temp files of killed writers are removed', async () => {
    const dir = tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const pid = deadPid();
    writeFileSync(join(dir, '.ledger.yaml.lock'), JSON.stringify({ pid }));
    const leftover = join(dir, `.ledger.yaml.${pid}.0123456789ab.tmp`);
    writeFileSync(leftover, 'half a ledger');
    const result = await runCli(['--ledger', join(dir, 'ledger.yaml'), 'note', '22', '--dept', '信息中心', '--on', '2021-10-20', '接口联调完成']);
    expect(result.code, result.err).toBe(0);
    expect(readFileSync(join(dir, 'ledger.yaml'), 'utf8')).toContain('接口联调完成');
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(join(dir, '.ledger.yaml.lock'))).toBe(false);
  });

  it('hook install with a space in the ledger path installs the merge driver too', async () => {
    const repo = gitRepo({ 'my data/ledger.yaml': readFileSync(SHIPPED_LEDGER), 'my data/departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const result = await runCli(['hook', 'install', '--ledger', 'my data/ledger.yaml'], { cwd: repo });
    expect(result.code, result.err).toBe(0);
    expect(readFileSync(join(repo, '.gitattributes'), 'utf8')).toContain('"/my data/ledger.yaml" merge=gongkai');
    expect(execFileSync('git', ['check-attr', 'merge', '--', 'my data/ledger.yaml'], { cwd: repo, encoding: 'utf8' })).toContain('merge: gongkai');
  });
});
