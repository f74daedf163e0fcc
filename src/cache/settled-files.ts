import { statSync } from 'node:fs';

/**
 * A file is settled when nothing has changed it for this long (its ctime, which no tool can set back, is
 * older): then an unchanged inode, size, mtime and ctime mean unchanged bytes. Younger, a change within the
 * same timestamp tick could leave all four as they were (git's "racy" files), so its bytes are hashed.
 */
const SETTLED_MS = 3_000;

/**
 * A file's identity on disk when it is settled and holds `size` bytes (when given): device, inode, size,
 * mtime and ctime in ns; undefined otherwise.
 */
export function settledStat(path: string, now: number, size?: number): string | undefined {
  try {
    const info = statSync(path, { bigint: true });
    if (!info.isFile() || Number(info.ctimeMs) > now - SETTLED_MS || (size !== undefined && info.size !== BigInt(size))) return undefined;
    return `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
  } catch {
    return undefined;
  }
}

/**
 * What stands at a path now: `absent`, or a file's or folder's identity (a folder's changes with every name added
 * to it or taken from it); undefined when it is something else (a FIFO, a device) or cannot be looked at.
 * Settled (ctime older than SETTLED_MS before `settledBy`) or not, when `settledBy` is not given.
 */
export function pathIdentity(path: string, settledBy?: number): string | undefined {
  let info;
  try {
    info = statSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (info === undefined) return 'absent';
  if ((settledBy !== undefined && Number(info.ctimeMs) > settledBy - SETTLED_MS) || !(info.isFile() || info.isDirectory())) return undefined;
  return `${info.isFile() ? 'file' : 'folder'}:${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
}

/** What stands at a path, when settled by `now` (pathIdentity); undefined when it changed lately. */
export function settledPath(path: string, now: number): string | undefined {
  return pathIdentity(path, now);
}
