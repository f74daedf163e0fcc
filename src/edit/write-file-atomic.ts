import { accessSync, close, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsync, fsyncSync, linkSync, openSync, readFileSync, readSync, renameSync, statfsSync, statSync, writeSync, type BigIntStats } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { UserError } from '../errors.js';
import { removeFile } from './remove-file.js';
import { nodeCrypto } from '../read/node-crypto.js';
import type { SeenFile } from '../read/read-regular-file.js';

export interface WriteOptions {
  /** Refuse to replace an existing file (import without --force). */
  exclusive?: boolean;
  /** Write only if the file still holds exactly these bytes, checked again right before the rename. */
  unchangedSince?: Buffer;
  /** The file as it stood when `unchangedSince` was read (readRegularFileSeen): lets that check skip reading it again. */
  seen?: SeenFile;
  /** Called after the temp file is synced, before the last comparison (tests change the file here). */
  afterSync?: () => void;
  /** Called after the last comparison, right before the rename (tests write to the file here, as a delayed rename would let them). */
  beforeRename?: () => void;
}

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(4, '0');

/** Errors the file system gives for a write the user may not make: a clear refusal, not a crash. */
export function permissionRefusal(cause: unknown, what: string): UserError | undefined {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return new UserError('OUTPUT_NOT_WRITABLE', `没有权限写入 ${what}（${code}），未修改任何文件`);
  if (code === 'EROFS') return new UserError('OUTPUT_NOT_WRITABLE', `${what} 在只读文件系统上，未修改任何文件`);
  return undefined;
}

/**
 * Refuses, before anything is written, to replace a read-only file or to
 * write into a read-only folder. The mode bits decide even for root: a file
 * someone made read-only is meant to stay as it is.
 */
export function assertWritable(file: string): void {
  // The caller resolves a name the user typed against the run's folder (Io's cwd); the process's own folder means nothing here.
  if (!isAbsolute(file)) throw new Error(`write-file-atomic: 「${file}」 is not an absolute path`);
  const folder = dirname(file);
  let stat;
  try {
    stat = statSync(file);
  } catch {
    stat = undefined;
  }
  if (stat) {
    const writable = (stat.mode & 0o222) !== 0 && canAccess(file);
    if (!writable) throw new UserError('FILE_READ_ONLY', `${file} 是只读文件（权限 ${octal(stat.mode)}），未修改；确需修改请先 chmod u+w ${file}`);
  }
  const folderMode = statSync(folder).mode;
  if ((folderMode & 0o222) === 0 || !canAccess(folder)) {
    throw new UserError('OUTPUT_NOT_WRITABLE', `${file} 所在的目录 ${folder} 是只读的（权限 ${octal(folderMode)}），无法写入，未修改任何文件`);
  }
}

function canAccess(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a file so that readers see the old or the new content, never half:
 * a temp file in the same folder with the old file's mode and owner, fsync,
 * then rename over the target. Returns false, writing nothing, when
 * `unchangedSince` no longer matches the file right before the rename.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array | readonly Uint8Array[], options: WriteOptions = {}): boolean {
  const temp = writeTemp(file, content);
  try {
    fsyncSync(temp.fd);
  } catch (cause) {
    discard(temp);
    throw cause;
  }
  closeSync(temp.fd);
  return replaceWithTemp(file, temp.path, options);
}

/**
 * writeFileAtomic, with `meanwhile` run while the new bytes are synced to disk: the fsync (about 9 ms for the
 * 6 MB of a 10,000-item ledger) waits on the disk in node's thread pool, and work that needs neither the disk
 * nor the file (keeping what the cache knows of the new content) need not wait behind it. `meanwhile` must
 * not read the file, which still holds the old content until the rename; whatever it throws is thrown after
 * the temp file is removed, and nothing is renamed then.
 */
