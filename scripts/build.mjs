// Builds the CLI into dist/: esbuild bundles src/ into chunks (an entry plus chunks loaded lazily, as
// ES modules), each chunk is turned into a CommonJS function, and the functions are grouped into packs
// that the loader (src/cli/start.ts, built to dist/gongkai.cjs) compiles with V8's code cache.
//   dist/gongkai.cjs      the loader (CommonJS: bin/gongkai.js compiles it without node's ES module loader)
//   dist/gongkai.cjs.code V8's code for the loader, made by viewing the shipped ledger (trainLoaderCode)
//   dist/gongkai.js       the same for `import` (tests run many commands in one process through it)
//   dist/packs/*.js       the packs: [chunk path, function, chunk path, function, …]
//   dist/metafile.json    esbuild's metafile (which sources each chunk holds, under its chunk path), plus
//                         `packs`: the pack of each chunk; tests check what a command runs
import { build, transform } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIdentity, madeFrom } from './build-inputs.mjs';
import { withDirectExports } from './direct-exports.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const minify = !process.env.GONGKAI_NO_MINIFY;

/**
 * commander requires node:child_process at load, for executable subcommands gongkai has none of; loading
 * it was about 8 ms of every start. The module is required when commander would spawn, not before.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(eager)) throw new Error(`${args.path}: commander no longer requires child_process as this build expects; update lazyChildProcess`);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: text.replace(eager, lazy), loader: 'js' };
    });
  },
};

const identity = buildIdentity(ROOT);
const made = madeFrom(ROOT, { minify });
const MADE_FROM = join(DIST, 'made-from');
if (process.argv.includes('--if-changed') && existsSync(join(DIST, 'gongkai.cjs')) && existsSync(MADE_FROM) && readFileSync(MADE_FROM, 'utf8') === made) process.exit(0);

const define = { __GONGKAI_BUILD__: JSON.stringify(identity) };
rmSync(DIST, { recursive: true, force: true });
const built = await build({
  entryPoints: { gongkai: 'src/cli/main.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  // Less source for V8 to parse at every start; stack traces are never shown to users.
  minify,
  legalComments: 'none',
  // exceljs is CommonJS with its own lazy requires: loaded from node_modules, and only by the xlsx commands;
  // opencc-js's tables only where Traditional text shows up (src/notice/clause/traditional.ts).
  external: ['exceljs', 'exceljs/*', 'opencc-js', 'opencc-js/*'],
  define,
  plugins: [lazyChildProcess],
  logLevel: 'warning',
  metafile: true,
  write: false,
});
const outputs = built.metafile.outputs;
const chunkId = (output) => output.slice('dist/'.length);
const code = new Map(built.outputFiles.map((file) => [chunkId(file.path.slice(ROOT.length)), file.text]));

// ---- Packs --------------------------------------------------------------------------------------------
// What the everyday views run without their cache, besides the start: reached from the start's lazy
// imports, but not into what the command line loads on demand (the other commands, help, completion:
// the modules src/cli/ imports lazily) nor into a chunk holding one of these — read only to point at a
// problem, to write a document or to import a notice.
const RARELY_RUN = [/^src\/notice\//, /opencc-js/, /^node_modules\/yaml\//, /^node_modules\/docx\//, /^src\/render\/(docx|xlsx|html)\//, /^src\/read\/(locate-diagnostics|parse-yaml-precisely)\.ts$/];
const ON_DEMAND = new Set(
  ['main.ts', 'program.ts'].flatMap((file) =>
    [...readFileSync(join(ROOT, 'src', 'cli', file), 'utf8').matchAll(/import\('(\.\.?\/[^']+)\.js'\)/g)].map((m) => join('src', 'cli', `${m[1]}.ts`)),
  ),
);
const internalImports = (output, kind) => outputs[output].imports.filter((i) => !i.external && (!kind || i.kind === kind)).map((i) => i.path);
const isOnDemand = (output) => ON_DEMAND.has(outputs[output].entryPoint ?? '');
const isRare = (output) => Object.keys(outputs[output].inputs).some((source) => RARELY_RUN.some((pattern) => pattern.test(source)));

/** Everything every command loads: the entry and what it imports statically. */
const start = new Set();
for (const queue = ['dist/gongkai.js']; queue.length; ) {
  const output = queue.pop();
  if (start.has(output)) continue;
  start.add(output);
  queue.push(...internalImports(output, 'import-statement'));
}
const views = new Set();
for (const queue = [...start].flatMap((output) => internalImports(output, 'dynamic-import')); queue.length; ) {
  const output = queue.pop();
  if (start.has(output) || views.has(output) || isOnDemand(output) || isRare(output)) continue;
  views.add(output);
  queue.push(...internalImports(output));
}

