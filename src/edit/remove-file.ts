import { unlinkSync } from 'node:fs';

/**
 * Removes a file if it is there (rmSync with force, for a file): node's rmSync loads its recursive remover
 * (internal/fs/rimraf) for any path, at every edit, for the lock and temp files an edit removes.
 */
export function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
  }
}
