// Runs many gongkai command lines in one node process through the built bundle (dist/, as bin/gongkai.js
// loads it): each command's lazily loaded chunks load as in a real run, for one node start-up instead of
// one per command. Reads [{ cwd, args, env? }] as JSON from the file named by argv[2]; writes
// [{ code, out, err, cpuSeconds, peakMb }] as JSON to the file named by argv[3]. cpuSeconds is the run's own CPU
// plus the process's start-up (loading the bundle), as a process of its own would have used; peakMb is the
// process's peak resident memory when the run ended (the most of that run and the ones before it: no less than
// the run's own). Used by tests/attacks/every-command.test.ts, odd-files.test.ts and reader-budgets.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';

const seconds = (usage) => (usage.user + usage.system) / 1e6;
const { run } = await import(new URL('../../dist/gongkai.js', import.meta.url).href);
const startUp = seconds(process.cpuUsage());
const runs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = [];
for (const { cwd, args, env } of runs) {
  const io = {
    out: '',
    err: '',
    stdout: (text) => (io.out += text),
    stderr: (text) => (io.err += text),
    stdoutIsTty: false,
    stderrIsTty: false,
    env: { ...process.env, NO_COLOR: '1', GONGKAI_LEDGER: '', ...env },
    cwd,
    stdin: () => Buffer.alloc(0),
    now: () => new Date(),
  };
  process.chdir(cwd);
  const before = process.cpuUsage();
  let code;
  try {
    code = await run(args, io);
  } catch (cause) {
    // Thrown past run(): in a real process this is a crash with a stack trace.
    code = null;
    io.err += `${cause?.stack ?? cause}\n`;
  }
  results.push({ code, out: io.out, err: io.err, cpuSeconds: startUp + seconds(process.cpuUsage(before)), peakMb: process.resourceUsage().maxRSS / 1024 });
}
writeFileSync(process.argv[3], JSON.stringify(results));
