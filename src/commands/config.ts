import type { CommandContext } from '../cli/context.js';
import { UserError } from '../errors.js';
import { findConfig, type Config } from '../read/find-ledger.js';
import { cacheDirectory, ParseCache } from '../read/parse-cache.js';

/** Reads gongkai.yaml, turning a broken one into a user error. */
export async function readConfig(ctx: CommandContext): Promise<Config> {
  try {
    return await findConfig(ctx.io.cwd, cacheFor(ctx));
  } catch (cause) {
    throw new UserError((cause as Error).message);
  }
}

/** The cache of parsed files and results, unless GONGKAI_CACHE=off or there is no cache folder. */
export function cacheFor(ctx: CommandContext): ParseCache | undefined {
  const dir = cacheDirectory(ctx.io.env);
  return dir ? new ParseCache(dir) : undefined;
}
