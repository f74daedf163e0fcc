import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, SHIPPED_LEDGER } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

const RECORD_BUILTINS = join(ROOT, 'tests', 'bench', 'record-builtins.cjs');

/** gongkai with stdout sent to `stdout` in the shell's way (`gongkai … > /dev/null`), or to a pipe; the node modules it loaded. */
function gongkai(args: string[], stdout?: string) {
  const dir = tempDir();
  const builtins = join(dir, 'builtins.log');
  const redirect = stdout ? ' > "$0"' : '';
  const result = spawnSync('bash', ['-c', `exec "$@"${redirect}`, stdout ?? 'gongkai', process.execPath, '-r', RECORD_BUILTINS, BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GONGKAI_CACHE: 'off', GONGKAI_TEST_BUILTINS_LOG: builtins },
  });
  return { ...result, loaded: readFileSync(builtins, 'utf8').split('\n') };
}

describe.skipIf(process.platform !== 'linux' || !existsSync('/dev/null'))('output sent to /dev/null', () => {
  it('is written as to a file, without loading node:tty and the streams it brings, and the run ends as it would to a pipe', () => {
    const args = ['--ledger', SHIPPED_LEDGER, 'validate'];
    const piped = gongkai(args);
    const discarded = gongkai(args, '/dev/null');
    // validate writes its findings on stdout: shown to a pipe, gone to /dev/null, the same exit code and nothing else said.
    expect(piped.stdout).toMatch(/警告/);
    expect([discarded.status, discarded.stdout, discarded.stderr]).toEqual([piped.status, '', piped.stderr]);
    for (const module of ['NativeModule tty', 'NativeModule net', 'NativeModule stream']) expect(discarded.loaded).not.toContain(module);
  });
});
