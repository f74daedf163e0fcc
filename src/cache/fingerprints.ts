import { readRegularFile } from '../read/read-regular-file.js';
import { basename, resolve } from 'node:path';
import { calendarFiles, calendarFolder } from '../read/paths.js';
import { readSourceFile } from '../read/read-file.js';
import type { CacheStore } from './cache-store.js';
import { cacheKeys } from './cache-keys.js';
import { settledStat } from './settled-files.js';

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

/** What quickContentKey learnt of a ledger and its registry when both were settled: [identity on disk, content hash]. */
interface SettledFiles {
  ledger: [stat: string, hash: string];
  /** '' when the ledger names no registry. */
  registry: '' | [path: string, stat: string, hash: string];
}

/**
 * The content key loadLedger would produce (ledger and registry), from the
 * files' bytes alone, without parsing; undefined when this ledger text has not
 * been loaded before (its registry's name is only known after parsing).
 * Files that are settled and as they were when last hashed are not read nor
 * hashed again: their hashes are remembered with their identity on disk.
 * `readLedger` reads the ledger when it must be, giving the hash and size of its bytes (the caller may need
 * more of that read); undefined when it cannot be read as a ledger is.
 */
export function quickContentKey(
  file: string,
  cache: CacheStore,
  cwd: string,
  readLedger: () => { hash: string; size: number } | undefined = () => hashOfBytes(readSourceFile(file, { allowLegacy: false, cwd }).bytes),
  {
    now = Date.now(),
    read: noteRead,
  }: {
    /** The file system's clock (ms), which ctimes are compared with: not the run's today (Io.now), which tests set to other years. */
    now?: number;
    /** Told each file a key is made from (ledger and registry), before it is looked at. */
    read?: (path: string) => void;
  } = {},
): string | undefined {
  const path = resolve(cwd, file);
  // Each file named before it is looked at or read (replay.ts RunInputs).
  noteRead?.(path);
  const memoKey = cacheKeys.settledFiles(path);
  const memo = cache.get<SettledFiles>(memoKey)?.value;
  const stat = settledStat(path, now);
  if (memo && stat !== undefined && memo.ledger[0] === stat) {
    if (memo.registry === '') return `${path}:${memo.ledger[1]}`;
    const [registryPath, registryStat, registryHash] = memo.registry;
    noteRead?.(registryPath);
    if (settledStat(registryPath, now) === registryStat) return `${path}:${memo.ledger[1]}|${registryPath}:${registryHash}`;
  }
  const read = readLedger();
  if (read === undefined) return undefined;
  const ledgerHash = read.hash;
  const first = `${path}:${ledgerHash}`;
  const registryFile = cache.get<string>(cacheKeys.registryOf(first))?.value;
  if (registryFile === undefined) return undefined;
  let key = first;
  // What to remember, when every file read is settled.
  let registry: SettledFiles['registry'] | undefined = '';
  if (registryFile !== '') {
    const registryPath = resolve(cwd, registryFile);
    noteRead?.(registryPath);
    const registryBytes = readSourceFile(registryFile, { allowLegacy: false, cwd }).bytes;
    if (registryBytes === undefined) return undefined;
    const registryHash = contentHash(registryBytes);
    key = `${first}|${registryPath}:${registryHash}`;
    // Taken after reading: a file settled now cannot have changed while it was read.
    const registryStat = settledStat(registryPath, now, registryBytes.length);
    registry = registryStat === undefined ? undefined : [registryPath, registryStat, registryHash];
  }
  const ledgerStat = settledStat(path, now, read.size);
  if (registry !== undefined && ledgerStat !== undefined) {
    const learnt: SettledFiles = { ledger: [ledgerStat, ledgerHash], registry };
    if (JSON.stringify(learnt) !== JSON.stringify(memo)) cache.set(memoKey, learnt);
  }
  return key;
}

/** The hash and size of a file's bytes, as quickContentKey takes them. */
export function hashOfBytes(bytes: Uint8Array | undefined): { hash: string; size: number } | undefined {
  return bytes && { hash: contentHash(bytes), size: bytes.length };
}

/** Remembers which registry a ledger text names, for quickContentKey. */
export function rememberRegistryOf(cache: CacheStore, ledgerFingerprint: string, registryFile: string | undefined, cwd: string): void {
  const key = cacheKeys.registryOf(ledgerFingerprint);
  const value = registryFile ? resolve(cwd, registryFile) : '';
  if (cache.get<string>(key)?.value !== value) cache.set(key, value);
}

/** Identifies the calendar override files beside a ledger (names and content); `read` is told the folder and each file. */
export function calendarFingerprint(ledgerFile: string, cwd: string, read?: (path: string) => void): string {
  read?.(calendarFolder(ledgerFile, cwd));
  const files = calendarFiles(ledgerFile, cwd);
  if (read) for (const file of files) read(file);
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
