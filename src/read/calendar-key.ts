import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contentHash } from './parse-cache.js';

/** Identifies the override files' names and content, for cache keys. */
export function calendarOverridesKey(ledgerFile: string): string {
  const folder = join(ledgerFile === '-' ? process.cwd() : dirname(ledgerFile), 'calendar');
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return 'none';
  }
  return names.map((n) => `${n}:${contentHash(readFileSync(join(folder, n)))}`).join(',');
}
