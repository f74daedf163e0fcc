import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeLeftRuns, RUN_PREFIX } from './left-runs.js';
import { tempDir } from './temp.js';

describe('run folders left by killed test runs', () => {
  it("are removed when their process is gone or has the starting run's pid; a live run's and other folders stay", () => {
    const scratch = tempDir();
    const gone = spawnSync('true').pid!;
    const folder = (name: string) => {
      mkdirSync(join(scratch, name, 'spawners', '1'), { recursive: true });
      writeFileSync(join(scratch, name, 'spawners', '1', 'requests'), '');
      return join(scratch, name);
    };
    const left = folder(`${RUN_PREFIX}${gone}`);
    const reused = folder(`${RUN_PREFIX}4242424`);
    const live = folder(`${RUN_PREFIX}${process.pid}`);
    const other = folder('something-else-1');
    removeLeftRuns(scratch, 4242424);
    expect([left, reused, live, other].map((f) => existsSync(f))).toEqual([false, false, true, true]);
  });
});
