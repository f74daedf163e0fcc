import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { cacheKeys } from '../../src/cache/cache-keys.js';
import { hashOfBytes, quickContentKey } from '../../src/cache/fingerprints.js';
import { contentHash } from '../../src/read/content-hash.js';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

/** A copy of the shipped ledger and registry, with a cache that already knows which registry the ledger names (as after a first view). */
function setUp() {
  const dir = tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
  const ledger = join(dir, 'ledger.yaml');
  const registry = join(dir, 'departments.yaml');
  mkdirSync(join(dir, 'cache'), { mode: 0o700 });
  const cache = new CacheStore(join(dir, 'cache'), 200 * 1024 * 1024);
  const remember = () => cache.set(cacheKeys.registryOf(`${ledger}:${contentHash(readFileSync(ledger))}`), registry);
  remember();
  let reads = 0;
  const readLedger = () => {
    reads++;
    return hashOfBytes(readFileSync(ledger));
  };
  const keyOf = (now: number) => quickContentKey('ledger.yaml', cache, dir, readLedger, { now });
  const expected = () => `${ledger}:${contentHash(readFileSync(ledger))}|${registry}:${contentHash(readFileSync(registry))}`;
  return { dir, ledger, registry, cache, remember, keyOf, expected, reads: () => reads };
}

// The files were written just now; a clock 10 s ahead sees them as settled (no change for longer than the margin).
const later = () => Date.now() + 10_000;

describe('files nobody changed lately are known by their identity on disk', () => {
  it('gives the key of the bytes, and the next time the same key without reading or hashing the ledger', () => {
    const { keyOf, expected, reads } = setUp();
    expect(keyOf(later())).toBe(expected());
    expect(reads()).toBe(1);
    expect(keyOf(later())).toBe(expected());
    expect(keyOf(later())).toBe(expected());
    expect(reads()).toBe(1);
  });

  it('reads and hashes again a file replaced since (another inode), and a registry edited since', () => {
    const { dir, ledger, registry, remember, keyOf, expected, reads } = setUp();
    keyOf(later());
    const text = readFileSync(ledger, 'utf8');
    // Same length, other bytes, written as editors do: a new file renamed over the old.
    writeFileSync(join(dir, 'new.yaml'), text.replace('民政部', '民政厅'));
    renameSync(join(dir, 'new.yaml'), ledger);
    remember();
    expect(keyOf(later())).toBe(expected());
    expect(reads()).toBe(2);
    writeFileSync(join(dir, 'new-registry.yaml'), `${readFileSync(registry, 'utf8')}\n`);
    renameSync(join(dir, 'new-registry.yaml'), registry);
    expect(keyOf(later())).toBe(expected());
    expect(reads()).toBe(3);
  });

  it('does not trust a file changed within the last seconds: its bytes are read and hashed every time', () => {
    const { keyOf, expected, reads } = setUp();
    for (let i = 1; i <= 3; i++) {
      expect(keyOf(Date.now())).toBe(expected());
      expect(reads()).toBe(i);
    }
  });
});
