// Runs the everyday commands once each, in one process, on a copy of the shipped ledger: with the cache
// off, with it on (computing, then answered from it) and after an edit. The loader (dist/gongkai.cjs) keeps
// V8's code for the packs they read in the code cache folder given as GONGKAI_CACHE_DIR at the end of the
// run, with every function they compiled; scripts/build.mjs ships that code beside the packs.
// Usage (by scripts/build.mjs): GONGKAI_CACHE_DIR=CODE node scripts/train-code.mjs WORK
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const [work] = process.argv.slice(2);
mkdirSync(work, { recursive: true });
for (const file of ['ledger.yaml', 'departments.yaml']) copyFileSync(join(ROOT, 'data', file), join(work, file));
const { run } = await import(new URL('../dist/gongkai.js', import.meta.url).href);

const io = (env) => ({
  stdout: () => {},
  stderr: () => {},
  stdoutIsTty: false,
  stderrIsTty: false,
  env: { NO_COLOR: '1', ...env },
  cwd: work,
  stdin: () => Buffer.alloc(0),
  now: () => new Date(),
});
const views = [['status'], ['status', '--dept', '信息中心'], ['overdue'], ['checklist', '--dept', '信息中心'], ['validate']];
const cacheOff = io({ GONGKAI_CACHE: 'off' });
const cacheOn = io({ GONGKAI_CACHE_DIR: join(work, 'cache') });
for (const ctx of [cacheOff, cacheOn, cacheOn]) for (const view of views) await run([...view, '--ledger', 'ledger.yaml'], ctx);
await run(['set', '7', '--due', '2021-12-01', '--force', '--ledger', 'ledger.yaml'], cacheOn);
for (const view of views) await run([...view, '--ledger', 'ledger.yaml'], cacheOn);
