import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

/**
 * The importer never hands over a ledger its own `validate` refuses without saying so: every notice kept as a
 * fixture (the shipped forms, the other offices, every blind exam) imports to a ledger `validate` accepts, or the
 * import exits non-zero naming each error `validate` will report (the commit hook would refuse the ledger).
 */

const NOTICE = /\.(txt|html?|docx|xlsx)$/;

function notices(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return notices(path);
    return NOTICE.test(name) && name !== 'README.md' ? [path] : [];
  });
}

const ALL = notices(FIXTURES).sort();

describe('every notice fixture imports to a ledger validate accepts, or the import says why', () => {
  it('finds the fixtures', () => {
    expect(ALL.length).toBeGreaterThan(100);
    expect(ALL.some((f) => f.endsWith('.xlsx')) && ALL.some((f) => f.endsWith('.docx')) && ALL.some((f) => f.endsWith('.html'))).toBe(true);
  });

  it.each(ALL.map((f) => [relative(FIXTURES, f), f]))('%s', async (_, notice) => {
    const dir = tempDir();
    const imported = await runCli(['import', notice!, '-o', 'ledger.yaml'], { cwd: dir });
    // A notice the importer cannot read is refused with a reason and writes nothing.
    if (imported.code === 2) {
      expect(imported.err).toMatch(/错误\[/);
      return;
    }
    const validated = await runCli(['validate', '--format', 'json', '--ledger', 'ledger.yaml'], { cwd: dir });
    const errors = (JSON.parse(validated.out).diagnostics as { severity: string; code: string; message: string; line: number }[]).filter((d) => d.severity === 'error');
    if (!errors.length) return;
    expect(imported.code, `validate refuses what import wrote with exit 0: ${errors.map((e) => e.code).join(', ')}`).toBe(1);
    for (const e of errors) expect(imported.err, `import did not say ${e.code}`).toContain(`ledger.yaml:${e.line}:`);
    for (const e of errors) expect(imported.err).toContain(e.message);
  });
});
