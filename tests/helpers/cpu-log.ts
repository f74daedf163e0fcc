import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * With GONGKAI_TEST_CPU_LOG=<file>, each test file appends one line: its path, the CPU
 * milliseconds it cost (this worker and every process it started and waited for, as
 * /proc/self/stat counts them: user, system, children's user, children's system), its wall
 * milliseconds, then the CPU milliseconds of the worker itself and of the processes it started, then the
 * worker slot that ran it and when it started (milliseconds since 1970): which worker sat idle at the end.
 * README, "Tests", was measured with it; `sort -k2 -n -r` shows where the time goes.
 */
const log = process.env.GONGKAI_TEST_CPU_LOG;

/** CPU milliseconds of a process and of the children it waited for. */
function cpuMsOf(pid: string): { own: number; children: number } {
  // Fields after the command name (which may hold spaces, hence after the last ')').
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ');
  const ms = (...at: number[]) => at.reduce((sum, i) => sum + Number(fields[i]), 0) * 10;
  return { own: ms(11, 12), children: ms(13, 14) };
}

/** The worker's spawner (tests/helpers/small-spawner.ts), which starts most of the worker's children. */
const spawner = (() => {
  const dir = process.env.GONGKAI_TEST_RUN_DIR;
  const slot = process.env.VITEST_POOL_ID;
  return dir && slot && existsSync(join(dir, 'spawners', slot, 'pid')) ? readFileSync(join(dir, 'spawners', slot, 'pid'), 'utf8') : undefined;
})();

/** CPU milliseconds of this worker, and of the children it and its spawner started and waited for (the spawner's own included). */
function cpuMs(): { own: number; children: number } {
  const self = cpuMsOf('self');
  if (!spawner) return self;
  const started = cpuMsOf(spawner);
  return { own: self.own, children: self.children + started.own + started.children };
}

if (log) {
  const started = { cpu: cpuMs(), wall: Date.now() };
  let file = '';
  beforeAll(({}, suite) => {
    file = relative(process.cwd(), suite.file.filepath);
  });
  afterAll(() => {
    const now = cpuMs();
    const own = now.own - started.cpu.own;
    const children = now.children - started.cpu.children;
    appendFileSync(log, `${file} ${own + children} ${Date.now() - started.wall} ${own} ${children} ${process.env.VITEST_POOL_ID ?? '-'} ${started.wall}\n`);
  });
}
