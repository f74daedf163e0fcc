import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { hasStackTrace } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const FULL_DISK = '/dev/full';
const SAID = 'gongkai: 错误[OUTPUT_FAILED] 输出没能写完（磁盘已满），显示的结果不完整\n';

/** gongkai with stdout sent to `stdout` (a path, opened for writing, or a pipe), in the shell's way: `gongkai … > /dev/full`. */
function gongkai(args: string[], env: Record<string, string>, stdout?: string) {
  const redirect = stdout ? ' > "$0"' : '';
  return spawnSync('bash', ['-c', `exec "$@"${redirect}`, stdout ?? 'gongkai', process.execPath, BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
}

describe.skipIf(!existsSync(FULL_DISK))('output that cannot be written (a full disk)', () => {
  it('a view says so in one line and exits 2, computed or written again from the cache, with no stack trace', () => {
    const dir = tempDir();
    const modules = join(dir, 'modules.log');
    // The shipped ledger itself: settled long ago, so the first run is kept to be written again.
    const env = { GONGKAI_CACHE_DIR: join(dir, 'cache'), GONGKAI_MODULE_LOG: modules };
    const args = ['--ledger', SHIPPED_LEDGER, 'status', '--as-of', '2021-11-01'];
    const cold = gongkai(args, { ...env, GONGKAI_CACHE: 'off' }, FULL_DISK);
    expect([cold.status, cold.stderr]).toEqual([2, SAID]);
    // A first run learns which registry the ledger names; the second is kept.
    gongkai(args, env);
    const kept = gongkai(args, env);
    expect(kept.status).toBe(0);
    const failed = gongkai(args, env, FULL_DISK);
    expect([failed.status, failed.stderr]).toEqual([2, SAID]);
    expect(hasStackTrace(failed.stderr)).toBe(false);
    // The same run to a pipe is written again as kept, without loading the program: the failed run was one too.
    rmSync(modules, { force: true });
    const again = gongkai(args, env);
    expect([again.status, again.stdout]).toEqual([0, kept.stdout]);
    expect(existsSync(modules) ? readFileSync(modules, 'utf8') : '').toBe('');
  });

  it('an edit whose report cannot be written is still made, and the run exits 2 saying the output is incomplete', () => {
    const dir = tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const ledger = join(dir, 'ledger.yaml');
    const result = gongkai(['--ledger', ledger, 'set', '4', '--status', '推进中'], { GONGKAI_CACHE_DIR: join(dir, 'cache') }, FULL_DISK);
    expect([result.status, result.stderr]).toEqual([2, SAID]);
    expect(readFileSync(ledger, 'utf8')).toMatch(/number: "4"[\s\S]*?status: 推进中/);
  });
});
