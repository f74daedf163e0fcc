import { readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** A path as the user would like to see it: relative to the working folder `cwd` when inside it. */
export function displayPath(path: string, cwd: string): string {
  const absolute = resolve(cwd, path);
  const shown = relative(cwd, absolute);
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : absolute;
}

/** The folder a ledger's relative paths (registry, calendar/) start from; the working folder for stdin. */
export function ledgerFolder(ledgerFile: string, cwd: string): string {
  return ledgerFile === '-' ? cwd : dirname(resolve(cwd, ledgerFile));
}

/** The folder of calendar override files beside a ledger, absolute (whether it exists or not). */
export function calendarFolder(ledgerFile: string, cwd: string): string {
  return join(ledgerFolder(ledgerFile, cwd), 'calendar');
}

/**
 * The calendar override files beside a ledger (`calendar/*.yaml`), absolute and
 * sorted; empty when there is no such folder. The one listing both the reader
 * and the cache key use, so the key always names what is read.
 */
export function calendarFiles(ledgerFile: string, cwd: string): string[] {
  const folder = calendarFolder(ledgerFile, cwd);
  try {
    return readdirSync(folder)
      .filter((n) => /\.ya?ml$/.test(n))
      .sort()
      .map((n) => join(folder, n));
  } catch {
    return [];
  }
}
