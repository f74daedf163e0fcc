import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLedger, type ItemFindingsMemo } from '../../src/check/index.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { contentHash } from '../../src/read/content-hash.js';
import { loadLedger } from '../../src/read/load-ledger.js';
import { FIXTURES, SHIPPED_LEDGER } from '../helpers/paths.js';

function memo() {
  const kept = new Map<string, Diagnostic[][]>();
  let computed = 0;
  const store: ItemFindingsMemo = {
    findings: (f) => kept.get(f),
    keep: (f, d) => {
      computed++;
      kept.set(f, structuredClone(d));
    },
  };
  return { store, fingerprint: (item: unknown) => contentHash(JSON.stringify(item)), computed: () => computed };
}

const ledgers = () => [SHIPPED_LEDGER, ...readdirSync(join(FIXTURES, 'ledgers', 'broken')).map((n) => join(FIXTURES, 'ledgers', 'broken', n)), join(FIXTURES, 'ledgers', 'mca-progress.yaml')];

describe('per-item findings kept between runs', () => {
  it('are the same findings, in the same order, as checking everything at once', async () => {
    for (const file of ledgers()) {
      const loaded = await loadLedger(file, { cwd: process.cwd() });
      if (!loaded.ledger) continue;
      const context = { ledger: loaded.ledger, today: '2021-11-01' };
      const all = checkLedger(context);
      const kept = memo();
      expect(checkLedger(context, 'all', kept), file).toEqual(all);
      expect(checkLedger(context, 'all', kept), file).toEqual(all);
    }
  });

  it('check again only the item that changed', async () => {
    const text = readFileSync(SHIPPED_LEDGER, 'utf8');
    const first = (await loadLedger(SHIPPED_LEDGER, { cwd: process.cwd() })).ledger!;
    const kept = memo();
    checkLedger({ ledger: first, today: '2021-11-01' }, 'all', kept);
    expect(kept.computed()).toBe(35);
    const at = text.indexOf('      - number: "22"');
    const edited = text.slice(0, at) + text.slice(at).replace('cooperate: [', 'cooperate: [信息中新, ');
    const second = (await loadLedger(SHIPPED_LEDGER, { cwd: process.cwd(), override: (f) => (f === SHIPPED_LEDGER ? Buffer.from(edited) : undefined) })).ledger!;
    const found = checkLedger({ ledger: second, today: '2021-11-01' }, 'all', kept);
    expect(kept.computed()).toBe(36);
    expect(found).toEqual(checkLedger({ ledger: second, today: '2021-11-01' }));
    expect(found.some((d) => d.message.includes('信息中新'))).toBe(true);
  });
});
