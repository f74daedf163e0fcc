import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { calendarFingerprint } from '../../src/cache/fingerprints.js';
import { indexedLedger } from '../../src/index/item-index.js';
import { contentHash } from '../../src/read/content-hash.js';
import { ledgerLayout } from '../../src/read/ledger-layout.js';
// @ts-expect-error: a plain .mjs script shared with the benchmark
import { generate } from '../bench/generate-ledger.mjs';
import { runCli } from '../helpers/run-cli.js';
import { scaled } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';
import { EDITS, randomFrom } from '../read/hand-edits.js';

const TODAY = '2026-06-01';

/** Each item's hash as the layout cuts the file, computed here one by one. */
function hashesOf(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  return ledgerLayout(bytes)!.items.map((item) => contentHash(bytes.subarray(item.start, item.end)));
}

describe('the index keeps a hash of each run of items', () => {
  it('after hand edits anywhere in a ledger of many runs, every item\'s hash is its own text\'s, only edited items are parsed, and views answer as a cold run', async () => {
    const dir = tempDir();
    // Several runs of 64 items and a short last one.
    generate(300, dir);
    const ledger = join(dir, 'ledger.yaml');
    const cache = join(dir, 'cache');
    const run = (args: string[], cached: boolean) =>
      runCli(['--ledger', ledger, ...args], { cwd: dir, now: () => new Date(`${TODAY}T02:00:00Z`), env: { ...process.env, NO_COLOR: '1', GONGKAI_LEDGER: '', GONGKAI_CACHE_DIR: cache, ...(cached ? {} : { GONGKAI_CACHE: 'off' }) } });
    expect((await run(['status'], true)).code).toBe(0);
    const store = new CacheStore(cache, 200 * 1024 * 1024);
    const indexed = () => indexedLedger(store, ledger, calendarFingerprint(ledger, dir), TODAY, dir);
    const r = randomFrom(6464);
    let text = readFileSync(ledger, 'utf8');
    let reused = 0;
    const rounds = scaled(5, 24);
    for (let round = 0; round < rounds; round++) {
      // A one-item edit (its text longer, its status) moves every later byte; a removed or repeated item shifts every later run.
      const name = r.pick(['text', 'text', 'status', 'removeItem', 'duplicateItem']);
      const good = text;
      const before = hashesOf(text);
      text = EDITS[name]!(text, r);
      writeFileSync(ledger, text);
      let answer = await indexed();
      const direct = answer !== undefined;
      // Whatever the index can say, the views say what a cold run says (a text that no longer parses included).
      for (const args of [['status', '--format', 'json'], ['overdue']]) {
        const cold = await run(args, false);
        expect(await run(args, true), `round ${round}: ${name} ${args.join(' ')}`).toEqual(cold);
      }
      // An item removed or repeated changes the file's skeleton: the whole load above built the index again.
      answer ??= await indexed();
      if (!answer) {
        // The edit left an item that does not parse alone (a quote opened in its text): no index; the next round starts from the last good text.
        text = good;
        writeFileSync(ledger, text);
        await run(['status'], true);
        continue;
      }
      const hashes = hashesOf(text);
      expect(answer.chunkHashes, `round ${round}: ${name}`).toEqual(hashes);
      const changed = hashes.filter((hash, i) => hash !== before[i]).length;
      if (direct && (name === 'text' || name === 'status')) {
        expect(changed).toBeLessThanOrEqual(1);
        expect(answer.parsed, `round ${round}: ${name}`).toBe(changed);
        reused++;
      }
    }
    expect(reused).toBeGreaterThan(0);
  });
});
