import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** A test run's folder is this prefix and the pid of the run's main process (vitest.config.ts). */
export const RUN_PREFIX = 'gongkai-test-run-';

/**
 * Removes from `scratch` the run folders of processes that are gone, and the one named for `self` (the run
 * starting now: any folder with its pid was left by an earlier process that had it). vitest.config.ts calls this
 * once, in the run's main process, before anything uses the run's folder.
 */
export function removeLeftRuns(scratch: string, self: number): void {
  for (const name of readdirSync(scratch)) {
    const pid = name.startsWith(RUN_PREFIX) ? Number(name.slice(RUN_PREFIX.length)) : NaN;
    if (!Number.isInteger(pid) || (pid !== self && existsSync(`/proc/${pid}`))) continue;
    try {
      rmSync(join(scratch, name), { recursive: true, force: true });
    } catch {
      // Another user's, say: not ours to remove.
    }
  }
}
