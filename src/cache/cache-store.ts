import { createHash, randomBytes } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Bump when the layout of an entry changes; entries of another layout are ignored. */
const ENTRY_FORMAT = 'gongkai-cache-2';
const ENTRY_SUFFIX = '.entry';

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

/** Why a cache folder may not be used, or undefined when it is safe: ours alone, a real folder, nobody else can write it. */
export function unsafeFolderReason(dir: string): string | undefined {
  const info = lstatSync(dir);
  if (info.isSymbolicLink()) return '是符号链接';
  if (!info.isDirectory()) return '不是目录';
  if (typeof process.getuid === 'function' && info.uid !== process.getuid()) return '不属于当前用户';
  if ((info.mode & 0o022) !== 0) return '其他用户可写';
  return undefined;
}

/**
 * Results computed from file contents, kept between runs. Every entry checks
 * itself: it names the key it was stored under and carries the hash of its own
 * body, so a truncated, forged or misplaced entry is ignored rather than
 * believed. Bounded by bytes, least recently used first (a read refreshes an
 * entry). Keys are built by cache-keys.ts alone.
 */
export class CacheStore {
  constructor(
    readonly dir: string,
    /** The bound on the folder's entries, in bytes. */
    readonly maxBytes: number,
  ) {}

  private fileOf(key: string): string {
    return join(this.dir, sha256(key).slice(0, 40) + ENTRY_SUFFIX);
  }

  get<T>(key: string): { value: T } | undefined {
    const body = this.getBytes(key);
    if (!body) return undefined;
    try {
      return { value: JSON.parse(body.toString('utf8')) as T };
    } catch {
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    this.setBytes(key, JSON.stringify(value));
  }

  /** The body stored under key, checked against its hash; undefined when absent or spoilt. */
  getBytes(key: string): Buffer | undefined {
    const file = this.fileOf(key);
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      return undefined;
    }
    const body = entryBody(data, key);
    if (!body) return undefined;
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // Only the eviction order suffers.
    }
    return body;
  }

  /** Stores a body (text or bytes, such as V8's code cache) under key, then keeps the folder within its bound. */
  setBytes(key: string, body: string | Uint8Array): void {
    try {
      const header = `${ENTRY_FORMAT}\n${sha256(body)}\n${key}\n`;
      const target = this.fileOf(key);
      // An unpredictable name created exclusively: nothing planted at it can be followed.
      const temp = join(this.dir, `.tmp-${randomBytes(12).toString('hex')}`);
      const fd = openSync(temp, 'wx', 0o600);
      try {
        writeSync(fd, header);
        if (typeof body === 'string') writeSync(fd, body);
        else writeSync(fd, body);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, target);
      this.prune();
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }

  /** Total bytes of the entries. */
  size(): number {
    return this.entries().reduce((sum, e) => sum + e.size, 0);
  }

  private entries() {
    const names = readdirSync(this.dir);
    // Entries of the first cache layout (gongkai 0.1 before the build identity) are never read again.
    for (const name of names) if (/^[0-9a-f]{40}\.json$/.test(name)) rmSync(join(this.dir, name), { force: true });
    return names
      .filter((name) => name.endsWith(ENTRY_SUFFIX) || name.startsWith('.tmp-'))
      .flatMap((name) => {
        try {
          const info = statSync(join(this.dir, name));
          return [{ name, size: info.size, time: info.mtimeMs }];
        } catch {
          return [];
        }
      });
  }

  /** Removes the least recently used entries until the folder is within its bound. */
  private prune(): void {
    const entries = this.entries();
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    if (total <= this.maxBytes) return;
    // Temp files of crashed writers older than a minute go first.
    const stale = Date.now() - 60_000;
    entries.sort((a, b) => rank(a, stale) - rank(b, stale) || a.time - b.time);
    for (const entry of entries) {
      if (total <= this.maxBytes) break;
      if (entry.name.startsWith('.tmp-') && entry.time > stale) continue;
      rmSync(join(this.dir, entry.name), { force: true });
      total -= entry.size;
    }
  }
}

const rank = (entry: { name: string; time: number }, stale: number) => (entry.name.startsWith('.tmp-') ? (entry.time < stale ? 0 : 2) : 1);

/** The body of an entry read from disk, when it is of this layout, names key and matches its hash. */
function entryBody(data: Buffer, key: string): Buffer | undefined {
  const first = data.indexOf(10);
  const second = data.indexOf(10, first + 1);
  const third = data.indexOf(10, second + 1);
  if (first < 0 || second < 0 || third < 0) return undefined;
  if (data.toString('utf8', 0, first) !== ENTRY_FORMAT) return undefined;
  if (data.toString('utf8', second + 1, third) !== key) return undefined;
  const body = data.subarray(third + 1);
  return sha256(body) === data.toString('utf8', first + 1, second) ? body : undefined;
}

/** Creates the folder private to the user (0700) when missing; returns why it cannot be used, if so. */
export function prepareFolder(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return unsafeFolderReason(dir);
  } catch (cause) {
    return `无法创建（${(cause as NodeJS.ErrnoException).code ?? String(cause)}）`;
  }
}
