import type { OpenContext } from './open-context.js';
import { cacheDirectory, openCache, type CacheStore } from '../cache/index.js';
import { warning } from '../diagnostic.js';

/** The cache for this run (undefined when off or unsafe; then the run is told once, as a finding). */
export function cacheOf(ctx: OpenContext): CacheStore | undefined {
  return openCache(ctx.io.env, (message) => ctx.warn(warning('CACHE_UNSAFE', message, { file: cacheDirectory(ctx.io.env) ?? '' })));
}
