// A child process for tests/bench/start-up-chunks.test.ts: V8 code for a pack, and what running the pack's top
// level with it compiles. Node's default flags, as a user's start has: V8 takes code only under the flags it was made with.
//   measure PACK CODE   prints {"rejected":…,"compiled":…}: bytes of bytecode made while the top level ran
//   fresh PACK OUT      writes the code taken right after compiling (it holds the top level)
//   dropped PACK OUT    writes the code taken after the top level ran and V8 dropped unused bytecode
//   kept PACK NAME      compiles through the loader's code cache (dist/kept-code.cjs, GONGKAI_CACHE_DIR), runs the
//                       top level, lets V8 drop unused bytecode; the cache keeps the code as the run ends
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { Script, runInNewContext } = require('node:vm');
const { getHeapCodeStatistics, setFlagsFromString } = require('node:v8');

const [mode, pack, target] = process.argv.slice(2);
const source = readFileSync(pack, 'latin1');

/** Collects garbage until V8 has dropped the bytecode of every function not running; the flags are set back after. */
function dropUnusedBytecode() {
  setFlagsFromString('--expose-gc');
  setFlagsFromString('--stress-flush-code');
  const gc = runInNewContext('gc');
  for (let i = 0; i < 4; i++) gc();
  setFlagsFromString('--no-stress-flush-code');
  setFlagsFromString('--no-expose-gc');
}

if (mode === 'measure') {
  const script = new Script(source, { filename: pack, cachedData: readFileSync(target) });
  const before = getHeapCodeStatistics().bytecode_and_metadata_size;
  script.runInThisContext();
  const compiled = getHeapCodeStatistics().bytecode_and_metadata_size - before;
  process.stdout.write(JSON.stringify({ rejected: script.cachedDataRejected, compiled }));
} else if (mode === 'fresh') {
  writeFileSync(target, new Script(source, { filename: pack }).createCachedData());
} else if (mode === 'dropped') {
  const script = new Script(source, { filename: pack });
  script.runInThisContext();
  dropUnusedBytecode();
  writeFileSync(target, script.createCachedData());
} else if (mode === 'kept') {
  const script = require('../../dist/kept-code.cjs').compile(source, pack, target);
  script.runInThisContext();
  dropUnusedBytecode();
} else throw new Error(`unknown mode ${mode}`);
