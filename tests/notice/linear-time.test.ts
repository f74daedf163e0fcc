import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
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
  it('8 times the items costs about 8 times as much, not 64 (the old importer was quadratic)', () => {
    cpuSeconds(2_000); // warm up the JIT
    const small = cpuSeconds(5_000);
    const large = cpuSeconds(40_000);
    expect(large / small).toBeLessThan(20);
  });
});
