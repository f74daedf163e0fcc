import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, SHIPPED_LEDGER } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { FULL_SIZE } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function gongkai(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  const env = { ...process.env, NO_COLOR: '1', GONGKAI_LEDGER: '', ...options.env };
  return spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd, env, encoding: 'utf8' });
}

describe('finding the ledger', () => {
  // Found through Io's folder and environment alone (tests/layers/run-through-io.test.ts), so these run in this
  // process; the ones below run gongkai as the process a user starts.
  it('uses the gongkai.yaml at the repository root, with no flags', async () => {
    const result = await runCli(['validate'], { cwd: ROOT });
    expect(result.code).toBe(0);
    expect(result.out).toContain('data/ledger.yaml：35 项任务');
  });

  // The same command line starts as a process by default in tests/readme/readme-commands.test.ts (the README's first
  // command, `node bin/gongkai.js status --dept 信息中心`, in a fresh clone's root): here in this process, a process at full size.
  it('shows 信息中心\'s items with `gongkai status --dept 信息中心` from the root, no other flags', async () => {
    const asProcess = () => {
      const { status, stdout } = gongkai(['status', '--dept', '信息中心'], { cwd: ROOT });
      return { code: status, out: stdout };
    };
    const result = FULL_SIZE ? asProcess() : await runCli(['status', '--dept', '信息中心'], { cwd: ROOT, env: { NO_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.out).toContain('信息中心（直属单位）');
    expect(result.out).toContain('本部门任务（11 项）');
    for (const n of ['20', '22', '23', '33', '34']) expect(result.out).toMatch(new RegExp(`^\\s+${n}\\s`, 'm'));
  });

  it('finds gongkai.yaml in a parent folder', async () => {
    const result = await runCli(['validate'], { cwd: join(ROOT, 'src', 'cli') });
    expect(result.code).toBe(0);
    expect(result.out).toContain('35 项任务');
  });

  it('prefers GONGKAI_LEDGER to gongkai.yaml, and --ledger to both', async () => {
    const dir = tempDir({ 'other.yaml': readFileSync(join(ROOT, 'tests/fixtures/ledgers/valid.yaml')) });
    expect((await runCli(['validate'], { cwd: ROOT, env: { GONGKAI_LEDGER: join(dir, 'other.yaml') } })).out).toContain('4 项任务');
    expect((await runCli(['validate', '--ledger', SHIPPED_LEDGER], { cwd: ROOT, env: { GONGKAI_LEDGER: join(dir, 'other.yaml') } })).out).toContain('35 项任务');
  });

  it('says in one line how to point to a ledger when there is none', () => {
    const dir = tempDir();
    const result = gongkai(['validate'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toContain('没有指定台账：用 --ledger 文件 指定');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('runs the installed bin from the bundle', () => {
    const help = execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(help).toContain('validate');
  });
});