export async function writeFileAtomicMeanwhile(
  file: string,
  content: string | Uint8Array | readonly Uint8Array[],
  options: WriteOptions,
  meanwhile: () => Promise<void>,
): Promise<boolean> {
  const temp = writeTemp(file, content);
  // Started before `meanwhile` is called: an async function runs up to its first await at once.
  const synced = new Promise<void>((done, failed) => fsync(temp.fd, (cause) => (cause ? failed(cause) : done())));
  const [sync, work] = await Promise.allSettled([synced, meanwhile()]);
  if (sync.status === 'rejected' || work.status === 'rejected') {
    discard(temp);
    throw sync.status === 'rejected' ? sync.reason : (work as PromiseRejectedResult).reason;
  }
  closeSync(temp.fd);
  return replaceWithTemp(file, temp.path, options);
}

/** A temp file beside `file` holding the new content, written and not yet synced, with the old file's mode and owner. */
function writeTemp(file: string, content: string | Uint8Array | readonly Uint8Array[]): { path: string; fd: number } {
  assertWritable(file);
  const path = join(dirname(file), `.${basename(file)}.${process.pid}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`);
  let old;
  try {
    old = statSync(file);
  } catch {
    old = undefined;
  }
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (cause) {
    throw permissionRefusal(cause, dirname(file)) ?? cause;
  }
  try {
    try {
      // Keep the replaced file's mode (not the umask's) and, where permitted, its owner.
      fchmodSync(fd, old ? old.mode & 0o7777 : 0o666 & ~process.umask());
      if (old) fchownSync(fd, old.uid, old.gid);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EPERM') throw cause;
    }
    // In pieces as given: a large ledger with one item changed is written without first being copied whole.
    for (const piece of typeof content === 'string' ? [Buffer.from(content, 'utf8')] : content instanceof Uint8Array ? [content] : content) writeSync(fd, piece);
  } catch (cause) {
    discard({ path, fd });
    throw cause;
  }
  return { path, fd };
}

function discard(temp: { path: string; fd: number }): void {
  closeSync(temp.fd);
  removeFile(temp.path);
}

/** The synced temp file renamed over `file`, unless `unchangedSince` no longer matches the file (then false, and the temp file is gone). */
function replaceWithTemp(file: string, temp: string, options: WriteOptions): boolean {
  // The file being replaced, held open: after the rename its old content can still be read, so a write that
  // slipped in between the last comparison and the rename is found and kept, not lost.
  let watched: number | undefined;
  try {
    options.afterSync?.();
    if (options.unchangedSince) watched = openSync(file, 'r');
    // Compared again here, after the slow fsync: the window left is this check and the rename.
    if (options.unchangedSince && !stillAsRead(watched!, file, options.unchangedSince, options.seen)) {
      removeFile(temp);
      closeSync(watched!);
      return false;
    }
    options.beforeRename?.();
    if (options.exclusive) {
      // A hard link fails if the target exists, so a file created meanwhile is never replaced.
      linkSync(temp, file);
      removeFile(temp);
    } else {
      renameSync(temp, file);
    }
  } catch (cause) {
    removeFile(temp);
    if (watched !== undefined) closeSync(watched);
    throw permissionRefusal(cause, file) ?? cause;
  }
  syncFolder(dirname(file));
  if (watched !== undefined) keepConcurrentWrite(file, watched, options.unchangedSince!);
  return true;
}

/**
 * Whether the file open at `fd` still holds the bytes read. When its identity
 * on disk can vouch for its content (identityVouches) and is the same now, no
 * write has come since and its content is not read again (6 MB at 10,000
 * items); otherwise its content is compared. Either way the content is
 * compared once more after the rename (keepConcurrentWrite), so a write this
 * missed is still kept beside the ledger, never lost.
 */
function stillAsRead(fd: number, file: string, bytes: Buffer, seen: SeenFile | undefined): boolean {
  if (seen && identityVouches(file, seen) && sameIdentity(fstatSync(fd, { bigint: true }), seen)) return true;
  return holds(fd, bytes);
}

/**
 * How long before it was read a file's last change must lie for its identity to vouch for its content. The
 * kernel stamps a change with a clock that may lag by a tick (up to 10 ms): a write right after the read could
 * get the very stamp the read saw, but not once the stamp seen is older than two ticks.
 */
