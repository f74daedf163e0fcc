import { readRegularFile } from '../read/read-regular-file.js';
import { basename, resolve } from 'node:path';
import { calendarFiles } from '../read/paths.js';
import { readSourceFile } from '../read/read-file.js';
import type { CacheStore } from './cache-store.js';
import { cacheKeys } from './cache-keys.js';

import { contentHash } from '../read/content-hash.js';
import type { SourceFingerprint } from '../read/load-ledger.js';

export { contentHash };

/** One file's part of a content key: its absolute path (the same from any folder) and content. */
export function fileFingerprint(file: string, bytes: Uint8Array, cwd: string): string {
  return `${resolve(cwd, file)}:${contentHash(bytes)}`;
}

/** The content key of files as loaded: what results computed from them depend on. */
export function contentKeyOf(sources: readonly SourceFingerprint[], cwd: string): string {
  return sources.map((s) => `${resolve(cwd, s.file)}:${s.hash}`).join('|');
}

/**
 * The content key loadLedger would produce (ledger and registry), from the
 * files' bytes alone, without parsing; undefined when this ledger text has not
 * been loaded before (its registry's name is only known after parsing).
 */
export function quickContentKey(file: string, cache: CacheStore, cwd: string, ledgerBytes?: Uint8Array): string | undefined {
  const bytes = ledgerBytes ?? readSourceFile(file, { allowLegacy: false, cwd }).bytes;
  if (bytes === undefined) return undefined;
  const first = fileFingerprint(file, bytes, cwd);
  const registryFile = cache.get<string>(cacheKeys.registryOf(first))?.value;
  if (registryFile === undefined) return undefined;
  if (registryFile === '') return first;
  const registry = readSourceFile(registryFile, { allowLegacy: false, cwd });
  return registry.bytes === undefined ? undefined : `${first}|${fileFingerprint(registryFile, registry.bytes, cwd)}`;
}

/** Remembers which registry a ledger text names, for quickContentKey. */
export function rememberRegistryOf(cache: CacheStore, ledgerFingerprint: string, registryFile: string | undefined, cwd: string): void {
  const key = cacheKeys.registryOf(ledgerFingerprint);
  const value = registryFile ? resolve(cwd, registryFile) : '';
  if (cache.get<string>(key)?.value !== value) cache.set(key, value);
}

/** Identifies the calendar override files beside a ledger (names and content). */
export function calendarFingerprint(ledgerFile: string, cwd: string): string {
  const files = calendarFiles(ledgerFile, cwd);
  if (!files.length) return 'none';
  // A calendar file that cannot be read (a FIFO, too large) counts by name; reading it later reports the problem.
  const hash = (path: string) => {
    try {
      return contentHash(readRegularFile(path));
    } catch {
      return 'unreadable';
    }
  };
  return files.map((path) => `${basename(path)}:${hash(path)}`).join(',');
}
