import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { git, gitRepo, tempDir } from '../helpers/temp.js';

const files = () => ({ 'data/ledger.yaml': readFileSync(SHIPPED_LEDGER), 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY) });

async function inRepo(dir: string, ...args: string[]) {
  return runCli(['--ledger', join(dir, 'data', 'ledger.yaml'), ...args]);
}

describe('--commit', () => {
  it('commits only the ledger, with a message saying what changed', async () => {
    const dir = gitRepo(files());
    writeFileSync(join(dir, 'notes.txt'), 'unstaged work\n');
    const result = await inRepo(dir, 'done', '22', '--on', '2021-10-20', '--commit');
    expect(result.code, result.err).toBe(0);
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('gongkai: 22 未启动→已完成 (信息中心)\n');
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toBe('data/ledger.yaml\n');
    expect(git(dir, 'status', '--porcelain')).toBe('?? notes.txt\n');
  });

  it('names the note\'s department for a progress note', async () => {
    const dir = gitRepo(files());
    await inRepo(dir, 'note', '12', '--dept', '国际合作司', '--on', '2021-10-08', '平台改版上线', '--commit');
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('gongkai: 12 进展 (国际合作司)\n');
  });

  it('refuses, before writing, when other changes are staged', async () => {
    const dir = gitRepo(files());
    writeFileSync(join(dir, 'other.txt'), 'x\n');
    git(dir, 'add', 'other.txt');
    const before = readFileSync(join(dir, 'data', 'ledger.yaml'), 'utf8');
    const result = await inRepo(dir, 'done', '22', '--commit');
    expect(result.code).toBe(2);
    expect(result.err).toContain('暂存区已有其他改动（other.txt）');
    expect(readFileSync(join(dir, 'data', 'ledger.yaml'), 'utf8')).toBe(before);
  });

  it('refuses outside a git repository', async () => {
    const dir = tempDir(files());
    const result = await inRepo(dir, 'done', '22', '--commit');
    expect(result.code).toBe(2);
    expect(result.err).toContain('不在 git 仓库中，无法 --commit');
  });

  it('commits every edit when gongkai.yaml says commit: true', async () => {
    const dir = gitRepo({ ...files(), 'gongkai.yaml': 'ledger: data/ledger.yaml\ncommit: true\n' });
    const result = await runCli(['set', '23', '--status', '推进中'], { cwd: dir });
    expect(result.code, result.err).toBe(0);
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('gongkai: 23 未启动→推进中 (信息中心)\n');
  });
});

describe('log and diff from git', () => {
  it('rebuilds an item\'s history from the ledger\'s versions, with author and commit', async () => {
    const dir = gitRepo(files());
    git(dir, 'config', 'user.name', '信息中心联络员');
    await inRepo(dir, 'set', '22', '--status', '推进中', '--commit');
    await inRepo(dir, 'set', '22', '--due', '2021-10-31', '--commit');
    // A hand edit committed with a misleading message: the log reads the ledger, not the message.
    const ledger = join(dir, 'data', 'ledger.yaml');
    const text = readFileSync(ledger, 'utf8');
    const at = text.indexOf('      - number: "22"');
    writeFileSync(ledger, text.slice(0, at) + text.slice(at).replace('status: 推进中', 'status: 已完成\n        done_on: 2021-10-30'));
    git(dir, 'commit', '-qam', '修正错别字');
    const result = await inRepo(dir, 'log', '22', '--format', 'json');
    const entries = JSON.parse(result.out).entries.map((e: { author: string; change: object }) => ({ author: e.author, ...e.change }));
    expect(entries).toEqual([
      { author: '信息中心联络员', kind: 'status', item: '22', from: 'not_started', to: 'in_progress' },
      { author: '信息中心联络员', kind: 'due', item: '22', from: '2021-12-31', to: '2021-10-31' },
      { author: '信息中心联络员', kind: 'status', item: '22', from: 'in_progress', to: 'done' },
      { author: '信息中心联络员', kind: 'done_on', item: '22', from: null, to: '2021-10-30' },
    ]);
    const hashes = JSON.parse(result.out).entries.map((e: { commit: string }) => e.commit);
    expect(hashes[3]).toBe(git(dir, 'rev-parse', '--short=7', 'HEAD').trim());
  });

  it('diffs the working ledger against HEAD, and two revisions', async () => {
    const dir = gitRepo(files());
    await inRepo(dir, 'set', '12', '--resolve', '各有关司(局)=社会救助司', '--commit');
    await inRepo(dir, 'note', '12', '--dept', '社会救助司', '--on', '2021-10-08', '已对接');
    await inRepo(dir, 'set', '5', '--due', '2021-11-15');
    const working = await inRepo(dir, 'diff');
    expect(working.out).toBe('HEAD → 工作区：2 处变化\n第 5 项　时限：2021-12-31 → 2021-11-15\n第 12 项　新进展（2021-10-08，社会救助司）：已对接\n');
    const revisions = await inRepo(dir, 'diff', 'HEAD~1', 'HEAD');
    expect(revisions.out).toBe('HEAD~1 → HEAD：1 处变化\n第 12 项　各有关司(局) 指：未指明 → 社会救助司\n');
  });

  it('says so when asked for an item the ledger never had (a mistyped number), rather than an empty history', async () => {
    const dir = gitRepo(files());
    const missing = await inRepo(dir, 'log', '99');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('错误[ITEM_NOT_FOUND] 台账中没有第 99 项');
    const quiet = await inRepo(dir, 'log', '2');
    expect(quiet.code).toBe(0);
    expect(quiet.out).toContain('没有记录到变化');
  });

  it('says clearly when the ledger is not in a repository', async () => {
    const result = await inRepo(tempDir(files()), 'log');
    expect(result.code).toBe(2);
    expect(result.err).toContain('不在 git 仓库中');
  });
});

describe('gongkai hook install', () => {
  it('blocks a commit whose staged ledger has errors, and lets a clean one through', async () => {
    const dir = gitRepo({ ...files(), 'gongkai.yaml': 'ledger: data/ledger.yaml\n' });
    // Installed in-process; the hook it installs runs as a process, started by git.
    const installed = await runCli(['hook', 'install'], { cwd: dir });
    expect(installed.code, installed.err).toBe(0);
    const ledger = join(dir, 'data', 'ledger.yaml');
    const good = readFileSync(ledger, 'utf8');
    writeFileSync(ledger, good.replace('cooperate: [信息中心]', 'cooperate: [信息中新]'));
    git(dir, 'add', 'data/ledger.yaml');
    const env = { ...process.env, GONGKAI_LEDGER: '', NO_COLOR: '1' };
    const blocked = spawnSync('git', ['commit', '-m', 'typo'], { cwd: dir, encoding: 'utf8', env });
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('错误[UNKNOWN_DEPARTMENT] 第 1 项：部门名录中没有「信息中新」');
    // The working file is fixed but the broken version is still staged: still blocked.
    writeFileSync(ledger, good);
    expect(spawnSync('git', ['commit', '-m', 'typo'], { cwd: dir, env }).status).not.toBe(0);
    git(dir, 'add', 'data/ledger.yaml');
    writeFileSync(ledger, good.replace('status: 未启动', 'status: 进行中')); // broken, but not staged
    execFileSync('git', ['commit', '--allow-empty', '-qm', 'fine'], { cwd: dir, env });
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('fine\n');
  });

  it('does not replace someone else\'s hook without --force', async () => {
    const dir = gitRepo(files());
    writeFileSync(join(dir, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\nexit 0\n');
    const result = await runCli(['hook', 'install'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.err).toContain('已存在且不是 gongkai 安装的');
  });
});
