import { dirname, isAbsolute, relative } from 'node:path';

/** An absolute path as the user would like to see it: relative to the working folder when inside it. */
export function displayPath(absolute: string): string {
  const shown = relative(process.cwd(), absolute);
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : absolute;
}

/** The folder a ledger's relative paths (registry, calendar/) start from; the working folder for stdin. */
export function ledgerFolder(ledgerFile: string): string {
  return ledgerFile === '-' ? process.cwd() : dirname(ledgerFile);
}
