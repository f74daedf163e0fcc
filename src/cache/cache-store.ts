import { closeSync, constants, fstatSync, ftruncateSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { nodeCrypto } from '../read/node-crypto.js';
import { readRegularFile } from '../read/read-regular-file.js';

/** Bump when the layout of an entry changes; entries of another layout are ignored. */
const ENTRY_FORMAT = 'gongkai-cache-4';
const ENTRY_SUFFIX = '.entry';
/** The file with the folder's bytes as last counted plus those written since, and how many writes since (CacheStore.tallied). */
const TALLY = '.tally';
/** The folder is counted again at least this often (in writes), whatever the tally says. */
const RECOUNT_EVERY = 64;
/** A tally is two numbers: more than this is not one, and is not read. */
const TALLY_BYTES = 64;

/**
 * Up to this size an entry's body is checked with a checksum computed here, not with sha256: a warm view
 * reads only small entries, and loading node:crypto for them cost more than the view (about 10 ms).
 * The check finds a truncated or damaged entry; it need not resist forgery, since only the user can
 * write this folder (unsafeFolderReason), and whoever can could write a matching sha256 as well.
 */
const CHECKSUMMED_HERE = 64 * 1024;

/** The prefix of a checksum computed here, in an entry's header; any other hash there is a sha256. */
const CHECKSUM = 'sum-';

/**
 * The hash in an entry's header: a checksum of its body (bodies up to CHECKSUMMED_HERE bytes, unless `sha256`),
 * else sha256. Given in parts, of the parts one after another.
 */
function bodyHash(parts: Uint8Array | readonly Uint8Array[], sha256 = false): string {
  const length = parts instanceof Uint8Array ? parts.length : parts.reduce((sum, part) => sum + part.length, 0);
  if (sha256 || length > CHECKSUMMED_HERE) {
    const crypto = nodeCrypto();
    const one = parts instanceof Uint8Array ? parts : parts.length === 1 ? parts[0]! : undefined;
    // Node's one-shot hash (20.12 and later) for a body in one piece: the first Hash object of a run costs half a millisecond.
    if (one && crypto.hash) return crypto.hash('sha256', one, 'hex');
    const hash = crypto.createHash('sha256');
    for (const part of parts instanceof Uint8Array ? [parts] : parts) hash.update(part);
    return hash.digest('hex');
  }
  const body = parts instanceof Uint8Array ? parts : Buffer.concat(parts);
  // Two 32-bit multiply–xor lanes, a word each per step (in the machine's byte order: entries stay on the machine),
  // then mixed through: a run reads its entries before V8 has compiled this loop, so few operations a word matter
  // (a view's 48 KB text took 2.5 ms with four lanes of four operations each).
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  const pairs = body.length >> 3;
  // A body not aligned on 4 bytes (a small Buffer from node's shared pool) is copied first.
  const words = body.byteOffset % 4 === 0 ? new Int32Array(body.buffer, body.byteOffset, pairs * 2) : new Int32Array(Uint8Array.from(body.subarray(0, pairs * 8)).buffer);
  for (let i = 0; i < pairs * 2; i += 2) {
    a = Math.imul(a ^ words[i]!, 0x01000193);
    b = Math.imul(b ^ words[i + 1]!, 0x5bd1e995);
  }
  for (let i = pairs * 8; i < body.length; i++) a = Math.imul(a ^ body[i]!, 0x01000193);
  b = Math.imul(b ^ body.length, 0x5bd1e995);
  // Each lane made to depend on every bit of both (murmur3's finalizer).
  const finish = (h: number) => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const high = finish(a ^ Math.imul(b, 0x27d4eb2f));
  const low = finish(b ^ Math.imul(high, 0x165667b1));
  return `${CHECKSUM}${high.toString(16).padStart(8, '0')}${low.toString(16).padStart(8, '0')}`;
}

/** An entry's file name for a key: a 128-bit hash of the key's text (the entry names its key, so a collision is only a miss). */
function nameOf(key: string): string {
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  let c = 0x27d4eb2f;
  let d = 0x165667b1;
  for (let i = 0; i < key.length; i++) {
    const x = key.charCodeAt(i);
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ a, 0x5bd1e995);
    c = Math.imul((c + x) | 0, 0x85ebca6b) ^ (c >>> 13);
    d = (Math.imul(d ^ c, 0xc2b2ae35) + x) | 0;
  }
  // Final avalanche: each part mixes its lane with the next, so every character of the key reaches every part of the name.
  const lanes = [a, b, c, d];
  const parts = lanes.map((h, i) => {
    let x = h ^ Math.imul(lanes[(i + 1) % 4]!, 0x9e3779b1) ^ i;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return ((x ^ (x >>> 16)) >>> 0).toString(16).padStart(8, '0');
  });
  return parts.join('');
}

