import { appendFileSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * With GONGKAI_TEST_CPU_LOG=<file>, each test file appends one line: its path, the CPU
 * milliseconds it cost (this worker and every process it started and waited for, as
 * /proc/self/stat counts them: user, system, children's user, children's system), its wall
 * milliseconds, then the CPU milliseconds of the worker itself and of the processes it started.
 * README, "Tests", was measured with it; `sort -k2 -n -r` shows where the time goes.
 */
const log = process.env.GONGKAI_TEST_CPU_LOG;

/** CPU milliseconds of this process and of the children it waited for. */
function cpuMs(): { own: number; children: number } {
  // Fields after the command name (which may hold spaces, hence after the last ')').
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ').at(-1)!.split(' ');
  const ms = (...at: number[]) => at.reduce((sum, i) => sum + Number(fields[i]), 0) * 10;
  return { own: ms(11, 12), children: ms(13, 14) };
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
    appendFileSync(log, `${file} ${own + children} ${Date.now() - started.wall} ${own} ${children}\n`);
  });
}
