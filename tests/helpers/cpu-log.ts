import { appendFileSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * With GONGKAI_TEST_CPU_LOG=<file>, each test file appends one line: its path, the CPU
 * milliseconds it cost (this worker and every process it started and waited for, as
 * /proc/self/stat counts them: user, system, children's user, children's system) and its wall
 * milliseconds. README, "Tests", was measured with it; `sort -k2 -n -r` shows where the time goes.
 */
const log = process.env.GONGKAI_TEST_CPU_LOG;

function cpuMs(): number {
  // Fields after the command name (which may hold spaces, hence after the last ')').
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return ticks * 10;
}

if (log) {
  const started = { cpu: cpuMs(), wall: Date.now() };
  let file = '';
  beforeAll(({}, suite) => {
    file = relative(process.cwd(), suite.file.filepath);
  });
  afterAll(() => {
    appendFileSync(log, `${file} ${cpuMs() - started.cpu} ${Date.now() - started.wall}\n`);
  });
}
