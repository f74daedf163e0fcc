#!/usr/bin/env node
// CommonJS (bin/package.json), as is the loader: node starts them without its ES module loader.
// The loader (dist/gongkai.cjs) is compiled here with the V8 code the build made for it (dist/gongkai.cjs.code), as it
// compiles the packs: node's own require compiles a file anew each time, and the loader is what answers a view run
// again as it was kept (src/cli/replay-run.ts), so its compiling was most of such a run. Code V8 refuses (another
// node, other flags), or none, only means it is compiled as node would.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const file = join(dist, 'gongkai.cjs');
let code;
try {
  code = readFileSync(`${file}.code`);
} catch {
  // None: compiled without it.
}
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, { filename: file, cachedData: code });
const loader = { exports: {} };
// This file's require: it finds what the loader's would (node's own modules, and node_modules above both folders).
script.runInThisContext()(loader.exports, require, loader, file, dist);
// For the build (scripts/build.mjs), which ships the code a run made.
if (process.env.GONGKAI_LOADER_CODE_OUT) process.once('exit', () => require('node:fs').writeFileSync(process.env.GONGKAI_LOADER_CODE_OUT, script.createCachedData()));
loader.exports.main();