const SETTLED_NS = 20_000_000n;

/**
 * Local file systems that stamp every change to the nanosecond (statfs's type): ext2/3/4, XFS, Btrfs, tmpfs,
 * F2FS, ZFS, bcachefs, and overlayfs over them. A network file system may stamp a write late or not at all, and
 * FAT and exFAT stamp in seconds or less finely.
 */
const FINE_STAMPS = new Set([0xef53, 0x58465342, 0x9123683e, 0x01021994, 0xf2f52010, 0x2fc12fc1, 0xca451a4e, 0x794c7630]);

/**
 * Whether the file's identity as read vouches that a later write would change it: the file was settled then
 * (SETTLED_NS), its file system is one of FINE_STAMPS, and its stamp has a part below the second (ext3, or ext4
 * made with small inodes, stamps in whole seconds: two writes in one second look the same). A write through a
 * shared memory mapping to a page already written changes no stamp on any file system: such a writer's change,
 * made while an edit runs, is found only after the rename, kept beside the ledger and reported (WRITE_RACE).
 */
export function identityVouches(file: string, seen: SeenFile): boolean {
  if (seen.at - seen.ctimeNs <= SETTLED_NS || seen.ctimeNs % 1_000_000_000n === 0n) return false;
  try {
    return FINE_STAMPS.has(statfsSync(file).type);
  } catch {
    return false;
  }
}

function sameIdentity(now: BigIntStats, seen: SeenFile): boolean {
  return now.dev === seen.dev && now.ino === seen.ino && now.size === seen.size && now.mtimeNs === seen.mtimeNs && now.ctimeNs === seen.ctimeNs;
}

/**
 * After the rename: if the replaced file's content (read through the handle
 * held open) is no longer what the edit was made from, someone wrote to it in
 * the last moment; their version is saved beside the ledger and the edit ends
 * with an error naming it, so nothing is lost silently.
 */
function keepConcurrentWrite(file: string, fd: number, expected: Buffer): void {
  let replaced: Buffer;
  try {
    if (holds(fd, expected)) {
      // The last handle on the replaced file: closing it frees its blocks and pages (about 4 ms for 6 MB), which
      // node's thread pool does while the edit goes on (a commit, the output); the process ending closes it anyway.
      close(fd, () => {});
      return;
    }
    replaced = readFileSync(fd);
  } catch (cause) {
    closeSync(fd);
    throw cause;
  }
  closeSync(fd);
  const kept = join(dirname(file), `${basename(file)}.concurrent-${process.pid}-${nodeCrypto().randomBytes(4).toString('hex')}`);
  writeFileAtomic(kept, replaced, { exclusive: true });
  throw new UserError('WRITE_RACE', `写入 ${file} 的同时，另一个程序也改了它；这次修改已写入，但对方那一版没有进入台账，已原样保存在 ${kept}，请核对后把其中的内容补进台账`);
}

/**
 * Whether the file still holds exactly these bytes: false too when it is no
 * longer a regular file or cannot be read. Opened without blocking, so a FIFO
 * put in its place cannot hang the edit.
 */
export function fileHolds(file: string, bytes: Buffer): boolean {
  let fd;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    return fstatSync(fd).isFile() && holds(fd, bytes);
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/**
 * Compares the file open at `fd` with `bytes`, a piece at a time: no copy of a
 * large ledger is made just to compare it. Reads at explicit positions, so the
 * handle's own position stays where it was.
 */
function holds(fd: number, bytes: Buffer): boolean {
  const piece = Buffer.allocUnsafe(Math.min(1 << 20, bytes.length + 1));
  for (let at = 0; ; ) {
    const n = readSync(fd, piece, 0, piece.length, at);
    if (n === 0) return at === bytes.length;
    if (at + n > bytes.length || !piece.subarray(0, n).equals(bytes.subarray(at, at + n))) return false;
    at += n;
  }
}

/** Makes the rename itself durable; a folder that cannot be opened for sync is left as it is. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on a folder; the rename has happened either way.
  }
}
