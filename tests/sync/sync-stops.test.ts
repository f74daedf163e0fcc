import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { copyOfTemplate, git } from '../helpers/temp.js';

/**
 * A bare shared repository seeded with the shipped ledger by office@example.invalid (its clone set up by
 * `gongkai hook install`): made once per test process for each registry and copied; `clone` adds another
 * clone, set up the same way.
 */
async function shared(registry = readFileSync(SHIPPED_REGISTRY, 'utf8')) {
  const root = await copyOfTemplate(`sync-stops:${registry}`, async (dir) => {
    const server = join(dir, 'server.git');
    const office = join(dir, OFFICE);
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', server]);
    mkdirSync(join(office, 'data'), { recursive: true });
    writeFileSync(join(office, 'data', 'ledger.yaml'), readFileSync(SHIPPED_LEDGER));
    writeFileSync(join(office, 'data', 'departments.yaml'), registry);
    writeFileSync(join(office, 'gongkai.yaml'), 'ledger: data/ledger.yaml\n');
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: office });
    git(office, 'config', 'user.name', OFFICE);
    git(office, 'config', 'user.email', OFFICE);
    expect((await runCli(['hook', 'install'], { cwd: office })).code).toBe(0);
    git(office, 'add', '-A');
    // The shipped ledger, valid: the pre-commit hook (a gongkai process; tests/edit/git.test.ts tests it) would only say so.
    git(office, 'commit', '-q', '--no-verify', '-m', '台账');
    git(office, 'push', '-q', '-u', server, 'main');
    git(office, 'remote', 'add', 'origin', server);
    git(office, 'fetch', '-q', 'origin');
    git(office, 'branch', '-q', '-u', 'origin/main');
  });
  const server = join(root, 'server.git');
  const office = join(root, OFFICE);
  // The office clone's remote names the server where it was made: point it at this copy's.
  git(office, 'remote', 'set-url', 'origin', server);
  const clone = async (email: string) => {
    const dir = join(root, email);
    execFileSync('git', ['clone', '-q', server, dir]);
    git(dir, 'config', 'user.name', email);
    git(dir, 'config', 'user.email', email);
    expect((await runCli(['hook', 'install'], { cwd: dir })).code).toBe(0);
    return dir;
  };
  return { server, office, clone };
}

const OFFICE = 'office@example.invalid';

describe('gongkai sync stops cleanly', () => {
  it('undoes a merge whose result has an error neither side had', async () => {
    const { office, clone } = await shared();
    const other = await clone('other@example.invalid');
    // Each side is valid alone; together item 5 is due before the notice was issued.
    const ledger = join(other, 'data', 'ledger.yaml');
    writeFileSync(ledger, readFileSync(ledger, 'utf8').replace('issued_on: 2021-06-30', 'issued_on: 2021-09-01'));
    expect((await runCli(['sync'], { cwd: other })).code).toBe(0);
    expect((await runCli(['set', '5', '--due', '2021-08-01'], { cwd: office })).code).toBe(0);
    const head = git(office, 'rev-parse', 'HEAD');
    const result = await runCli(['sync'], { cwd: office });
    expect(result.code).toBe(1);
    expect(result.err).toContain('与远端合并后的台账有错误，已退回合并之前（本地提交保留，未推送）');
    expect(result.err).toContain('DUE_BEFORE_ISSUE');
    // The local commit stays; the merge is gone; nothing is left half-done.
    expect(git(office, 'rev-parse', 'HEAD~1')).toBe(head);
    expect(git(office, 'status', '--porcelain')).toBe('');
    expect(readFileSync(join(office, 'data', 'ledger.yaml'), 'utf8')).toContain('issued_on: 2021-06-30');
  });

  it('refuses to commit an invalid ledger, and says what to do without an upstream branch', async () => {
    const { office } = await shared();
    const ledger = join(office, 'data', 'ledger.yaml');
    const good = readFileSync(ledger, 'utf8');
    writeFileSync(ledger, good.replace('cooperate: [信息中心]', 'cooperate: [信息中新]'));
    const head = git(office, 'rev-parse', 'HEAD');
    const invalid = await runCli(['sync'], { cwd: office });
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('台账有错误，未提交也未同步');
    expect(invalid.err).toContain('错误[UNKNOWN_DEPARTMENT] 第 1 项：部门名录中没有「信息中新」');
    expect(git(office, 'rev-parse', 'HEAD')).toBe(head);
    writeFileSync(ledger, good);
    git(office, 'branch', '-q', '--unset-upstream');
    const lonely = await runCli(['sync'], { cwd: office });
    expect(lonely.code).toBe(2);
    expect(lonely.err).toContain('分支 main 没有对应的远端分支：先运行 git push -u origin main');
  });

  it('reports a push the shared repository refuses, keeping the local commit', async () => {
    const registry = readFileSync(SHIPPED_REGISTRY, 'utf8').replace('  - name: 信息中心\n    kind: affiliated\n', '  - name: 信息中心\n    kind: affiliated\n    committers: [xinxi@example.invalid]\n');
    const { server, clone } = await shared(registry);
    expect((await runCli(['hook', 'install', '--server'], { cwd: server })).code).toBe(0);
    const xinxi = await clone('xinxi@example.invalid');
    expect((await runCli(['set', '7', '--status', '推进中'], { cwd: xinxi })).code).toBe(0);
    const result = await runCli(['sync'], { cwd: xinxi });
    expect(result.code).toBe(1);
    expect(result.err).toContain('共享仓库拒绝了推送');
    expect(result.err).toMatch(/提交 [0-9a-f]{7}（xinxi@example\.invalid <xinxi@example\.invalid>，信息中心）修改了第 7 项的「状态」：该项不是信息中心负责的任务/);
    expect(git(xinxi, 'log', '-1', '--format=%s')).toBe('gongkai sync: 7 未启动→推进中\n');
    expect(git(server, 'log', '-1', '--format=%s', 'main')).toBe('台账\n');
  });
});
