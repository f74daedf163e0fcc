import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { samePlainValue } from '../../src/edit/same-plain-value.js';
import { scaled } from '../helpers/scale.js';
import { randomFrom } from '../read/hand-edits.js';

type R = ReturnType<typeof randomFrom>;
const LEAVES = [null, undefined, true, false, 0, -0, 1, 1.5, NaN, Infinity, '', '0', '1', 'true', 'null', '未启动', '2021-10-08'];

/** A value as YAML gives one: maps, lists and scalars, a few levels deep. */
function value(r: R, depth = 0): unknown {
  const kind = depth > 3 ? 0 : r.int(4);
  if (kind === 0 || kind === 1) return r.pick(LEAVES);
  if (kind === 2) return Array.from({ length: r.int(4) }, () => value(r, depth + 1));
  return Object.fromEntries(Array.from({ length: r.int(4) }, () => [r.pick(['a', 'b', 'due', 'progress', '0', '1', 'length']), value(r, depth + 1)]));
}

/** A copy of a value with one change at some depth, or its keys in another order, or none. */
function changed(v: unknown, r: R): unknown {
  if (v === null || typeof v !== 'object') return r.int(3) === 0 ? r.pick(LEAVES) : v;
  if (Array.isArray(v)) {
    const copy = v.map((x) => (r.int(3) === 0 ? changed(x, r) : x));
    const step = r.int(8);
    if (step === 0) copy.push(value(r));
    if (step === 1) copy.pop();
    if (step === 2) return Object.fromEntries(copy.map((x, i) => [String(i), x]));
    return copy;
  }
  const entries = Object.entries(v).map(([k, x]) => [k, r.int(3) === 0 ? changed(x, r) : x] as [string, unknown]);
  const step = r.int(8);
  if (step === 0) entries.reverse();
  if (step === 1) entries.push([r.pick(['a', 'z', 'due']), value(r)]);
  if (step === 2) entries.pop();
  if (step === 3) return entries.map(([, x]) => x);
  return Object.fromEntries(entries);
}

describe('samePlainValue', () => {
  const ROUNDS = scaled(20000, 200000);
  it(`says what isDeepStrictEqual says of ${ROUNDS} pairs of values as YAML gives them, equal and not`, () => {
    const r = randomFrom(7);
    let same = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const a = value(r);
      const b = r.int(4) === 0 ? structuredClone(a) : changed(a, r);
      const expected = isDeepStrictEqual(a, b);
      expect(samePlainValue(a, b), `round ${round}: ${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(expected);
      expect(samePlainValue(b, a)).toBe(expected);
      if (expected) same++;
    }
    // Both answers are common.
    expect(same).toBeGreaterThan(ROUNDS / 5);
    expect(same).toBeLessThan(ROUNDS * 0.8);
  });

  it('leaves other objects to isDeepStrictEqual', () => {
    expect(samePlainValue(new Date(0), new Date(0))).toBe(true);
    expect(samePlainValue(new Date(0), new Date(1))).toBe(false);
    expect(samePlainValue({ a: new Date(0) }, { a: new Date(1) })).toBe(false);
    expect(samePlainValue(Object.create(null), {})).toBe(false);
    // eslint-disable-next-line no-sparse-arrays
    expect(samePlainValue([1, , 3], [1, undefined, 3])).toBe(false);
  });
});
