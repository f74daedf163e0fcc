import { resolve } from 'node:path';
import { contentHash, type ParseCache } from './parse-cache.js';
import { readSourceFile } from './read-file.js';

/**
 * The same content key loadLedger would produce, from the files' bytes alone
 * (no parsing); undefined when this ledger text has not been loaded before.
 */
export function quickContentKey(file: string, cache: ParseCache): string | undefined {
  const ledger = readSourceFile(file, { allowLegacy: false });
  if (ledger.bytes === undefined) return undefined;
  const first = `${resolve(file)}:${contentHash(ledger.bytes)}`;
  const registryFile = cache.get<string>(`registry-path:${first}`)?.value;
  if (registryFile === undefined) return undefined;
  if (registryFile === '') return first;
  const registry = readSourceFile(registryFile, { allowLegacy: false });
  return registry.bytes === undefined ? undefined : `${first}|${registryFile}:${contentHash(registry.bytes)}`;
}
