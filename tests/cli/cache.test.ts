import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { FULL_SIZE } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';

function setUp() {
  const dir = tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
  const cache = join(dir, 'cache');
  const run = (expectedExit: number, args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, '--ledger', join(dir, 'ledger.yaml'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', GONGKAI_CACHE_DIR: cache, GONGKAI_LEDGER: '' },
    });
    expect(result.status, result.stderr).toBe(expectedExit);
    return result.stdout;
  };
  /** Runs gongkai and expects exit 0; `failing` expects exit 1 (findings). */
  const gongkai = (...args: string[]) => run(0, args);
  const failing = (...args: string[]) => run(1, args);
  /**
   * The same in this process, with the same cache folder (exit 0): for what the folder holds after an edit, not which
   * process wrote it. A real process at full size.
   */
  const sameFolder = async (...args: string[]) => {
    if (FULL_SIZE) return gongkai(...args);
    const result = await runCli(['--ledger', join(dir, 'ledger.yaml'), ...args], { env: { NO_COLOR: '1', GONGKAI_CACHE_DIR: cache, GONGKAI_LEDGER: '' }, now: () => new Date() });
    expect(result.code, result.err).toBe(0);
    return result.out;
  };
  return { dir, cache, gongkai, failing, sameFolder };
}

const row22 = (out: string) => out.split('\n').find((l) => /^\s+22\s/.test(l));

describe('the cache is never stale', () => {
  // A hand edit of the ledger, seen by the next validate (located anew) and the next status: tests/cache/cache.test.ts.
  it('shows an edit of the registry, and of the calendar overrides', async () => {
    const { dir, sameFolder } = setUp();
    expect(await sameFolder('status', '--as-of', '2021-10-08')).not.toContain('信息技术中心');
    const registry = join(dir, 'departments.yaml');
    writeFileSync(registry, readFileSync(registry, 'utf8').replace('  - name: 信息中心\n', '  - name: 信息技术中心\n    aliases: [信息中心]\n'));
    expect(await sameFolder('status', '--as-of', '2021-10-08')).toContain('信息技术中心');
    const before = row22(await sameFolder('status', '--dept', '信息中心', '--as-of', '2021-12-24'));
    expect(before).toContain('剩余 7 天（5 个工作日）');
    mkdirSync(join(dir, 'calendar'));
    // An office that gave 2021-12-27..31 off (made up, to see the override take effect).
    writeFileSync(join(dir, 'calendar', '2021.yaml'), 'year: 2021\nholidays: [2021-12-27, 2021-12-28, 2021-12-29, 2021-12-30, 2021-12-31]\nworkdays: []\n');
    expect(row22(await sameFolder('status', '--dept', '信息中心', '--as-of', '2021-12-24'))).toContain('剩余 7 天（0 个工作日）');
  });

  // Entries written, then spoilt before the next run reads them. Entries are checked, and written, by the same code
  // whichever process wrote them (as in tests/cache/cache.test.ts, 'a cache that cannot be trusted'): in this process
  // by default, real processes at full size.
  it('ignores cache entries it cannot trust', async () => {
    const { cache, sameFolder } = setUp();
    const first = await sameFolder('overdue', '--as-of', '2022-01-10');
    for (const name of readdirSync(cache)) writeFileSync(join(cache, name), '{"format":"gongkai-parse-1","key":"forged","value":{}}');
    expect(await sameFolder('overdue', '--as-of', '2022-01-10')).toBe(first);
    for (const name of readdirSync(cache)) writeFileSync(join(cache, name), 'not json');
    expect(await sameFolder('overdue', '--as-of', '2022-01-10')).toBe(first);
  });
});
