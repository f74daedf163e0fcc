// Runs the everyday commands on a copy of the shipped ledger so that the loader (dist/gongkai.cjs) keeps
// V8's code for the packs they read in the code cache folder given as GONGKAI_CACHE_DIR, with every function
// they compiled; scripts/build.mjs ships that code beside the packs.
//   full: each view with the cache off, with it on (computing, then answered from it) and after an edit.
//   warm: each view of the shipped ledger where it is (checked out before the build: its identity on disk is
//         trusted), answered from the cache the full run left for it, in a process of its own: the start pack's
//         code then holds only what a warm view runs, which is all that a warm view deserializes.
//   view:NAME: as full for the one view command NAME (status, overdue, …), with a hand edit in place of `set`: the
//         code of a pack then holds only what that command runs, and V8 deserializes the whole code it is given
//         (the loader offers it to a run of NAME, start.ts).
//   view:NAME:off: the view NAME with the cache off alone, which neither keeps nor reads results nor an index (the
//         loader offers it to a run of NAME with GONGKAI_CACHE=off).
// The full run also prints `probe BASE64`: a tiny script's code made by this node (src/cli/start.ts).
// Usage (by scripts/build.mjs): GONGKAI_CACHE_DIR=CODE node scripts/train-code.mjs WORK full|warm|view:NAME[:off]
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const [work, mode] = process.argv.slice(2);
const [viewOnly, cacheOffOnly] = mode.startsWith('view:') ? [mode.split(':')[1], mode.split(':')[2] === 'off'] : [undefined, false];
if (mode !== 'full' && mode !== 'warm' && !viewOnly) throw new Error('usage: train-code.mjs WORK full|warm|view:NAME[:off]');
// V8 drops the bytecode of functions that have not run for a few garbage collections, the packs' top level
// first (it runs once, at the start): code kept at the end of a long training then lacked it, and every start
// parsed the whole pack again to run its top level (6.7 ms of 8.5 for the views pack). Bytecode is kept for the
// training and the flag is set back before the code is taken: V8 takes code only under the flags it was made with.
// Code for a tiny script, made by this node with these flags as the packs' is: the loader offers it to V8 first,
// which refuses it exactly where it would refuse the packs' code (src/cli/start.ts). Made before the flag is changed.
const probe = new Script('0', { filename: 'gongkai-code-probe' }).createCachedData().toString('base64');
setFlagsFromString('--no-flush-bytecode');
// Registered before the loader's own exit handler (src/cli/kept-code.ts), which takes the code: handlers run in order.
process.once('exit', () => setFlagsFromString('--flush-bytecode'));
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
const everyView = [['status'], ['status', '--dept', '信息中心'], ['overdue'], ['checklist', '--dept', '信息中心'], ['validate']];
const views = viewOnly ? everyView.filter(([name]) => name === viewOnly) : everyView;
if (!views.length) throw new Error(`train-code.mjs: no view ${viewOnly}`);
const cacheOn = io({ GONGKAI_CACHE_DIR: join(work, 'cache') });
const shipped = ['--ledger', join(ROOT, 'data', 'ledger.yaml')];
const shippedCache = io({ GONGKAI_CACHE_DIR: join(work, 'cache-shipped') });
if (mode !== 'warm') {
  console.log(`probe ${probe}`);
  // The view commands, each trained on its own by the build (view:NAME).
  console.log(`views ${[...new Set(everyView.map(([name]) => name))].join(' ')}`);
  mkdirSync(work, { recursive: true });
  for (const file of ['ledger.yaml', 'departments.yaml']) copyFileSync(join(ROOT, 'data', file), join(work, file));
  const cacheOff = io({ GONGKAI_CACHE: 'off' });
  for (const ctx of cacheOffOnly ? [cacheOff] : [cacheOff, cacheOn, cacheOn]) for (const view of views) await run([...view, '--ledger', 'ledger.yaml'], ctx);
  if (cacheOffOnly) process.exit(0);
  if (viewOnly) {
    // One item's text changed by hand, in the middle of the file: the per-item index answers the views below.
    const ledger = join(work, 'ledger.yaml');
    const text = readFileSync(ledger, 'utf8');
    const at = text.indexOf('text: ', Math.floor(text.length / 2)) + 'text: '.length;
    writeFileSync(ledger, `${text.slice(0, at)}（改）${text.slice(at)}`);
  } else await run(['set', '7', '--due', '2021-12-01', '--force', '--ledger', 'ledger.yaml'], cacheOn);
  for (const view of views) await run([...view, '--ledger', 'ledger.yaml'], cacheOn);
  // The first run computes, the second remembers the files' identity on disk (src/cache/fingerprints.ts).
  for (const view of views) for (let i = 0; i < 2; i++) await run([...view, ...shipped], shippedCache);
} else {
  for (const view of views) await run([...view, ...shipped], shippedCache);
}
