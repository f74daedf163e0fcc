import { spawn } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { scaled } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';

function gongkai(args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, err }));
  });
}

/** Processes started at once, each on its own item: more than the cores (two here), so they meet at the lock. */
const WRITERS = scaled(4, 20);

describe('concurrent edits', () => {
  it(`${WRITERS} \`gongkai set\` processes at once on ${WRITERS} items: all ${WRITERS} changes land and the ledger validates`, async () => {
    const dir = tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const ledger = join(dir, 'ledger.yaml');
    const items = Array.from({ length: WRITERS }, (_, i) => String(i + 1));
    const results = await Promise.all(items.map((n) => gongkai(['--ledger', ledger, 'set', n, '--status', '推进中', '--due', `2021-11-${String(Number(n) + 5).padStart(2, '0')}`, '--force'])));
    for (const r of results) expect(r.code, r.err).toBe(0);
    const text = readFileSync(ledger, 'utf8');
    const exported = JSON.parse((await runCli(['export', '--ledger', ledger])).out);
    for (const n of items) {
      expect(exported.items[Number(n) - 1]).toMatchObject({ number: n, status: 'in_progress', due: `2021-11-${String(Number(n) + 5).padStart(2, '0')}` });
    }
    expect(exported.items.filter((i: { status: string }) => i.status === 'in_progress')).toHaveLength(WRITERS);
    expect(text.match(/status: 推进中/g)).toHaveLength(WRITERS);
    expect((await runCli(['validate', '--ledger', ledger])).code).toBe(0);
  }, 60_000);

  it('takes over a lock left behind by a crashed process', async () => {
    const dir = tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const lock = join(dir, '.ledger.yaml.lock');
    writeFileSync(lock, '99999');
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, minuteAgo, minuteAgo);
    // The lock file is what a crashed process leaves; the edit that finds it runs in this process.
    const result = await runCli(['--ledger', join(dir, 'ledger.yaml'), 'done', '22', '--on', '2021-10-20']);
    expect(result.code, result.err).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect(readFileSync(join(dir, 'ledger.yaml'), 'utf8')).toContain('done_on: 2021-10-20');
  });
});
