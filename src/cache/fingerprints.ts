import { readRegularFile } from '../read/read-regular-file.js';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ledgerFolder } from '../read/paths.js';
import { readSourceFile } from '../read/read-file.js';
import type { CacheStore } from './cache-store.js';
import { cacheKeys } from './cache-keys.js';

import { contentHash } from '../read/content-hash.js';
import type { SourceFingerprint } from '../read/load-ledger.js';

export { contentHash };

/** One file's part of a content key: its absolute path (the same from any folder) and content. */
export function fileFingerprint(file: string, bytes: Uint8Array): string {
  return `${resolve(file)}:${contentHash(bytes)}`;
}

/** The content key of files as loaded: what results computed from them depend on. */
export function contentKeyOf(sources: readonly SourceFingerprint[]): string {
  return sources.map((s) => `${resolve(s.file)}:${s.hash}`).join('|');
}

/**
 * The content key loadLedger would produce (ledger and registry), from the
 * files' bytes alone, without parsing; undefined when this ledger text has not
 * been loaded before (its registry's name is only known after parsing).
 */
export function quickContentKey(file: string, cache: CacheStore, ledgerBytes?: Uint8Array): string | undefined {
  const bytes = ledgerBytes ?? readSourceFile(file, { allowLegacy: false }).bytes;
  if (bytes === undefined) return undefined;
  const first = fileFingerprint(file, bytes);
  const registryFile = cache.get<string>(cacheKeys.registryOf(first))?.value;
  if (registryFile === undefined) return undefined;
  if (registryFile === '') return first;
  const registry = readSourceFile(registryFile, { allowLegacy: false });
  return registry.bytes === undefined ? undefined : `${first}|${fileFingerprint(registryFile, registry.bytes)}`;
}

/** Remembers which registry a ledger text names, for quickContentKey. */
export function rememberRegistryOf(cache: CacheStore, ledgerFingerprint: string, registryFile: string | undefined): void {
  const key = cacheKeys.registryOf(ledgerFingerprint);
  const value = registryFile ? resolve(registryFile) : '';
  if (cache.get<string>(key)?.value !== value) cache.set(key, value);
}

/** Identifies the calendar override files beside a ledger (names and content). */
export function calendarFingerprint(ledgerFile: string): string {
  const folder = join(ledgerFolder(ledgerFile), 'calendar');
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return 'none';
  }
  // A calendar file that cannot be read (a FIFO, too large) counts by name; reading it later reports the problem.
  const hash = (n: string) => {
    try {
      return contentHash(readRegularFile(join(folder, n)));
    } catch {
      return 'unreadable';
    }
  };
  return names.map((n) => `${n}:${hash(n)}`).join(',');
}
