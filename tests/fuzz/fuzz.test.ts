import { describe, expect, it } from 'vitest';
import { fuzz } from './fuzz-run.js';
import { scaled } from '../helpers/scale.js';

/** Mutated ledgers: by default a few more than the first 6 of this seed, which already reach every outcome (exit 0, 1 and 2); the full size for CI. */
const LEDGERS = scaled(8, 1000);

describe('fuzzing (fixed seed, bounded)', () => {
  // About 15 s of CPU at full size, well under 1 s by default; the timeout is only a guard against a hang.
  it(`${LEDGERS} mutated ledgers through validate, a view and an edit: never exit 70, never a stack trace, refused edits change nothing`, async () => {
    const counts = await fuzz(20211008, { count: LEDGERS });
    expect(counts.ledgers).toBe(LEDGERS);
    expect(counts.failures.map((f) => `ledger ${f.index}, gongkai ${f.command.join(' ')}: ${f.problem}`)).toEqual([]);
    // The mutations reach every outcome: ledgers that still work, findings and refusals.
    expect(Object.keys(counts.exitCodes).sort()).toEqual(['0', '1', '2']);
  }, 400_000);
});