/**
 * One chunk as a CommonJS function of (exports, require, module, url); its imports become require calls the loader
 * answers. Converted unminified, so that withDirectExports finds esbuild's helpers by name, then minified whole.
 */
async function asFunction(output) {
  const id = chunkId(output);
  const converted = await transform(code.get(id), {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // import() of a chunk or of node's modules: a require the loader answers, inside a promise.
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': '__gongkai_url' },
    logLevel: 'warning',
  });
  const direct = withDirectExports(converted.code, id);
  // Assigned, so that minifying keeps the function (and may rename its parameters: the loader passes them in order).
  const assigned = `__gongkai_chunk=function(exports,require,module,__gongkai_url){${direct}}`;
  const minified = minify ? (await transform(assigned, { minify: true, target: 'node20', logLevel: 'warning' })).code.trim().replace(/;$/, '') : assigned;
  return { id, text: `${JSON.stringify(id)},${minified.slice('__gongkai_chunk='.length)}`, usesUrl: direct.includes('__gongkai_url') };
}

/**
 * A pack's text in ASCII alone: every other character as a \\u escape, which means the same character in a
 * string, a template, a regular expression or a name, so the loader reads the pack one byte a character instead
 * of decoding UTF-8 (the views' pack took 5 ms to read as UTF-8). Undefined where an escape could change the
 * meaning: a String.raw template (its raw text is the value) or a character escaped by a backslash.
 */
