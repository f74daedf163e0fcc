import { describe, expect, it } from 'vitest';
import { scaled } from '../helpers/scale.js';
import { fuzzNotices } from './notice-fuzz-run.js';

/** Mutated real notices, random tables, cut-off files: by default the first 20 of this seed, which reach every outcome (exit 0, 1 and 2; the first exit 0 comes after the 16th); the full size for CI. */
const NOTICES = scaled(20, 1000);

describe('notice fuzzing (fixed seed, bounded)', () => {
  it(`${NOTICES} mutated notices and random tables through import: never exit 70, never a stack trace, JSON that parses`, async () => {
    const counts = await fuzzNotices(20261205, { count: NOTICES });
    expect(counts.notices).toBe(NOTICES);
    expect(counts.failures.map((f) => `notice ${f.index}: ${f.problem}`)).toEqual([]);
    // The mutations reach every outcome: sure imports, flagged imports and refusals.
    expect(Object.keys(counts.exitCodes).sort()).toEqual(['0', '1', '2']);
  }, 400_000);
});
