import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { copyOfTemplate, git, gitRepo } from '../helpers/temp.js';

const ledgerText = readFileSync(join(FIXTURES, 'ledgers', 'mca-progress.yaml'), 'utf8').replace('departments: ../../../data/departments.yaml', 'departments: departments.yaml');

/** A repository set up by `gongkai hook install`, with .gitattributes committed (made once per test process, copied for each caller). */
async function repository(install = true) {
  return copyOfTemplate(`merge-driver-repository:${install}`, async (template) => {
    const dir = gitRepo({ 'data/ledger.yaml': ledgerText, 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY), 'gongkai.yaml': 'ledger: data/ledger.yaml\n' });
    if (install) {
      const installed = await runCli(['hook', 'install'], { cwd: dir });
      expect(installed.code, installed.err).toBe(0);
      // The hook and .git/config name gongkai by its own path, never the repository's: a copy works as the original.
      // Committed past the pre-commit hook (a gongkai process; tests/edit/git.test.ts tests it): only .gitattributes changes.
      git(dir, 'add', '.gitattributes');
      git(dir, 'commit', '-q', '--no-verify', '-m', 'gitattributes');
    }
    cpSync(dir, template, { recursive: true });
  });
}

/** Commits `edit(text)` of a file on a new branch from main, then returns to main. */
function onBranch(dir: string, branch: string, file: string, edit: (text: string) => string) {
  git(dir, 'switch', '-q', '-c', branch, 'main');
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  // The set-up's own commit: the pre-commit hook's validation is tested in tests/edit/git.test.ts, not here.
  git(dir, 'commit', '-q', '--no-verify', '-am', branch);
  git(dir, 'switch', '-q', 'main');
}

const merge = (dir: string, branch: string) => spawnSync('git', ['merge', '--no-edit', branch], { cwd: dir, encoding: 'utf8' });
const item = (n: string) => `      - number: "${n}"\n`;
/** Replaces the first `from` after item n's first line. */
const inItem = (n: string, from: string, to: string) => (text: string) => {
  const at = text.indexOf(item(n));
  return text.slice(0, at) + text.slice(at).replace(from, to);
};

describe('gongkai merge-driver through git', () => {
  it('hook install configures the driver in .git/config and .gitattributes', async () => {
    const dir = await repository();
    expect(git(dir, 'config', 'merge.gongkai.driver')).toMatch(/gongkai\.js' merge-driver %O %A %B %P %L\n$/);
    expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toBe('/data/ledger.yaml merge=gongkai\n/data/departments.yaml merge=gongkai\n');
    // Installing again adds nothing.
    expect((await runCli(['hook', 'install'], { cwd: dir })).code).toBe(0);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('merges changes on neighbouring lines that git alone reports as a conflict', async () => {
    for (const install of [false, true]) {
      const dir = await repository(install);
      onBranch(dir, 'a', 'data/ledger.yaml', inItem('22', 'status: 推进中', 'status: 已完成\n        done_on: 2021-10-20'));
      onBranch(dir, 'b', 'data/ledger.yaml', inItem('22', 'due: 2021-09-30', 'due: 2021-10-31'));
      git(dir, 'merge', '-q', 'a');
      const result = merge(dir, 'b');
      if (!install) {
        expect(result.status).not.toBe(0);
        continue;
      }
      expect(result.status, result.stderr).toBe(0);
      const expected = inItem('22', 'due: 2021-09-30', 'due: 2021-10-31')(inItem('22', 'status: 推进中', 'status: 已完成\n        done_on: 2021-10-20')(ledgerText));
      expect(readFileSync(join(dir, 'data', 'ledger.yaml'), 'utf8')).toBe(expected);
    }
  });

  it('marks a conflict around the one field, exits non-zero, and validate points at it', async () => {
    const dir = await repository();
    onBranch(dir, 'a', 'data/ledger.yaml', (t) => inItem('22', 'status: 推进中', 'status: 持续推进')(inItem('5', 'status: 未启动', 'status: 推进中')(t)));
    onBranch(dir, 'b', 'data/ledger.yaml', inItem('22', 'status: 推进中', 'status: 已取消'));
    git(dir, 'merge', '-q', 'a');
    const result = merge(dir, 'b');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('冲突：第 22 项的「状态」两边改得不同（本地：持续推进；对方：已取消）');
    const text = readFileSync(join(dir, 'data', 'ledger.yaml'), 'utf8');
    const marked = '<<<<<<< ours\n        status: 持续推进\n=======\n        status: 已取消\n>>>>>>> theirs\n';
    expect(text).toBe(inItem('22', '        status: 推进中\n', marked)(inItem('5', 'status: 未启动', 'status: 推进中')(ledgerText)));
    const line = text.split('\n').indexOf('<<<<<<< ours') + 1;
    const validated = await runCli(['validate'], { cwd: dir });
    expect(validated.code).toBe(1);
    expect(validated.out + validated.err).toContain(`ledger.yaml:${line}:1: 错误[CONFLICT_MARKERS]`);
  });

  it('refuses to merge the registry by meaning: lines both sides changed stay marked, with a clear message', async () => {
    const dir = await repository();
    onBranch(dir, 'a', 'data/departments.yaml', (t) => t.replace('  - name: 政策法规司\n', '  - name: 政策法规司\n    aliases: [法规司]\n'));
    onBranch(dir, 'b', 'data/departments.yaml', (t) => t.replace('  - name: 政策法规司\n', '  - name: 政策法规司\n    aliases: [政法司]\n'));
    git(dir, 'merge', '-q', 'a');
    const result = merge(dir, 'b');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('部门名录 data/departments.yaml 两边改在相邻的行：gongkai 不按含义合并名录，已留下冲突标记，请由办公厅手工合并');
    expect(readFileSync(join(dir, 'data', 'departments.yaml'), 'utf8')).toContain('<<<<<<< ours\n    aliases: [法规司]\n=======\n    aliases: [政法司]\n>>>>>>> theirs\n');
  });
});
