import type { CommandContext } from '../command-context.js';
import { openCache, type CacheStore } from '../cache/index.js';

/** The cache for this run (undefined when off or unsafe; the warning goes to stderr once). */
export function cacheOf(ctx: CommandContext): CacheStore | undefined {
  return openCache(ctx.io.env, (message) => ctx.io.stderr(ctx.err.warning(`${message}\n`)));
}
