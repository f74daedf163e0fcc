import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ledgerFolder } from './paths.js';
import { contentHash } from './parse-cache.js';

/** Identifies the override files' names and content, for cache keys. */
export function calendarOverridesKey(ledgerFile: string): string {
  const folder = join(ledgerFolder(ledgerFile), 'calendar');
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return 'none';
  }
  return names.map((n) => `${n}:${contentHash(readFileSync(join(folder, n)))}`).join(',');
}
