import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { dueRight, matchUnits, type ImportedItem, type Unit } from './corpus/score.js';

/**
 * The score sheet of the shared score-notices.py, as a test: five real notices of
 * other offices, 23 hand-labelled units. Units are matched to imported items in
 * document order by their roles (numbering does not matter), then the deadline
 * is compared: an ISO date with `due`, 'ongoing' with status 持续推进.
 */

const NOTICES = join(FIXTURES, 'notices');

const units: Unit[] = JSON.parse(readFileSync(join(NOTICES, 'expected.json'), 'utf8')).units;

describe('import on real notices of other offices (tests/fixtures/notices, expected.json)', async () => {
  const byFile = new Map<string, Unit[]>();
  for (const unit of units) byFile.set(unit.file, [...(byFile.get(unit.file) ?? []), unit]);
  const results: { unit: Unit; right: boolean; flagged: boolean; why: string }[] = [];
  for (const [file, fileUnits] of byFile) {
    const notice = readdirSync(NOTICES).find((n) => n.startsWith(file) && n.endsWith('.txt'))!;
    const run = await runCli(['import', join(NOTICES, notice), '--format', 'json']);
    const items: ImportedItem[] = run.out ? JSON.parse(run.out).sections.flatMap((s: { items: ImportedItem[] }) => s.items) : [];
    for (const { unit, item } of matchUnits(fileUnits, items)) {
      const right = !!item && dueRight(item, unit.due);
      // A unit that is not right must be listed on stderr (by its number) — never silently wrong.
      const flagged = !item ? run.code === 1 : run.code === 1 && run.err.includes(`第 ${item.number} 项：`);
      results.push({ unit, right, flagged, why: item ? `due ${item.due} ${item.status}` : 'no item with these roles' });
    }
  }

  it('reads at least 43 of the 44 units with exactly the right roles and deadline', () => {
    expect(units).toHaveLength(44);
    const right = results.filter((r) => r.right).length;
    expect(right, results.filter((r) => !r.right).map((r) => `${r.unit.file} ${r.unit.key}: ${r.why}`).join('\n')).toBeGreaterThanOrEqual(43);
  });

  it('flags every unit it does not read right', () => {
    expect(results.filter((r) => !r.right && !r.flagged).map((r) => `${r.unit.file} ${r.unit.key}`)).toEqual([]);
  });

  it.each(['02', '04', '06', '07', '08', '09', '10', '13', '14', '15'])('the ledger imported from %s loads and validates: the only errors are units cut off where the page ends', async (file) => {
    const notice = readdirSync(NOTICES).find((n) => n.startsWith(file) && n.endsWith('.txt'))!;
    const out = join(tempDir(), 'ledger.yaml');
    await runCli(['import', join(NOTICES, notice), '-o', out]);
    const validated = JSON.parse((await runCli(['validate', '--ledger', out, '--format', 'json'])).out);
    const errors = validated.diagnostics.filter((d: { severity: string }) => d.severity === 'error').map((d: { code: string }) => d.code);
    expect(errors.filter((code: string) => code !== 'NO_ACCOUNTABLE')).toEqual([]);
    expect(errors.length).toBeLessThanOrEqual(1);
  });
});
