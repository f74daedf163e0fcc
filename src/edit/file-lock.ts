import { UserError } from '../errors.js';
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const STALE_MS = 30_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes an exclusive lock on `file` (a `.name.lock` file created with O_EXCL
 * beside it), so concurrent gongkai edits take turns; returns the release.
 * A lock older than 30 s is taken as left by a crashed process and removed.
 */
export function acquireLock(file: string, timeoutMs = 20_000): () => void {
  const lock = join(dirname(file), `.${basename(file)}.lock`);
  const deadline = Date.now() + timeoutMs;
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_MS) rmSync(lock, { force: true });
      } catch {
        // Removed meanwhile by its owner: try again.
      }
      if (Date.now() > deadline) throw new UserError(`台账正被另一个进程编辑（锁文件 ${lock}）；稍后再试，若确无其他进程可删除该锁文件`);
      sleep(10 + Math.random() * 40);
    }
  }
  const held = fd;
  return () => {
    closeSync(held);
    rmSync(lock, { force: true });
  };
}
