/**
 * The built command's loader (dist/gongkai.cjs; scripts/build.mjs bundles it apart from the rest). The CLI
 * is built as esbuild's chunks, turned into CommonJS functions and grouped into a few packs: one for what
 * every command loads, one for what the everyday views load when the cache cannot answer, and the rest
 * one pack per chunk. A pack is one file, compiled with the V8 code the build made for it, or else with
 * code kept in gongkai's cache folder (kept-code.ts); a module in it runs only when first required, as an
 * ES module would.
 * Node 20's own module loaders cannot use a code cache for ES modules, and resolve, read and compile each
 * file on its own: that was half of a warm `status`.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { cacheTurnedOff } from '../cache/open-cache.js';
import { replayed } from './replay-run.js';

/**
 * Written by the build: the pack files, each module's pack (chunk paths from dist/, an index into files), the
 * modules that use import.meta.url, the packs the build made V8 code for (dist/packs/NAME.code), for each view
 * command the packs it has code of its own for (NAME.VIEW.code; under `VIEW.off`, NAME.VIEW.off.code for the view
 * with the cache off), the packs written in ASCII alone, and a tiny script's code made by the same node as the
 * packs' (base64; '' when none).
 */
declare const __GONGKAI_PACKS__: {
  files: string[];
  packOf: Record<string, number>;
  usesUrl: string[];
  code: string[];
  byView: Record<string, string[]>;
  ascii: string[];
  probe: string;
};

type ModuleBody = (exports: object, require: (specifier: string) => unknown, module: { exports: unknown }, url: string | undefined) => void;

const DIST = __dirname;
const ENTRY = 'gongkai.js';
/** For tests (tests/bench/start-up-chunks.test.ts): the file URL of each module as it runs, and of each pack and of the build's code for it as they are read. */
const moduleLog = process.env.GONGKAI_MODULE_LOG;
/** A file's URL; node:url is loaded only when one is asked for (a view written again as kept asks none). */
const fileUrl = (path: string): string => (require('node:url') as typeof import('node:url')).pathToFileURL(path).href;

const bodies = new Map<string, ModuleBody>();
const modules = new Map<string, { exports: unknown }>();
const usesUrl = new Set(__GONGKAI_PACKS__.usesUrl);
const withCode = new Set(__GONGKAI_PACKS__.code);
const ascii = new Set(__GONGKAI_PACKS__.ascii);

/**
 * Whether this node takes the code the build made: V8 refuses code made by another version or under other
 * flags, and the probe, made in the same run as the packs' code, is refused exactly then. Asked before any
 * pack is compiled: a source V8 has compiled once is not compiled again in the process, with other code or not.
 */
const builtCodeFits = __GONGKAI_PACKS__.probe !== '' && !new Script('0', { filename: 'gongkai-code-probe', cachedData: Buffer.from(__GONGKAI_PACKS__.probe, 'base64') }).cachedDataRejected;

/** V8 code kept in gongkai's cache folder (kept-code.ts, a file of its own): for the packs without usable code from the build. */
let keptCode: typeof import('./kept-code.js') | undefined;

/**
 * The view command this process runs, when the build made code of its own for it: V8 deserializes all of the code
 * it is given, and the code of every view together is about twice what one runs. Taken as the first argument that
 * names one (`gongkai --ledger x.yaml validate`) without parsing the options: a wrong pick (a note that reads
 * `status`), like `run` called for other commands in one process, only costs the run the code it did not need.
 */
const view = process.argv.slice(2).find((arg) => !arg.includes('.') && Object.hasOwn(__GONGKAI_PACKS__.byView, arg));
/** The view's own code, by pack: the code of the view with the cache off where there is some and the cache is off. */
const viewCode = new Map<string, string>();
if (view !== undefined) {
  for (const pack of __GONGKAI_PACKS__.byView[view]!) viewCode.set(pack, `.${view}.code`);
  if (cacheTurnedOff(process.env)) for (const pack of __GONGKAI_PACKS__.byView[`${view}.off`] ?? []) viewCode.set(pack, `.${view}.off.code`);
}

