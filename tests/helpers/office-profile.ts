import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTempDir } from './temp.js';

/**
 * Runs LibreOffice (`soffice`) with a profile of its own in `dir` (several test files, and other users, may run
 * soffice at once). LibreOffice makes a new profile by starting twice; the first run in a test run keeps its
 * profile under GONGKAI_TEST_RUN_DIR and later runs start from a copy of it, once.
 */
export function withOfficeProfile<T>(dir: string, run: (userInstallation: string) => T): T {
  const runDir = process.env.GONGKAI_TEST_RUN_DIR;
  const kept = runDir ? join(runDir, 'lo-profile') : undefined;
  const profile = join(dir, '.lo-profile');
  if (kept && existsSync(kept)) cpSync(kept, profile, { recursive: true });
  const result = run(`-env:UserInstallation=file://${profile}`);
  if (kept && !existsSync(kept) && existsSync(profile)) {
    // Copied aside, then renamed into place: another test file may be keeping its own at the same moment.
    const aside = runTempDir('lo-profile');
    cpSync(profile, aside, { recursive: true });
    try {
      renameSync(aside, kept);
    } catch {
      rmSync(aside, { recursive: true, force: true });
    }
  }
  return result;
}
