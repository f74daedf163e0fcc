import { describe, expect, it } from 'vitest';
import { fuzz } from './fuzz-run.js';

describe('fuzzing (fixed seed, bounded)', () => {
  // About 15 s of CPU; the wall-clock limit is generous because the suite shares a loaded machine.
  it('1,000 mutated ledgers through validate, a view and an edit: never exit 70, never a stack trace, refused edits change nothing', async () => {
    const counts = await fuzz(20211008, { count: 1000 });
    expect(counts.ledgers).toBe(1000);
    expect(counts.failures.map((f) => `ledger ${f.index}, gongkai ${f.command.join(' ')}: ${f.problem}`)).toEqual([]);
    // The mutations reach every outcome: ledgers that still work, findings and refusals.
    expect(Object.keys(counts.exitCodes).sort()).toEqual(['0', '1', '2']);
  }, 400_000);
});