function asAscii(text) {
  if (text.includes('String.raw') || /\\[^\x00-\x7f]/.test(text)) return undefined;
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * What validate runs beyond the views, as one pack: the chunks its rules import (the clause grammar) and the locator
 * of its findings, with what they import at once (not the Traditional tables, loaded on demand).
 */
const checking = new Set();
{
  const ruleChunks = [...views].filter((output) => Object.keys(outputs[output].inputs).some((source) => source.startsWith('src/check/rules/')));
  // (The command line also imports the locator on demand, to place a problem it reports: the same pack serves.)
  const locator = Object.keys(outputs).filter((output) => outputs[output].entryPoint === 'src/read/locate-diagnostics.ts');
  for (const queue = [...ruleChunks.flatMap((output) => internalImports(output)), ...locator]; queue.length; ) {
    const output = queue.pop();
    if (start.has(output) || views.has(output) || checking.has(output) || (isOnDemand(output) && !locator.includes(output))) continue;
    checking.add(output);
    queue.push(...internalImports(output, 'import-statement'));
  }
}
const groups = [
  ['start', [...start]],
  ['views', [...views]],
  ['checking', [...checking]],
  ...Object.keys(outputs)
    .filter((o) => o.endsWith('.js') && !start.has(o) && !views.has(o) && !checking.has(o))
    .map((o) => [chunkId(o).replace(/^chunks\//, '').replace(/-[A-Z0-9]+\.js$/, ''), [o]]),
];
mkdirSync(join(DIST, 'packs'), { recursive: true });
const packOf = {};
const usesUrl = [];
const asciiPacks = [];
// Every chunk converted at once: esbuild's service works on them side by side (one group after another took a second more).
const converted = await Promise.all(groups.map(([, members]) => Promise.all(members.sort().map(asFunction))));
for (const [index, [name]] of groups.entries()) {
  const functions = converted[index];
  // Not wrapped in parentheses: V8 then compiles each function only when the loader first calls it.
  const written = `[${functions.map((f) => f.text).join(',\n')}]`;
  const ascii = asAscii(written);
  const text = ascii ?? written;
  // The hash names the pack: V8 checks only a code cache's source length, so another source must have another key.
  const file = `${name}-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.js`;
  writeFileSync(join(DIST, 'packs', file), text);
  if (ascii) asciiPacks.push(file);
  for (const f of functions) {
    packOf[f.id] = file;
    if (f.usesUrl) usesUrl.push(f.id);
  }
}

// ---- The loader ---------------------------------------------------------------------------------------
/**
 * What the loader needs to know of the packs: their files, for each chunk its pack (an index) and whether it
 * uses its URL, the packs with code, the packs in ASCII, and the probe that tells whether a node takes the code.
 */
function packTable(packOf, usesUrl, { packs: code, byView, probe }) {
  const files = [...new Set(Object.values(packOf))];
  return { files, packOf: Object.fromEntries(Object.entries(packOf).map(([id, file]) => [id, files.indexOf(file)])), usesUrl, code, byView, ascii: asciiPacks, probe };
}

// The loader, and apart from it what it needs only where the build's code is refused (src/cli/kept-code.ts).
const buildLoader = (code) =>
  build({
    entryPoints: { gongkai: 'src/cli/start.ts', 'kept-code': 'src/cli/kept-code.ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    minify,
    legalComments: 'none',
    // Each chunk's pack as an index into the list of packs: the loader is compiled without a code cache, so it is kept small.
    // import.meta.url, where a module of the loader asks it, is the loader's own file URL.
    // Asked only when used: loading node:url for it was a tenth of a view written again as kept.
    define: { ...define, __GONGKAI_PACKS__: JSON.stringify(packTable(packOf, usesUrl, code)), 'import.meta.url': '__gongkai_loader.url' },
    banner: { js: "const __gongkai_loader = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
    logLevel: 'warning',
  });
await buildLoader({ packs: [], byView: {}, probe: '' });
writeFileSync(join(DIST, 'gongkai.js'), "export { main, run } from './gongkai.cjs';\n");

// ---- V8's code for the packs ------------------------------------------------------------------------------
// Parsing and compiling the packs was most of a run without the cache (GONGKAI_CACHE=off). The everyday
// commands are run once (scripts/train-code.mjs) and the code V8 made for the packs they read is shipped
// as dist/packs/NAME.code; the loader offers it to V8, which refuses it when another node or other flags
// run gongkai (then the packs are compiled as before, and their code kept in the cache folder).
/**
 * Trains V8's code for the packs and writes it beside them; returns the packs that have some, the packs each
 * view command has code of its own for (NAME.VIEW.code), and the probe (a tiny script's code made by the same
 * node: the loader tries it first). The start pack's code comes from warm views alone (train-code.mjs warm),
 * every other pack's from the full run, and a view's own from a run of that view alone.
 */
function trainCode() {
  // Without the shipped ledger (a copy of the sources alone) nothing is trained: the packs are compiled at run time, as before.
  if (!existsSync(join(ROOT, 'data', 'ledger.yaml'))) return { packs: [], byView: {}, probe: '' };
  const training = mkdtempSync(join(tmpdir(), 'gongkai-train-'));
  try {
    const codeOf = (mode, work = 'work') => {
      const trained = spawnSync(process.execPath, [join(ROOT, 'scripts', 'train-code.mjs'), join(training, work), mode], {
        env: { ...process.env, GONGKAI_CACHE: '', GONGKAI_CACHE_DIR: join(training, mode.replaceAll(':', '-')) },
        encoding: 'utf8',
      });
      if (trained.status !== 0) throw new Error(`scripts/train-code.mjs ${mode} failed: ${trained.stderr}`);
      const code = new Map();
      const folder = join(training, mode.replaceAll(':', '-'));
      for (const name of readdirSync(folder)) {
        // A cache entry: format, hash and key lines, then the body; a code key is BUILD|code|PACK|RUNTIME (src/cache/cache-keys.ts).
        const entry = readFileSync(join(folder, name));
        const lineEnd = (from) => entry.indexOf(10, from) + 1;
        const bodyAt = lineEnd(lineEnd(lineEnd(0)));
        const [, kind, pack] = entry.subarray(lineEnd(lineEnd(0)), bodyAt - 1).toString('utf8').split('|');
        if (kind === 'code') code.set(pack, entry.subarray(bodyAt));
      }
      return { code, probe: /^probe (\S+)$/m.exec(trained.stdout)?.[1], views: /^views (.+)$/m.exec(trained.stdout)?.[1].split(' ') ?? [] };
    };
    const { code: full, probe, views } = codeOf('full');
    const { code: warm } = codeOf('warm');
    const start = [...full.keys()].find((pack) => pack.startsWith('start-'));
    if (!start || !warm.has(start)) throw new Error('scripts/train-code.mjs: no code for the start pack');
    full.set(start, warm.get(start));
    for (const [pack, code] of full) writeFileSync(join(DIST, 'packs', pack.replace(/\.js$/, '.code')), code);
    // Each view command's own code for the packs it reads: about half of the code every view reads, and V8
    // deserializes all of the code it is given. And the code of the view run with the cache off, which reads no
    // index and keeps nothing: about a third less again (for the start pack, a tenth less than the warm views').
    const byView = {};
    /**
     * Writes NAME's code of the packs where it is smaller than the code a run of it reads otherwise (`otherwise`):
     * code of the same size holds the same functions. (The start pack's code of a view's every run is not smaller:
     * the warm views' code is all a run answered from the cache needs.) Returns the code such a run then reads.
     */
    const keep = (name, code, otherwise) => {
      const packs = [...code.keys()].filter((pack) => full.has(pack) && code.get(pack).length < otherwise(pack).length).sort();
      for (const pack of packs) writeFileSync(join(DIST, 'packs', pack.replace(/\.js$/, `.${name}.code`)), code.get(pack));
      if (packs.length) byView[name] = packs;
      return (pack) => (packs.includes(pack) ? code.get(pack) : otherwise(pack));
    };
    for (const view of views) {
      const read = keep(view, codeOf(`view:${view}`, `work-${view}`).code, (pack) => full.get(pack));
      keep(`${view}.off`, codeOf(`view:${view}:off`, `work-${view}-off`).code, read);
    }
    if (!probe) throw new Error('scripts/train-code.mjs: no probe');
    return { packs: [...full.keys()].sort(), byView, probe };
  } finally {
    rmSync(training, { recursive: true, force: true });
  }
}
await buildLoader(trainCode());

/**
 * V8's code for the loader itself (dist/gongkai.cjs.code), which bin/gongkai.js compiles it with: the shipped ledger
 * viewed three times in a row, each run starting from the code the one before left and adding what it compiled —
 * the first computes, the second is answered from the cache and keeps the run, the third writes the kept run again
 * (src/cli/replay-run.ts). A run is kept only while the files are settled, as the shipped ledger is once checked
 * out a few seconds; if not, the code holds the loader's other paths.
 */
function trainLoaderCode() {
  const out = join(DIST, 'gongkai.cjs.code');
  rmSync(out, { force: true });
  if (!existsSync(join(ROOT, 'data', 'ledger.yaml'))) return;
  const training = mkdtempSync(join(tmpdir(), 'gongkai-train-loader-'));
  try {
    const env = { ...process.env, NO_COLOR: '1', GONGKAI_CACHE: '', GONGKAI_CACHE_DIR: join(training, 'cache'), GONGKAI_LOADER_CODE_OUT: out };
    for (let run = 0; run < 3; run++) {
      const viewed = spawnSync(process.execPath, [join(ROOT, 'bin', 'gongkai.js'), 'status', '--ledger', join(ROOT, 'data', 'ledger.yaml')], { cwd: training, env, encoding: 'utf8' });
      if (viewed.status !== 0) throw new Error(`training the loader's code: gongkai status failed: ${viewed.stderr}`);
    }
  } finally {
    rmSync(training, { recursive: true, force: true });
  }
}
trainLoaderCode();
writeFileSync(join(DIST, 'metafile.json'), JSON.stringify({ ...built.metafile, packs: Object.fromEntries(Object.entries(packOf).map(([id, file]) => [`dist/${id}`, `dist/packs/${file}`])) }));
// Written last: a build cut short leaves none, and is made again.
writeFileSync(MADE_FROM, made);
