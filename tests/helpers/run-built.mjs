// Runs many gongkai command lines in one node process through the built bundle (dist/, as bin/gongkai.js
// loads it): each command's lazily loaded chunks load as in a real run, for one node start-up instead of
// one per command. Reads [{ cwd, args }] as JSON from the file named by argv[2]; writes [{ code, out, err }]
// as JSON to the file named by argv[3]. Used by tests/attacks/every-command.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';

const { run } = await import(new URL('../../dist/gongkai.js', import.meta.url).href);
const runs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = [];
for (const { cwd, args } of runs) {
  const io = {
    out: '',
    err: '',
    stdout: (text) => (io.out += text),
    stderr: (text) => (io.err += text),
    stdoutIsTty: false,
    stderrIsTty: false,
    env: { ...process.env, NO_COLOR: '1', GONGKAI_LEDGER: '' },
    cwd,
    stdin: () => Buffer.alloc(0),
    now: () => new Date(),
  };
  process.chdir(cwd);
  let code;
  try {
    code = await run(args, io);
  } catch (cause) {
    // Thrown past run(): in a real process this is a crash with a stack trace.
    code = null;
    io.err += `${cause?.stack ?? cause}\n`;
  }
  results.push({ code, out: io.out, err: io.err });
}
writeFileSync(process.argv[3], JSON.stringify(results));
