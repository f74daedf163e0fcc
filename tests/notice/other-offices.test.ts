import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { dueRight, matchUnits, type Unit } from './corpus/score.js';
import { importLedger, type ImportedLedger } from './imported-ledger.js';

/**
 * The score sheet of the shared score-notices.py, as a test: five real notices of
 * other offices, 23 hand-labelled units. Units are matched to imported items in
 * document order by their roles (numbering does not matter), then the deadline
 * is compared: an ISO date with `due`, 'ongoing' with status 持续推进.
 */

const NOTICES = join(FIXTURES, 'notices');

const units: Unit[] = JSON.parse(readFileSync(join(NOTICES, 'expected.json'), 'utf8')).units;

describe('import on real notices of other offices (tests/fixtures/notices, expected.json)', () => {
  const byFile = new Map<string, Unit[]>();
  for (const unit of units) byFile.set(unit.file, [...(byFile.get(unit.file) ?? []), unit]);
  const noticeOf = (file: string) => join(NOTICES, readdirSync(NOTICES).find((n) => n.startsWith(file) && n.endsWith('.txt'))!);
  // Each notice imported once (-o ledger.yaml, then validate), in the first test that needs it: the score and the ledger's check share it.
  const imports = new Map<string, Promise<ImportedLedger>>();
  const imported = (file: string) => imports.get(file) ?? imports.set(file, importLedger(noticeOf(file))).get(file)!;
  let scored: Promise<{ unit: Unit; right: boolean; flagged: boolean; why: string }[]> | undefined;
  const results = () =>
    (scored ??= (async () => {
      const out: { unit: Unit; right: boolean; flagged: boolean; why: string }[] = [];
      for (const [file, fileUnits] of byFile) {
        const { imported: run, items } = await imported(file);
        for (const { unit, item } of matchUnits(fileUnits, items)) {
          const right = !!item && dueRight(item, unit.due);
          // A unit that is not right must be listed on stderr (by its number) — never silently wrong.
          const flagged = !item ? run.code === 1 : run.code === 1 && run.err.includes(`第 ${item.number} 项：`);
          out.push({ unit, right, flagged, why: item ? `due ${item.due} ${item.status}` : 'no item with these roles' });
        }
      }
      return out;
    })());

  it('reads at least 43 of the 44 units with exactly the right roles and deadline', async () => {
    expect(units).toHaveLength(44);
    const all = await results();
    const right = all.filter((r) => r.right).length;
    expect(right, all.filter((r) => !r.right).map((r) => `${r.unit.file} ${r.unit.key}: ${r.why}`).join('\n')).toBeGreaterThanOrEqual(43);
  });

  it('flags every unit it does not read right', async () => {
    expect((await results()).filter((r) => !r.right && !r.flagged).map((r) => `${r.unit.file} ${r.unit.key}`)).toEqual([]);
  });

  it.each(['02', '04', '06', '07', '08', '09', '10', '13', '14', '15'])('the ledger imported from %s loads and validates: the only errors are units cut off where the page ends', async (file) => {
    const { imported: run, errors } = await imported(file);
    expect(run.code).not.toBe(2);
    const codes = errors.map((d) => d.code);
    expect(codes.filter((code) => code !== 'NO_ACCOUNTABLE')).toEqual([]);
    expect(codes.length).toBeLessThanOrEqual(1);
  });
});
