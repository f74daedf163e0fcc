import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a file so that readers see the old or the new content, never half:
 * a temp file in the same folder, fsync, then rename over the target.
 * `exclusive` refuses to replace an existing file (import without --force).
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: { exclusive?: boolean } = {}): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(file).mode & 0o777;
  } catch {
    mode = undefined;
  }
  const fd = openSync(temp, 'wx', mode ?? 0o644);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (options.exclusive) {
      // A hard link fails if the target exists, so a file created meanwhile is never replaced.
      linkSync(temp, file);
      rmSync(temp);
    } else {
      renameSync(temp, file);
    }
  } catch (cause) {
    rmSync(temp, { force: true });
    throw cause;
  }
}
