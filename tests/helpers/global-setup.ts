import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/**
 * The spawner's program: Python's when python3 is here (tests/helpers/spawner-process.py says why; it starts a
 * child for an eighth of node's CPU), else node's. GONGKAI_TEST_SPAWNER=node chooses node's.
 */
function spawnerProgram(): [string, string] {
  const node: [string, string] = [process.execPath, fileURLToPath(new URL('spawner-process.mjs', import.meta.url))];
  if (process.env.GONGKAI_TEST_SPAWNER === 'node') return node;
  try {
    execFileSync('python3', ['-c', 'import sys; sys.exit(0 if sys.version_info >= (3, 8) else 1)'], { stdio: 'ignore' });
    return ['python3', fileURLToPath(new URL('spawner-process.py', import.meta.url))];
  } catch {
    return node;
  }
}

/**
 * Starts one spawner process per worker slot (tests/helpers/small-spawner.ts says why) and, when the run
 * ends, ends them and waits for them, so their CPU and their children's counts in the run's like the
 * workers'; then removes the test run's folder (vitest.config.ts names it: gongkai's cache, shared set-ups).
 */
export default function setup(project: TestProject) {
  const dir = process.env.GONGKAI_TEST_RUN_DIR;
  const spawners: ChildProcess[] = [];
  if (dir && process.env.GONGKAI_TEST_SPAWNER !== 'off') {
    const slots = Number(project.config.maxWorkers) || 1;
    const [program, script] = spawnerProgram();
    for (let slot = 1; slot <= slots; slot++) {
      const folder = join(dir, 'spawners', String(slot));
      mkdirSync(folder, { recursive: true });
      execFileSync('mkfifo', [join(folder, 'requests'), join(folder, 'replies')]);
      const spawner = spawn(program, [script, join(folder, 'requests'), join(folder, 'replies')], { stdio: ['ignore', 'inherit', 'inherit'] });
      writeFileSync(join(folder, 'pid'), String(spawner.pid));
      spawners.push(spawner);
    }
  }
  return async () => {
    await Promise.all(spawners.map((spawner) => new Promise((ended) => (spawner.exitCode !== null || spawner.signalCode !== null ? ended(null) : (spawner.once('exit', ended), spawner.kill())))));
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