/** Why a cache folder may not be used, or undefined when it is safe: ours alone, a real folder, nobody else can write it. */
export function unsafeFolderReason(dir: string): string | undefined {
  const info = lstatSync(dir);
  if (info.isSymbolicLink()) return '是符号链接';
  if (!info.isDirectory()) return '不是目录';
  if (typeof process.getuid === 'function' && info.uid !== process.getuid()) return '不属于当前用户';
  if ((info.mode & 0o022) !== 0) return '其他用户可写';
  return undefined;
}

/** How an entry is stored. */
export interface StoreOptions {
  /**
   * Its body checked with sha256 whatever its size: for an entry only runs read that load node:crypto anyway
   * (an edit, which hashes the ledger). The checksum's loop, on an edit base of 60 KB read and written in one
   * run, was V8's to optimize at the second (about 3 ms); node's sha256 takes a tenth of a millisecond. The
   * entry says which it was checked with, and is read by that.
   */
  sha256?: boolean;
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
    return join(this.dir, nameOf(key) + ENTRY_SUFFIX);
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

  set(key: string, value: unknown, options?: StoreOptions): void {
    this.setBytes(key, JSON.stringify(value), options);
  }

  /** The body stored under key, checked against its hash; undefined when absent or spoilt. */
  getBytes(key: string): Buffer | undefined {
    const file = this.fileOf(key);
    let data: Buffer;
    try {
      // Only a regular file, within the bound: a FIFO planted at an entry's name would make the run wait for a writer.
      data = readRegularFile(file, this.maxBytes);
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

  /**
   * Stores a head (a value written as one line of JSON) and bytes after it: an entry whose head is read without
   * decoding the rest (a view's text, an index's hashes, a layout's offsets).
   */
  setHeaded(key: string, head: unknown, rest: readonly Uint8Array[] = []): void {
    this.setBytes(key, [Buffer.from(`${JSON.stringify(head)}\n`, 'utf8'), ...rest]);
  }

  /** The head and the bytes after it of an entry stored by setHeaded; undefined when absent, spoilt or of another shape. */
  getHeaded<T>(key: string): { head: T; rest: Buffer } | undefined {
    const body = this.getBytes(key);
    const end = body ? body.indexOf(10) : -1;
    if (!body || end < 0) return undefined;
    let head: unknown;
    try {
      head = JSON.parse(body.toString('utf8', 0, end));
    } catch {
      return undefined;
    }
    return head !== null && typeof head === 'object' ? { head: head as T, rest: body.subarray(end + 1) } : undefined;
  }

  /**
   * Stores a body (text or bytes, such as V8's code cache) under key, then keeps the folder within its bound.
   * A body in parts is stored as the parts one after another, without joining megabytes first.
   */
  setBytes(key: string, body: string | Uint8Array | readonly Uint8Array[], options?: StoreOptions): void {
    try {
      const parts = typeof body === 'string' ? [Buffer.from(body, 'utf8')] : body instanceof Uint8Array ? [body] : body;
      const header = `${ENTRY_FORMAT}\n${bodyHash(parts, options?.sha256)}\n${key}\n`;
      const target = this.fileOf(key);
      // Counted before it is written: a writer that dies before the rename leaves a temp file that is counted too.
      const estimate = this.tallied(Buffer.byteLength(header) + parts.reduce((sum, part) => sum + part.length, 0));
      const pieces = [Buffer.from(header, 'utf8'), ...parts];
      // An entry written again (the index's delta and layout, an edit base: most runs after an edit) is written over
      // in place, as the tally is: a new file renamed over it made the file system free the old one's blocks, 0.4 ms
      // for 96 KB here (the disk is mounted with discard). A reader meanwhile, or a write cut short, finds a body that
      // does not match its header's hash, which reads as no entry.
      writeOver(this.dir, target, pieces);
      if (estimate === undefined || estimate > this.maxBytes) this.prune();
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }

  /** Removes the entry under key, if any: one that something newer has made useless (cache-keys.ts says which). */
  forget(key: string): void {
    try {
      rmSync(this.fileOf(key), { force: true });
    } catch {
      // Left for the bound to remove.
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

  /**
   * The folder's bytes as last counted, plus every body written since (`written` included): never less than
   * the folder holds, except by what writers at the same moment add (each reads and rewrites the tally, and one
   * may write over another's sum), since entries replaced or removed are not taken off. Undefined when there is
   * no count or it cannot be read, and at every RECOUNT_EVERY-th write, so that what such races lost is found
   * within that many writes: then the folder is counted. Counting stats every entry, and a cache at its bound
   * holds thousands.
   */
  private tallied(written: number): number | undefined {
    const tally = /^(\d{1,15}) (\d{1,15})$/.exec(readTally(join(this.dir, TALLY)) ?? '');
    if (!tally) return undefined;
    const [bytes, writes] = [Number(tally[1]), Number(tally[2])];
    if (writes + 1 >= RECOUNT_EVERY) return undefined;
    writeTally(this.dir, bytes + written, writes + 1);
    return bytes + written;
  }

  /** Removes the least recently used entries until the folder is within its bound; then notes the bytes left (tallied). */
  private prune(): void {
    const entries = this.entries();
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    if (total > this.maxBytes) total = this.evict(entries, total);
    writeTally(this.dir, total, 0);
  }

  /** Removes the least recently used of the entries until they are within the bound; the bytes left. */
  private evict(entries: { name: string; size: number; time: number }[], total: number): number {
    // Temp files of crashed writers older than a minute go first.
    const stale = Date.now() - 60_000;
    entries.sort((a, b) => rank(a, stale) - rank(b, stale) || a.time - b.time);
    for (const entry of entries) {
      if (total <= this.maxBytes) break;
      if (entry.name.startsWith('.tmp-') && entry.time > stale) continue;
      rmSync(join(this.dir, entry.name), { force: true });
      total -= entry.size;
    }
    return total;
  }
}

let tempFiles = 0;

/**
 * A new file's name in the cache folder, to be created exclusively ('wx'): nothing planted at it can be followed,
 * only make that write fail, and the folder is the user's alone (unsafeFolderReason). The process and a count keep
 * writers apart; no name from node:crypto, which a warm view would load for it (about 10 ms).
 */
function tempFile(dir: string): string {
  return join(dir, `.tmp-${process.pid}-${++tempFiles}-${Math.random().toString(36).slice(2)}`);
}

/** The tally's text (a few bytes); undefined unless it is a regular file of at most TALLY_BYTES (readRegularFile: a FIFO there does not make the run wait for a writer). */
function readTally(file: string): string | undefined {
  try {
    return readRegularFile(file, TALLY_BYTES).toString('latin1');
  } catch {
    return undefined;
  }
}

/**
 * Writes the tally as entries are written, through writeOver (a run after a hand edit writes a dozen entries, and
 * a new file renamed over the tally each time was 2.5 ms of such a run). Written in place, a shorter text is cut to its length after it is written: in between, the file holds more than
 * two numbers, which no run reads as a tally (it counts the folder instead).
 */
function writeTally(dir: string, bytes: number, writes: number): void {
  try {
    writeOver(dir, join(dir, TALLY), [Buffer.from(`${bytes} ${writes}`, 'latin1')]);
  } catch {
    // Not written (a folder in its place, say): the next write counts the folder again.
  }
}

/**
 * Writes `pieces` as the file's content: over it in place when it is a regular file of one name (writeInPlace),
 * else to a new file renamed over it, so that whatever was planted at its name (a link, another name of some
 * file, a FIFO) is replaced, never written through. Throws, leaving no temp file, when neither works.
 */
function writeOver(dir: string, file: string, pieces: readonly Uint8Array[]): void {
  if (writeInPlace(file, pieces)) return;
  const temp = tempFile(dir);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      for (const piece of pieces) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (cause) {
    rmSync(temp, { force: true });
    throw cause;
  }
}

/**
 * Writes `pieces`, one after another, over a regular file of one name (no link followed, no FIFO waited on), cut
 * to their length after they are written; false when the file is anything else, or missing.
 */
function writeInPlace(file: string, pieces: readonly Uint8Array[]): boolean {
  let fd: number;
  try {
    fd = openSync(file, constants.O_WRONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.nlink !== 1) return false;
    let at = 0;
    for (const piece of pieces) {
      for (let done = 0; done < piece.length; ) done += writeSync(fd, piece, done, piece.length - done, at + done);
      at += piece.length;
    }
    ftruncateSync(fd, at);
    return true;
  } catch {
    return false;
  } finally {
    closeSync(fd);
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
  const stored = data.toString('utf8', first + 1, second);
  return bodyHash(body, !stored.startsWith(CHECKSUM)) === stored ? body : undefined;
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
