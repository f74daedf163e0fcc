import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Default ceiling on a file gongkai reads: far above a 100,000-item ledger (about 60 MB). */
const DEFAULT_MAX_MB = 256;

/** Why a file was not read: not a regular file (FIFO, device, folder) or over the size limit. */
export class FileRefused extends Error {
  constructor(
    readonly code: 'NOT_A_FILE' | 'FILE_TOO_LARGE',
    message: string,
  ) {
    super(message);
  }
}

/** The size limit in bytes: GONGKAI_MAX_FILE_MB in the run's environment, else 256 MB. */
export function maxFileBytes(env: Readonly<Record<string, string | undefined>>): number {
  const mb = Number(env.GONGKAI_MAX_FILE_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_MB) * 1024 * 1024;
}

const KINDS: [(mode: number) => boolean, string][] = [
  [(m) => (m & constants.S_IFMT) === constants.S_IFDIR, '这是一个目录，不是文件'],
  [(m) => (m & constants.S_IFMT) === constants.S_IFIFO, '这是一个管道（FIFO），不是普通文件'],
  [(m) => (m & constants.S_IFMT) === constants.S_IFCHR || (m & constants.S_IFMT) === constants.S_IFBLK, '这是一个设备，不是普通文件'],
  [(m) => (m & constants.S_IFMT) === constants.S_IFSOCK, '这是一个套接字，不是普通文件'],
];

const tooLarge = (limit: number) =>
  new FileRefused('FILE_TOO_LARGE', `文件超过 ${Math.round((limit / 1024 / 1024) * 100) / 100} MB 的上限，未读取（确需更大可设 GONGKAI_MAX_FILE_MB）`);

/**
 * Reads an open file descriptor to its end, refusing past `limit` bytes (a stream that never ends).
 * `expected`: the size fstat gave, so a regular file is read into one buffer of its size (and one byte more, to
 * see a file that grew), not copied together from pieces. The read that finds the end after a short read is
 * given a few bytes from node's pool: a fresh megabyte for each of the two reads of every small file was an
 * allocation and a mapping of memory each (about 0.1 ms of a cold view, which reads four files).
 */
export function readBounded(fd: number, limit: number, expected = 0): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let short = false;
  for (;;) {
    const wanted = total === 0 ? (expected > 0 ? expected + 1 : 1 << 20) : short ? 64 : 1 << 20;
    const chunk = Buffer.allocUnsafe(Math.min(wanted, limit + 1 - total));
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((cause as NodeJS.ErrnoException).code === 'EOF') break;
      throw cause;
    }
    if (n === 0) break;
    short = n < chunk.length;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > limit) throw tooLarge(limit);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/**
 * Opens a regular file (a symlink to one is fine) of at most `limit` bytes, and gives its descriptor and size.
 * Opened without blocking and checked before reading, so a FIFO cannot hang gongkai and /dev/zero cannot fill
 * its memory. The caller closes the descriptor.
 */
export function openRegularFile(file: string, limit = DEFAULT_MAX_MB * 1024 * 1024): { fd: number; size: number } {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const { mode, size } = fstatSync(fd);
    for (const [is, message] of KINDS) if (is(mode)) throw new FileRefused('NOT_A_FILE', message);
    if ((mode & constants.S_IFMT) !== constants.S_IFREG) throw new FileRefused('NOT_A_FILE', '不是普通文件');
    if (size > limit) throw tooLarge(limit);
    return { fd, size };
  } catch (cause) {
    closeSync(fd);
    throw cause;
  }
}

/** Reads a regular file of at most `limit` bytes whole (openRegularFile). */
export function readRegularFile(file: string, limit = DEFAULT_MAX_MB * 1024 * 1024): Buffer {
  const { fd, size } = openRegularFile(file, limit);
  try {
    // Bounded even so: a file may grow while it is read.
    return readBounded(fd, limit, size);
  } finally {
    closeSync(fd);
  }
}

/**
 * A file's identity on disk as a read of it began (fstat of the descriptor read from), and the clock just
 * before, in nanoseconds: a later stat with the same identity, of a file settled then, says no write came since
 * (edit/write-file-atomic.ts).
 */
export interface SeenFile {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  at: bigint;
}

/** readRegularFile, with the file's identity as the read began. */
export function readRegularFileSeen(file: string, limit = DEFAULT_MAX_MB * 1024 * 1024): { bytes: Buffer; seen: SeenFile } {
  const at = BigInt(Date.now()) * 1_000_000n;
  const { fd, size } = openRegularFile(file, limit);
  try {
    const { dev, ino, size: sizeNow, mtimeNs, ctimeNs } = fstatSync(fd, { bigint: true });
    return { seen: { dev, ino, size: sizeNow, mtimeNs, ctimeNs, at }, bytes: readBounded(fd, limit, size) };
  } finally {
    closeSync(fd);
  }
}

/** The default ceiling on a file's bytes (maxFileBytes without GONGKAI_MAX_FILE_MB). */
export const DEFAULT_MAX_BYTES = DEFAULT_MAX_MB * 1024 * 1024;