/** A pack compiled with the build's code when this node takes it, else with the code kept in the cache folder. */
function compile(source: string, file: string, pack: string): Script {
  if (builtCodeFits && withCode.has(pack)) {
    let built: Buffer | undefined;
    const codeFile = join(DIST, 'packs', pack.replace(/\.js$/, viewCode.get(pack) ?? '.code'));
    if (moduleLog) appendFileSync(moduleLog, `${fileUrl(codeFile)}\n`);
    try {
      built = readFileSync(codeFile);
    } catch {
      // Missing: compiled as a pack without code from the build (below).
    }
    // Code V8 refuses all the same (a spoilt file) only costs this run its speed.
    if (built) return new Script(source, { filename: file, cachedData: built });
  }
  keptCode ??= require(join(DIST, 'kept-code.cjs')) as typeof import('./kept-code.js');
  return keptCode.compile(source, file, pack);
}

function readPack(pack: string): void {
  const file = join(DIST, 'packs', pack);
  if (moduleLog) appendFileSync(moduleLog, `${fileUrl(file)}\n`);
  // An ASCII pack is read one byte a character, without decoding UTF-8.
  const list = compile(readFileSync(file, ascii.has(pack) ? 'latin1' : 'utf8'), file, pack).runInThisContext() as (string | ModuleBody)[];
  for (let i = 0; i < list.length; i += 2) bodies.set(list[i] as string, list[i + 1] as ModuleBody);
}

/**
 * A chunk's path from dist/ for a relative specifier written in chunk `from` ('./chunk-x.js', '../gongkai.js',
 * './chunks/x.js': esbuild writes `./` or `../` only at the start). By slices of the strings: every import of every
 * module a run loads comes here, and splitting and joining arrays for each was a tenth of a cold view's allocations.
 */
function resolveChunk(from: string, specifier: string): string {
  let folder = from.slice(0, from.lastIndexOf('/') + 1);
  let rest = specifier;
  for (;;) {
    if (rest.startsWith('./')) rest = rest.slice(2);
    else if (rest.startsWith('../')) {
      rest = rest.slice(3);
      folder = folder.slice(0, folder.lastIndexOf('/', folder.length - 2) + 1);
    } else return folder + rest;
  }
}

function load(id: string): unknown {
  const known = modules.get(id);
  if (known) return known.exports;
  if (!bodies.has(id)) {
    const pack = __GONGKAI_PACKS__.files[__GONGKAI_PACKS__.packOf[id] ?? -1];
    if (!pack) throw new Error(`gongkai 的构建缺少模块 ${id}，请重新构建（node scripts/build.mjs）`);
    readPack(pack);
  }
  const module = { exports: {} as unknown };
  // Registered before it runs: chunks that import each other see the exports being filled, as ES modules would.
  modules.set(id, module);
  const url = usesUrl.has(id) || moduleLog ? fileUrl(join(DIST, id)) : undefined;
  if (moduleLog) appendFileSync(moduleLog, `${url}\n`);
  const requireFrom = (specifier: string) => (specifier.startsWith('.') ? load(resolveChunk(id, specifier)) : require(specifier));
  bodies.get(id)!(module.exports as object, requireFrom, module, url);
  return module.exports;
}

type App = typeof import('./main.js');
let app: App | undefined;
const loaded = () => (app ??= load(ENTRY) as App);

export const run: App['run'] = (argv, io) => loaded().run(argv, io);
/** The command: a run kept from before and still true is written again without loading the program (replay-run.ts). */
export const main: App['main'] = async () => {
  // A failed write of the run written again is reported by the program, loaded then for it.
  if (!replayed(process.argv.slice(2), (cause) => loaded().reportOutputFailure(cause))) await loaded().main();
};
