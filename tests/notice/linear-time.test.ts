import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import { scaled } from '../helpers/scale.js';
// @ts-expect-error: a plain .mjs script shared with the benchmark
import { generateNotice } from '../bench/generate-notice.mjs';

/** CPU time of reading a generated notice (CPU, not wall time: the machine is shared). */
function cpuSeconds(items: number): number {
  const text: string = generateNotice(items);
  const started = process.cpuUsage();
  const notice = readNotice(text);
  const used = process.cpuUsage(started);
  expect(notice.items).toHaveLength(items);
  return (used.user + used.system) / 1e6;
}

describe('import time grows linearly with the notice', () => {
  // By default 4 times the items (a quadratic importer costs 16 times as much), 2 000 and 8 000 of them (the reader's
  // ratio there measured 2.6–4.4 on a loaded machine, against the bound of 8); at full size 8 times (64), 5 000 and 40 000.
  const [small, large] = scaled([2_000, 8_000], [5_000, 40_000]);
  const times = large / small;
  it(`${times} times the items costs about ${times} times as much, not ${times * times} (the old importer was quadratic)`, () => {
    cpuSeconds(small / 2); // warm up the JIT
    const ratio = cpuSeconds(large) / cpuSeconds(small);
    // Halfway (in powers) between linear and quadratic.
    expect(ratio).toBeLessThan(times ** 1.5);
  });
});
