/**
 * V8 code for the packs kept in gongkai's cache folder (src/cache/code-cache.ts), for a node that refuses the
 * code the build made (another version, other flags) or packs the build made none for. Built as a file of its
 * own (dist/kept-code.cjs) that the loader (start.ts) requires only then: a start with the build's code never
 * loads the cache's code.
 */
import type { Script } from 'node:vm';
import { CodeCache } from '../cache/code-cache.js';
import { openCache } from '../cache/open-cache.js';

// The loader warns of nothing: an unsafe cache folder is reported by the run itself (src/open).
const codeCache = new CodeCache(openCache(process.env, () => {}), `${process.version}-${process.arch}`);
process.once('exit', () => codeCache.save());

/** A pack compiled with the code kept for it, if any; its code is kept at the end of the run when there was none or V8 refused it. */
export function compile(source: string, filename: string, pack: string): Script {
  return codeCache.compile(source, filename, pack);
}
