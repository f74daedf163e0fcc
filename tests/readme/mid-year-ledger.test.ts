import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { scaled } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';
import { runInProcessShell } from './in-process-shell.js';

/**
 * The shipped mid-year ledger (data/ledger-2021-10.yaml) is made by scripts/make-mid-year-ledger.sh from
 * the shipped notice with gongkai's own commands; the README says so. Run on a copy of data/ and scripts/,
 * with today's clock and (at full size) with one years later, the script must write exactly the shipped bytes: a change to
 * the importer or an edit command that moves the shipped ledger is seen here, and the script must not depend
 * on what day it is run (it once stopped silently after the plan year: setting a deadline earlier than an
 * overdue one is refused as a postponement).
 */
const SHIPPED = readFileSync(join(ROOT, 'data', 'ledger-2021-10.yaml'), 'utf8');

/**
 * Today is already years after the 2021 plan, so today's run meets what the later clock was added for; the later
 * clock (ahead of whatever today is when this runs) at full size only.
 */
const CLOCKS: [string, string | undefined][] = [['today', undefined], ...scaled<[string, string][]>([], [['years after the plan (2031-06-15)', '2031-06-15T03:00:00Z']])];

describe('scripts/make-mid-year-ledger.sh', () => {
  it.each(CLOCKS)('writes the shipped mid-year ledger byte for byte, run %s', async (_when, now) => {
    const copy = tempDir();
    for (const folder of ['data', 'scripts']) cpSync(join(ROOT, folder), join(copy, folder), { recursive: true });
    // In bash -c, $0 is "bash": run from scripts/ so the script's `cd "$(dirname "$0")/.."` lands in the copy.
    const result = await runInProcessShell('. ./make-mid-year-ledger.sh', {
      cwd: join(copy, 'scripts'),
      env: { PATH: process.env.PATH, HOME: copy, LANG: 'C.UTF-8', GONGKAI_CACHE_DIR: join(copy, 'cache') },
      now,
    });
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('已生成 data/ledger-2021-10.yaml');
    expect(result.runs).toBeGreaterThanOrEqual(14);
    // The first line points editors at the schema of the gongkai that wrote the file (here the project's own,
    // since gongkai ran in this process): it is relative to where the ledger is, so it differs by copy.
    const [schemaLine, ...rest] = readFileSync(join(copy, 'data', 'ledger-2021-10.yaml'), 'utf8').split('\n');
    const schema = /^# yaml-language-server: \$schema=(.+)$/.exec(schemaLine!)?.[1];
    expect(schema && resolve(copy, 'data', schema)).toBe(join(ROOT, 'schema', 'ledger.schema.json'));
    expect(rest.join('\n')).toBe(SHIPPED.slice(SHIPPED.indexOf('\n') + 1));
  });
});
