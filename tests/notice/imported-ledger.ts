import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { expect } from 'vitest';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import type { ImportedItem } from './corpus/score.js';

/**
 * One import of a notice fixture, as a user does it (`gongkai import NOTICE -o ledger.yaml`), then
 * `gongkai validate` on what it wrote: the items read (for scoring) and whether the ledger is one
 * `validate` accepts come from the same run, so a fixture is imported once for both.
 */
export interface ImportedLedger {
  notice: string;
  imported: CliResult;
  /** The items of the ledger written, in document order (none when the notice was refused). */
  items: ImportedItem[];
  /** The errors `validate --format json` finds in the ledger written. */
  errors: { code: string; message: string; line: number }[];
}

export async function importLedger(notice: string): Promise<ImportedLedger> {
  const dir = tempDir();
  const imported = await runCli(['import', notice, '-o', 'ledger.yaml'], { cwd: dir });
  if (imported.code === 2) return { notice, imported, items: [], errors: [] };
  const validated = await runCli(['validate', '--format', 'json', '--ledger', 'ledger.yaml'], { cwd: dir });
  const errors = (JSON.parse(validated.out).diagnostics as (ImportedLedger['errors'][number] & { severity: string })[]).filter((d) => d.severity === 'error');
  // The core schema keeps dates as the text the ledger holds (2021-06-30), as `--format json` gives them.
  const ledger = yaml.load(readFileSync(join(dir, 'ledger.yaml'), 'utf8'), { schema: yaml.CORE_SCHEMA }) as { sections: { items: ImportedItem[] }[] };
  return { notice, imported, items: ledger.sections.flatMap((s) => s.items), errors };
}

/**
 * The importer never hands over a ledger its own `validate` refuses without saying so: the ledger is one
 * `validate` accepts, or the import exits non-zero naming each error `validate` reports (the commit hook
 * would refuse the ledger); a notice the importer cannot read is refused with a reason and writes nothing.
 */
export function expectValidateAgrees({ notice, imported, errors }: ImportedLedger): void {
  if (imported.code === 2) {
    expect(imported.err, notice).toMatch(/错误\[/);
    return;
  }
  if (!errors.length) return;
  expect(imported.code, `${notice}: validate refuses what import wrote with exit 0: ${errors.map((e) => e.code).join(', ')}`).toBe(1);
  for (const e of errors) expect(imported.err, `${notice}: import did not say ${e.code}`).toContain(`ledger.yaml:${e.line}:`);
  for (const e of errors) expect(imported.err, notice).toContain(e.message);
}
