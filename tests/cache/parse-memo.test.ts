import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKeys } from '../../src/cache/cache-keys.js';
import { CacheStore } from '../../src/cache/cache-store.js';
import type { StoredParse } from '../../src/read/parse-memo.js';
// @ts-expect-error: a plain .mjs script shared with the benchmark
import { generate } from '../bench/generate-ledger.mjs';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

describe('the parse kept for a ledger file', () => {
  it('follows the file when it shrinks: a smaller ledger at the same path does not keep reading the larger one', async () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const larger = tempDir();
    const smaller = tempDir();
    // The same generator and seed: the smaller ledger's items are the larger's first ones, byte for byte, so
    // every one of them is found in the larger ledger's kept parse.
    generate(200, larger);
    generate(20, smaller);
    writeFileSync(join(dir, 'departments.yaml'), readFileSync(join(larger, 'departments.yaml')));
    const ledger = join(dir, 'ledger.yaml');
    const exportJson = () => runCli(['export', '--format', 'json', '--ledger', ledger], { cwd: dir, env: { NO_COLOR: '1', GONGKAI_CACHE_DIR: cache } });
    const keptItems = () => new CacheStore(cache, 200 * 1024 * 1024).get<StoredParse>(cacheKeys.parsedFile(ledger))?.value.table?.order.length;

    writeFileSync(ledger, readFileSync(join(larger, 'ledger.yaml')));
    expect((await exportJson()).code).toBe(0);
    expect(keptItems()).toBe(200);
    writeFileSync(ledger, readFileSync(join(smaller, 'ledger.yaml')));
    const after = await exportJson();
    expect(after.code).toBe(0);
    expect(after.out).toBe((await runCli(['export', '--format', 'json', '--ledger', ledger], { cwd: dir, env: { NO_COLOR: '1', GONGKAI_CACHE: 'off' } })).out);
    // Kept anew with the 20 items, not as a change against the 200 that every later run would read.
    expect(keptItems()).toBe(20);
  });
});
