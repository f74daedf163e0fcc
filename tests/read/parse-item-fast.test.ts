import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseItemFast } from '../../src/read/parse-item-fast.js';
import { parseInChunks, splitAtItems } from '../../src/read/parse-yaml-chunks.js';
import { contentHash } from '../../src/read/content-hash.js';
import { SHIPPED_LEDGER } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';
import { scaled } from '../helpers/scale.js';
import { allLedgerFixtures, EDITS, handEdited, jsYamlOrError, mutated, randomFrom } from './hand-edits.js';
// @ts-expect-error: a plain script, without types
import { generate } from '../bench/generate-ledger.mjs';

/** What js-yaml makes of a chunk on its own (the item), or 'error' when it refuses it. */
function reference(chunk: string): unknown {
  const parsed = jsYamlOrError(chunk);
  if (parsed === 'error') return parsed;
  return Array.isArray(parsed) && parsed.length === 1 ? parsed[0] : 'not one entry';
}

/**
 * Every chunk the fast parser takes must read exactly as js-yaml reads it (types, -0, key order
 * aside); a chunk js-yaml refuses must be left to it. Returns how many chunks the fast parser took.
 */
function compareChunks(chunks: readonly string[], label: string): { fast: number; all: number } {
  let fast = 0;
  for (const chunk of chunks) {
    const value = parseItemFast(chunk);
    if (value === undefined) continue;
    fast++;
    const expected = reference(chunk);
    if (!isDeepStrictEqual(value, expected)) expect({ label, chunk, value }).toEqual({ label, chunk, value: expected });
    // Same key order too: reports list fields in the order the file gives them.
    expect(JSON.stringify(value), `${label}\n${chunk}`).toBe(JSON.stringify(expected));
  }
  return { fast, all: chunks.length };
}

const chunksOf = (text: string) => splitAtItems(text)?.chunks ?? [];

/** A bench ledger (tests/bench/generate-ledger.mjs) of n items. */
function generated(n: number): string {
  const dir = tempDir();
  generate(n, dir);
  return readFileSync(join(dir, 'ledger.yaml'), 'utf8');
}

/** The parse that keeps nothing (the cache off) must give what the kept one and the whole-file parse give. */
function compareUnkept(text: string, label: string): boolean {
  const unkept = parseInChunks(text, contentHash, undefined, false);
  const kept = parseInChunks(text, contentHash);
  expect(unkept === undefined, label).toBe(kept === undefined);
  if (!unkept) return false;
  expect(isDeepStrictEqual(unkept.value, kept!.value), label).toBe(true);
  expect(isDeepStrictEqual(unkept.value, jsYamlOrError(text)), label).toBe(true);
  expect(unkept.table, label).toBeUndefined();
  return true;
}

describe('the fast item parser', () => {
  it('reads every item of every ledger fixture as js-yaml does, and takes most of them', () => {
    let fast = 0;
    let all = 0;
    for (const file of allLedgerFixtures()) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      compareUnkept(text, file);
      const counts = compareChunks(chunksOf(text), file);
      fast += counts.fast;
      all += counts.all;
    }
    expect(all).toBeGreaterThan(100);
    expect(fast / all).toBeGreaterThan(0.9);
  });

  it('takes every item of ledgers gongkai writes, at several sizes, with the values js-yaml gives', () => {
    for (const n of [1, 37, scaled(600, 3000)]) {
      const text = generated(n);
      expect(compareUnkept(text, `generated ${n}`)).toBe(true);
      const chunks = chunksOf(text);
      expect(chunks).toHaveLength(n);
      expect(compareChunks(chunks, `generated ${n}`).fast).toBe(n);
    }
  });

  const ROUNDS = scaled(150, 1500);
  it(`agrees with js-yaml on every item after ${ROUNDS} random hand edits`, () => {
    const base = readFileSync(SHIPPED_LEDGER, 'utf8');
    const r = randomFrom(20261206);
    const names = Object.keys(EDITS);
    let fast = 0;
    let all = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { text, applied } = handEdited(base, r, names);
      compareUnkept(text, `round ${round}: ${applied.join(' + ')}`);
      const counts = compareChunks(chunksOf(text), `round ${round}: ${applied.join(' + ')}`);
      fast += counts.fast;
      all += counts.all;
    }
    // Most edits leave most items in gongkai's layout.
    expect(fast / all).toBeGreaterThan(0.5);
  });

  /** Characters that mean something to YAML, and some that do not. */
  const NOISE = [':', ': ', ' #', '#', '"', "'", '\\', '\\x41', '\\u00e9', '\\/', '\\"', '[', ']', '{', '}', ',', ', ', '-', '- ', '&a ', '*a', '!', '!!str ', '|', '>', '%', '@', '`', '?', '? ', ' ', '  ', '\n', '\n ', '\n          ', '\t', '\r', '\u0085', '\u2028', '\uFEFF', '\u0007', '\uD800', '0', '1', '.', 'e', 'x', 'o', '_', 'n', 'u', 'l', 't', '~', '中', '<<'];
  const MUTATIONS = scaled(3000, 30000);
  it(`agrees with js-yaml on ${MUTATIONS} items with random characters inserted, deleted or replaced`, () => {
    const chunks = chunksOf(readFileSync(SHIPPED_LEDGER, 'utf8'));
    const r = randomFrom(8);
    let fast = 0;
    for (let round = 0; round < MUTATIONS; round++) {
      const chunk = mutated(r.pick(chunks), r, NOISE);
      fast += compareChunks([chunk], `mutation ${round}`).fast;
    }
    expect(fast).toBeGreaterThan(MUTATIONS / 10);
  });

  /** Scalars the core schema reads as other than text, and text that looks like them. */
  const SCALARS = ['null', 'Null', 'NULL', '~', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'no', 'on', 'off', '0', '-0', '+0', '007', '0x1F', '0X1F', '0o17', '0b101', '0b102', '1_000', '12', '-12', '+12', '1.10', '1.', '.5', '-.5', '1e3', '1E+3', '1.5e-3', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', '2021-06-30', '0000-00-00', '9999-99-99', '2021-06-3x', '+021-06-30', '2021-06-30 ', '2021-06-301', '12:30', '1:2:3', '0.1.2', '-', '+', '.', '..', '-1-2', '9007199254740993', '1e400', '0x', '0o', '一二', '１２'];
  it('types every plain scalar as js-yaml does, in block and flow context and as keys', () => {
    let fast = 0;
    const forms = (s: string) => [
      `      - number: "1"\n        status: ${s}\n`,
      `      - number: ${s}\n        text: x\n`,
      `      - number: "1"\n        lead: [${s}, 政策法规司]\n`,
      `      - number: "1"\n        progress:\n          - { date: ${s}, dept: 政策法规司, note: ${s} }\n          - ${s}\n`,
      `      - number: "1"\n        ${s}: 1\n`,
      `      - number: "1"\n        resolve:\n          ${s}: [a]\n`,
      `      - number: "1"\n        progress: [{ ${s}: x }]\n`,
      `      - number: "1"\n        text: "${s}"\n`,
    ];
    for (const s of SCALARS) fast += compareChunks(forms(s), s).fast;
    expect(fast).toBeGreaterThan(SCALARS.length * 3);
  });
});
