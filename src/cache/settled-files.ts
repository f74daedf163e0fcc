import { statSync, type BigIntStats } from 'node:fs';

/**
 * A file is settled when nothing has changed it for this long (its ctime, which no tool can set back, is
 * older): then an unchanged inode, size, mtime and ctime mean unchanged bytes. Younger, a change within the
 * same timestamp tick could leave all four as they were (git's "racy" files), so its bytes are hashed.
 */
const SETTLED_MS = 3_000;

const settled = (info: BigIntStats, now: number) => Number(info.ctimeMs) <= now - SETTLED_MS;

/** What stat says of a file or folder that changes with its content: device, inode, size, mtime and ctime in ns. */
const identityOf = (info: BigIntStats) => `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;

/** A file's identity on disk (identityOf) when it is settled and holds `size` bytes (when given); undefined otherwise. */
export function settledStat(path: string, now: number, size?: number): string | undefined {
  try {
    const info = statSync(path, { bigint: true });
    if (!info.isFile() || !settled(info, now) || (size !== undefined && info.size !== BigInt(size))) return undefined;
    return identityOf(info);
  } catch {
    return undefined;
  }
}

/**
 * What stands at a path: `absent`, or a file's or folder's identity (a folder's changes with every name added
 * to it or taken from it); undefined when it is something else (a FIFO, a device), cannot be looked at, or —
 * when `settledBy` is given — changed less than SETTLED_MS before it.
 */
export function pathIdentity(path: string, settledBy?: number): string | undefined {
  let info;
  try {
    info = statSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (info === undefined) return 'absent';
  if ((settledBy !== undefined && !settled(info, settledBy)) || !(info.isFile() || info.isDirectory())) return undefined;
  return `${info.isFile() ? 'file' : 'folder'}:${identityOf(info)}`;
}
