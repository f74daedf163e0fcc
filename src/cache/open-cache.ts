import { join } from 'node:path';
import { CacheStore, prepareFolder } from './cache-store.js';

type Env = Readonly<Record<string, string | undefined>>;

const DEFAULT_MAX_MB = 200;

/** GONGKAI_CACHE=off: no results are kept or read, and no per-item index. */
export const cacheTurnedOff = (env: Env): boolean => env.GONGKAI_CACHE === 'off';

/** Where results are cached: GONGKAI_CACHE_DIR, else the XDG cache folder; none with GONGKAI_CACHE=off. */
export function cacheDirectory(env: Env): string | undefined {
  if (cacheTurnedOff(env)) return undefined;
  if (env.GONGKAI_CACHE_DIR) return env.GONGKAI_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || (env.HOME ? join(env.HOME, '.cache') : undefined);
  return base ? join(base, 'gongkai') : undefined;
}

/** The bound in bytes: GONGKAI_CACHE_MAX_MB (megabytes), default 200. */
export function cacheBound(env: Env): number {
  const mb = Number(env.GONGKAI_CACHE_MAX_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_MB) * 1024 * 1024;
}

const opened = new Map<string, CacheStore | undefined>();

/**
 * The cache, or undefined when it is off or its folder is unsafe (a symlink,
 * another user's, writable by others): then gongkai runs without it and says
 * so once, since entries there could have been planted.
 */
export function openCache(env: Env, warn: (message: string) => void): CacheStore | undefined {
  const dir = cacheDirectory(env);
  if (!dir) return undefined;
  const maxBytes = cacheBound(env);
  const id = `${dir}\0${maxBytes}`;
  if (opened.has(id)) return opened.get(id);
  const unsafe = prepareFolder(dir);
  if (unsafe) warn(`缓存目录 ${dir} ${unsafe}，本次不使用缓存（可设 GONGKAI_CACHE_DIR 换一个只属于自己的目录，或 GONGKAI_CACHE=off）`);
  const store = unsafe ? undefined : new CacheStore(dir, maxBytes);
  opened.set(id, store);
  return store;
}
