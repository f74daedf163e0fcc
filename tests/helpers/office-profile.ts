import { cpSync, existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './paths.js';
import { findTool } from './tools.js';

/**
 * Where a made LibreOffice profile is kept between test runs on this machine (beside vitest's and tsgo's caches in
 * node_modules/.cache): named by the soffice binary's size and time, so another LibreOffice makes its own. Making
 * one takes LibreOffice a second start, about 1.7 s of CPU per run of the suite.
 */
function keptAcrossRuns(): string | undefined {
  const soffice = findTool('soffice');
  if (!soffice) return undefined;
  const binary = statSync(realpathSync(soffice));
  return join(ROOT, 'node_modules', '.cache', 'gongkai', `lo-profile-${binary.size}-${Math.trunc(binary.mtimeMs)}`);
}

/**
 * Copies a profile folder to `to` atomically (beside it, then renamed: on the same file system): another test file
 * may keep its own at the same moment.
 */
function keepCopy(from: string, to: string): void {
  const aside = `${to}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, aside, { recursive: true });
    renameSync(aside, to);
  } catch {
    rmSync(aside, { recursive: true, force: true });
  }
}

/**
 * Runs LibreOffice (`soffice`) with a profile of its own in `dir` (several test files, and other users, may run
 * soffice at once). LibreOffice makes a new profile by starting twice; the first run makes one and keeps it, under
 * GONGKAI_TEST_RUN_DIR for this run and in node_modules/.cache for the next, and later runs start from a copy of it.
 */
export function withOfficeProfile<T>(dir: string, run: (userInstallation: string) => T): T {
  const runDir = process.env.GONGKAI_TEST_RUN_DIR;
  const kept = runDir ? join(runDir, 'lo-profile') : undefined;
  const lasting = keptAcrossRuns();
  const profile = join(dir, '.lo-profile');
  const from = [kept, lasting].find((folder) => folder && existsSync(folder));
  if (from) cpSync(from, profile, { recursive: true });
  const result = run(`-env:UserInstallation=file://${profile}`);
  if (existsSync(profile)) for (const to of [kept, lasting]) if (to && !existsSync(to)) keepCopy(profile, to);
  return result;
}
