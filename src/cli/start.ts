/**
 * The built command's loader (dist/gongkai.cjs; scripts/build.mjs bundles it apart from the rest). The CLI
 * is built as esbuild's chunks, turned into CommonJS functions and grouped into a few packs: one for what
 * every command loads, one for what the everyday views load when the cache cannot answer, and the rest
 * one pack per chunk. A pack is one file, compiled with V8's code cache from gongkai's cache folder
 * (src/cache/code-cache.ts); a module in it runs only when first required, as an ES module would.
 * Node 20's own module loaders cannot use a code cache for ES modules, and resolve, read and compile each
 * file on its own: that was half of a warm `status`.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeCache } from '../cache/code-cache.js';
import { openCache } from '../cache/open-cache.js';

/**
 * Written by the build: the pack files, each module's pack (chunk paths from dist/, an index into files), the
 * modules that use import.meta.url, and the packs the build made V8 code for (dist/packs/NAME.code).
 */
declare const __GONGKAI_PACKS__: { files: string[]; packOf: Record<string, number>; usesUrl: string[]; code: string[] };

type ModuleBody = (exports: object, require: (specifier: string) => unknown, module: { exports: unknown }, url: string | undefined) => void;

const DIST = __dirname;
const ENTRY = 'gongkai.js';
/** For tests (tests/bench/start-up-chunks.test.ts): the file URL of each module as it runs and of each pack as it is read. */
const moduleLog = process.env.GONGKAI_MODULE_LOG;
// The loader warns of nothing: an unsafe cache folder is reported by the run itself (src/open).
const codeCache = new CodeCache(openCache(process.env, () => {}), `${process.version}-${process.arch}`);
process.once('exit', () => codeCache.save());

const bodies = new Map<string, ModuleBody>();
const modules = new Map<string, { exports: unknown }>();
const usesUrl = new Set(__GONGKAI_PACKS__.usesUrl);
const withCode = new Set(__GONGKAI_PACKS__.code);

/** The code the build made for a pack, read only when it made some; missing, the pack is compiled without it. */
function builtCode(pack: string): Buffer | undefined {
  if (!withCode.has(pack)) return undefined;
  try {
    return readFileSync(join(DIST, 'packs', pack.replace(/\.js$/, '.code')));
  } catch {
    return undefined;
  }
}

function readPack(pack: string): void {
  const file = join(DIST, 'packs', pack);
  if (moduleLog) appendFileSync(moduleLog, `${pathToFileURL(file).href}\n`);
  const list = codeCache.compile(readFileSync(file, 'utf8'), file, pack, () => builtCode(pack)).runInThisContext() as (string | ModuleBody)[];
  for (let i = 0; i < list.length; i += 2) bodies.set(list[i] as string, list[i + 1] as ModuleBody);
}

/** A chunk's path from dist/ for a relative specifier written in chunk `from` ('./chunk-x.js', '../gongkai.js'). */
function resolveChunk(from: string, specifier: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
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
  const url = usesUrl.has(id) || moduleLog ? pathToFileURL(join(DIST, id)).href : undefined;
  if (moduleLog) appendFileSync(moduleLog, `${url}\n`);
  const requireFrom = (specifier: string) => (specifier.startsWith('.') ? load(resolveChunk(id, specifier)) : require(specifier));
  bodies.get(id)!(module.exports as object, requireFrom, module, url);
  return module.exports;
}

const app = load(ENTRY) as typeof import('./main.js');

export const run: typeof app.run = (argv, io) => app.run(argv, io);
export const main: typeof app.main = () => app.main();
