import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bump when the cached value's meaning changes; old entries are then ignored. */
const CACHE_FORMAT = 'gongkai-parse-1';
const KEEP_ENTRIES = 64;

/** Where parsed ledgers are cached: GONGKAI_CACHE_DIR, else the XDG cache folder; none with GONGKAI_CACHE=off. */
export function cacheDirectory(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.GONGKAI_CACHE === 'off') return undefined;
  if (env.GONGKAI_CACHE_DIR) return env.GONGKAI_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || (env.HOME ? join(env.HOME, '.cache') : undefined);
  return base ? join(base, 'gongkai') : undefined;
}

/** A hash of a whole file: the identity of its content in cache keys. */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('hex');
}

/**
 * Results computed from file contents (parsed YAML, shape and check findings),
 * stored as JSON under keys built from content hashes, so an unchanged ledger
 * skips the YAML parser and the checks. Any edit changes the key; an entry
 * that is unreadable, from another format, or for another key is ignored.
 */
export class ParseCache {
  constructor(private readonly dir: string) {}

  private fileOf(key: string): string {
    return join(this.dir, `${createHash('sha1').update(CACHE_FORMAT).update(key).digest('hex')}.json`);
  }

  get<T>(key: string): { value: T } | undefined {
    try {
      const entry = JSON.parse(readFileSync(this.fileOf(key), 'utf8')) as { format?: string; key?: string; value?: T };
      return entry.format === CACHE_FORMAT && entry.key === key ? { value: entry.value as T } : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const target = this.fileOf(key);
      const temp = `${target}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ format: CACHE_FORMAT, key, value }));
      renameSync(temp, target);
      this.prune();
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }

  /** Keeps the most recent entries: every edit of a large ledger leaves one behind. */
  private prune(): void {
    const entries = readdirSync(this.dir).filter((n) => n.endsWith('.json'));
    if (entries.length <= KEEP_ENTRIES) return;
    entries
      .map((name) => ({ name, time: statSync(join(this.dir, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time)
      .slice(KEEP_ENTRIES)
      .forEach(({ name }) => rmSync(join(this.dir, name), { force: true }));
  }
}
