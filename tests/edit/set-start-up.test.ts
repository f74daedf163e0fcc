import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

const RECORD_BUILTINS = join(import.meta.dirname, '..', 'bench', 'record-builtins.cjs');

/** Runs the built gongkai in `dir` (its own cache there); node's own modules it loaded, as the process ends (record-builtins.cjs). */
function run(dir: string, args: string[]) {
  const log = join(dir, 'builtins.log');
  const result = spawnSync(process.execPath, ['-r', RECORD_BUILTINS, BIN, '--ledger', join(dir, 'ledger.yaml'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GONGKAI_CACHE_DIR: join(dir, 'cache'), GONGKAI_TEST_BUILTINS_LOG: log },
  });
  expect(result.status, result.stderr).toBe(0);
  return { out: result.stdout, builtins: new Set(readFileSync(log, 'utf8').split('\n').map((line) => line.replace(/^NativeModule /, ''))) };
}

describe('a set outside a git repository, as a real process', () => {
  it("loads neither node's child_process (nor net, dgram), its deep comparison nor its recursive remover, one edit after another", () => {
    const dir = tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    run(dir, ['status']);
    // The first edit through the index, the next through the base the first one kept.
    for (const due of ['2021-12-20', '2021-12-21']) {
      const set = run(dir, ['set', '1', '--due', due, '--force']);
      expect(set.out).toContain(due);
      for (const module of ['child_process', 'net', 'dgram', 'internal/util/comparisons', 'internal/fs/rimraf']) expect(set.builtins.has(module), `${due}: ${module}`).toBe(false);
    }
  });
});
