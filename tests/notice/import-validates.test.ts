import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { expectValidateAgrees, importLedger } from './imported-ledger.js';

/**
 * The importer never hands over a ledger its own `validate` refuses without saying so: every notice kept as a
 * fixture (the shipped forms, the other offices, every blind exam) imports to a ledger `validate` accepts, or the
 * import exits non-zero naming each error `validate` will report (the commit hook would refuse the ledger).
 * The blind exams' notices are checked by exams.test.ts, which imports each of them once for its score and for this.
 */

const NOTICE = /\.(txt|html?|docx|xlsx)$/;
const EXAMS = join(FIXTURES, 'exams');

function notices(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return notices(path);
    return NOTICE.test(name) && name !== 'README.md' ? [path] : [];
  });
}

const ALL = notices(FIXTURES).sort();
const HERE = ALL.filter((f) => !f.startsWith(`${EXAMS}/`));

describe('every notice fixture imports to a ledger validate accepts, or the import says why', () => {
  it('finds the fixtures', () => {
    expect(ALL.length).toBeGreaterThan(100);
    expect(ALL.some((f) => f.endsWith('.xlsx')) && ALL.some((f) => f.endsWith('.docx')) && ALL.some((f) => f.endsWith('.html'))).toBe(true);
    expect(HERE.length).toBeGreaterThan(10);
  });

  it.each(HERE.map((f) => [relative(FIXTURES, f), f]))('%s', async (_, notice) => {
    expectValidateAgrees(await importLedger(notice!));
  });
});
