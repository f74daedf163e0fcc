import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { git, gitRepo } from '../helpers/temp.js';

// A repository with no gongkai.yaml: the ledger is named only on the command line or in GONGKAI_LEDGER.
const files = () => ({ 'plan/ledger.yaml': readFileSync(SHIPPED_LEDGER), 'plan/departments.yaml': readFileSync(SHIPPED_REGISTRY) });
const env = { ...process.env, GONGKAI_LEDGER: '', NO_COLOR: '1' };
/** gongkai in this process, as started in `cwd` (the hooks it installs run as processes, started by git). */
const gongkai = async (cwd: string, args: string[], extraEnv: Record<string, string> = {}) => {
  const result = await runCli(args, { cwd, env: { NO_COLOR: '1', ...extraEnv } });
  return { status: result.code, stdout: result.out, stderr: result.err };
};
const commit = (dir: string, message: string) => spawnSync('git', ['commit', '-qm', message], { cwd: dir, encoding: 'utf8', env });

describe('the pre-commit hook in a repository without gongkai.yaml', () => {
  it('records the ledger given with --ledger (from a subfolder): clean commits pass, broken ones are blocked', async () => {
    const dir = gitRepo(files());
    const installed = await gongkai(join(dir, 'plan'), ['hook', 'install', '--ledger', 'ledger.yaml']);
    expect(installed.status, installed.stderr).toBe(0);
    expect(installed.stdout).toContain('plan/ledger.yaml');
    const ledger = join(dir, 'plan', 'ledger.yaml');
    const good = readFileSync(ledger, 'utf8');
    writeFileSync(join(dir, 'readme.txt'), 'x\n');
    git(dir, 'add', 'readme.txt');
    const clean = commit(dir, 'unrelated');
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    writeFileSync(ledger, good.replace('cooperate: [信息中心]', 'cooperate: [信息中新]'));
    git(dir, 'add', 'plan/ledger.yaml');
    const blocked = commit(dir, 'typo');
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr + blocked.stdout).toContain('部门名录中没有「信息中新」');
    expect(blocked.stderr + blocked.stdout).not.toContain('没有指定台账');
  });

  it('lets gongkai\'s own --commit through the hook', async () => {
    const dir = gitRepo(files());
    // The commit hook alone: the merge driver would add a .gitattributes to commit (tested in tests/merge).
    expect((await gongkai(dir, ['hook', 'install', '--no-merge-driver'], { GONGKAI_LEDGER: 'plan/ledger.yaml' })).status).toBe(0);
    const edited = await gongkai(dir, ['--ledger', 'plan/ledger.yaml', 'done', '22', '--on', '2021-10-20', '--commit']);
    expect(edited.status, edited.stderr).toBe(0);
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('gongkai: 22 未启动→已完成 (信息中心)\n');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('refuses to install a hook that would not know which ledger to check', async () => {
    const dir = gitRepo(files());
    const result = await gongkai(dir, ['hook', 'install']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('不知道钩子该检查哪个台账');
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
  });
});
