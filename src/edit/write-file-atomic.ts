import { accessSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, linkSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { UserError } from '../errors.js';
import { nodeCrypto } from '../read/node-crypto.js';

export interface WriteOptions {
  /** Refuse to replace an existing file (import without --force). */
  exclusive?: boolean;
  /** Write only if the file still holds exactly these bytes, checked again right before the rename. */
  unchangedSince?: Buffer;
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
  assertWritable(file);
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`);
  let old;
  try {
    old = statSync(file);
  } catch {
    old = undefined;
  }
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o600);
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
    fsyncSync(fd);
  } catch (cause) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw cause;
  }
  closeSync(fd);
  // The file being replaced, held open: after the rename its old content can still be read, so a write that
  // slipped in between the last comparison and the rename is found and kept, not lost.
  let watched: number | undefined;
  try {
    options.afterSync?.();
    if (options.unchangedSince) watched = openSync(file, 'r');
    // Compared again here, after the slow fsync: the window left is this read and the rename.
    if (options.unchangedSince && !fileHolds(file, options.unchangedSince)) {
      rmSync(temp, { force: true });
      closeSync(watched!);
      return false;
    }
    options.beforeRename?.();
    if (options.exclusive) {
      // A hard link fails if the target exists, so a file created meanwhile is never replaced.
      linkSync(temp, file);
      rmSync(temp);
    } else {
      renameSync(temp, file);
    }
  } catch (cause) {
    rmSync(temp, { force: true });
    if (watched !== undefined) closeSync(watched);
    throw permissionRefusal(cause, file) ?? cause;
  }
  syncFolder(dirname(file));
  if (watched !== undefined) keepConcurrentWrite(file, watched, options.unchangedSince!);
  return true;
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
    if (holds(fd, expected)) return;
    replaced = readFileSync(fd);
  } finally {
    closeSync(fd);
  }
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
