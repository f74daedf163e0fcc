import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp.js';

// The tests' children start from a small spawner process (small-spawner.ts); every test file relies on
// them answering as node's own spawnSync and execFileSync do. These are the parts the tests use.
describe('children started for the tests', () => {
  it.runIf(process.env.GONGKAI_TEST_SPAWNER !== 'off')('start from the spawner, not from the worker', () => {
    const parent = spawnSync('sh', ['-c', 'echo $PPID'], { encoding: 'utf8' }).stdout.trim();
    expect(parent).not.toBe(String(process.pid));
    expect(readFileSync(`/proc/${parent}/cmdline`, 'utf8')).toMatch(/spawner-process\.(mjs|py)/);
  });

  it('run in the worker\'s current folder and environment at the time of the call, with the input given', () => {
    const dir = tempDir({});
    const here = process.cwd();
    process.env.GONGKAI_SPAWNER_PROBE = '探针';
    try {
      process.chdir(dir);
      const result = spawnSync('sh', ['-c', 'pwd; printf "%s\\n" "$GONGKAI_SPAWNER_PROBE"; cat'], { input: '输入', encoding: 'utf8' });
      expect(result.stdout).toBe(`${realpathSync(dir)}\n探针\n输入`);
      expect(result.status).toBe(0);
      expect(execFileSync('sh', ['-c', 'cat'], { input: Buffer.from([0, 255]) })).toEqual(Buffer.from([0, 255]));
    } finally {
      process.chdir(here);
      delete process.env.GONGKAI_SPAWNER_PROBE;
    }
  });

  it('report a failure as node does: status and stderr, a thrown error with both, a missing program as ENOENT', () => {
    const failed = spawnSync('sh', ['-c', 'echo 错了 >&2; exit 3'], { encoding: 'utf8' });
    expect([failed.status, failed.stderr, failed.error]).toEqual([3, '错了\n', undefined]);
    const thrown = (() => {
      try {
        execFileSync('sh', ['-c', 'echo 错了 >&2; exit 3'], { stdio: 'pipe' });
      } catch (error) {
        return error as { status: number; stderr: Buffer; message: string };
      }
    })();
    expect(thrown?.status).toBe(3);
    expect(thrown?.stderr.toString()).toBe('错了\n');
    expect(thrown?.message).toBe('Command failed: sh -c echo 错了 >&2; exit 3\n错了\n');
    expect((spawnSync('no-such-program-gongkai', []).error as NodeJS.ErrnoException).code).toBe('ENOENT');
    const killed = spawnSync('sh', ['-c', 'kill -9 $$']);
    expect([killed.status, killed.signal]).toEqual([null, 'SIGKILL']);
  });

  it('end a child that overstays its timeout with SIGTERM and say ETIMEDOUT; an ignored stream is null, a piped one empty', () => {
    const late = spawnSync('sh', ['-c', 'exec sleep 5'], { timeout: 100 });
    expect([late.status, late.signal, (late.error as NodeJS.ErrnoException).code]).toEqual([null, 'SIGTERM', 'ETIMEDOUT']);
    const quiet = spawnSync('true', [], { stdio: ['ignore', 'ignore', 'pipe'] });
    expect([quiet.status, quiet.stdout, quiet.stderr?.length]).toEqual([0, null, 0]);
  });
});
