import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ledgerExport } from '../../src/query/ledger-export.js';
import { loadLedger } from '../../src/read/load-ledger.js';
import { ledgerShape } from '../../src/schema/ledger-shape.js';
import type { Shape } from '../../src/schema/shape.js';
import { SHIPPED_REGISTRY } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

/**
 * A ledger with every field the shape describes filled in, each free-text
 * field and date with a value of its own, so that one lost on the way shows.
 */
function fullLedger(): { value: unknown; sentinels: Map<string, string> } {
  const sentinels = new Map<string, string>();
  let n = 0;
  let day = 0;
  const sample = (shape: Shape, path: string): unknown => {
    const name = path.split('.').pop()!;
    if (['lead', 'joint', 'sole', 'cooperate'].includes(name) && shape.type === 'array') return [name === 'cooperate' ? '信息中心' : '政策法规司'];
    if (name === 'dept') return '政策法规司';
    if (name === 'number') return '1';
    if (name === 'resolve') return { '各有关司(局)': ['社会救助司'] };
    switch (shape.type) {
      case 'string': {
        if (shape.enum) return shape.enum[0];
        const value = shape.date ? `2021-${String(3 + Math.floor(day / 28)).padStart(2, '0')}-${String(1 + (day++ % 28)).padStart(2, '0')}` : `样本${++n}号`;
        sentinels.set(path, value);
        return value;
      }
      case 'integer':
        return shape.minimum === 2000 ? 2021 : 10;
      case 'boolean':
        return true;
      case 'array':
        return [sample(shape.items, `${path}[]`)];
      case 'object':
        return Object.fromEntries(Object.entries(shape.properties).map(([key, child]) => [key, sample(child, `${path}.${key}`)]));
      case 'anyOf':
        return sample(shape.options[0]!, path);
    }
  };
  const value = sample(ledgerShape, 'ledger') as Record<string, unknown>;
  value.departments = SHIPPED_REGISTRY;
  sentinels.delete('ledger.departments');
  return { value, sentinels };
}

describe('one description of the ledger format', () => {
  it('every field the shape describes is read into the model and comes out of export', async () => {
    const { value, sentinels } = fullLedger();
    const dir = tempDir();
    const file = join(dir, 'ledger.yaml');
    writeFileSync(file, stringify(value));
    const loaded = await loadLedger(file, { cwd: process.cwd() });
    // The sample is a valid ledger as far as the shape goes.
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.ledger).toBeDefined();
    const exported = JSON.stringify(ledgerExport(loaded.ledger!));
    const lost = [...sentinels].filter(([, sentinel]) => !exported.includes(JSON.stringify(sentinel))).map(([path]) => path);
    expect(lost).toEqual([]);
    expect(sentinels.size).toBeGreaterThan(20);
  });
});
