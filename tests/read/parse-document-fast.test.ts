import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadYamlValue } from '../../src/read/load-yaml-value.js';
import { parseDocumentFast } from '../../src/read/parse-item-fast.js';
import { splitAtItems } from '../../src/read/parse-yaml-chunks.js';
import { ROOT, SHIPPED_LEDGER } from '../helpers/paths.js';
import { scaled } from '../helpers/scale.js';
import { EDITS, handEdited, jsYamlOrError, mutated, randomFrom } from './hand-edits.js';

/**
 * A document the fast parser takes must read exactly as js-yaml reads it, key order included (a
 * document js-yaml refuses must be left to it); loadYamlValue must give js-yaml's answer either way.
 * Returns whether the fast parser took it.
 */
function compare(text: string, label: string): boolean {
  const value = parseDocumentFast(text);
  const expected = jsYamlOrError(text);
  let viaLoad: unknown;
  try {
    viaLoad = loadYamlValue(text);
  } catch {
    viaLoad = 'error';
  }
  if (!isDeepStrictEqual(viaLoad, expected)) expect({ label, text, value: viaLoad }).toEqual({ label, text, value: expected });
  if (value === undefined) return false;
  if (!isDeepStrictEqual(value, expected)) expect({ label, text, value }).toEqual({ label, text, value: expected });
  expect(JSON.stringify(value), `${label}\n${text}`).toBe(JSON.stringify(expected));
  return true;
}

/** Every YAML file in the repository: ledgers (whole, and their skeletons), registries, gongkai.yaml. */
function documents(): { label: string; text: string }[] {
  const files = execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  expect(files.length).toBeGreaterThan(20);
  const found: { label: string; text: string }[] = [];
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8').replace(/^\uFEFF/, '');
    found.push({ label: file, text });
    const split = splitAtItems(text);
    if (split) found.push({ label: `${file} (skeleton)`, text: split.skeleton });
  }
  return found;
}

describe('the fast document parser', () => {
  it('reads every YAML file of the repository and its ledgers’ skeletons as js-yaml does', () => {
    const taken = new Set<string>();
    for (const { label, text } of documents()) if (compare(text, label)) taken.add(label);
    // What a view of the shipped ledger reads besides its items: all three without js-yaml.
    for (const label of ['data/ledger.yaml (skeleton)', 'data/departments.yaml', 'gongkai.yaml', 'bench-ledger/departments.yaml']) expect(taken, label).toContain(label);
  });

  const ROUNDS = scaled(150, 1500);
  it(`agrees with js-yaml on the skeleton after ${ROUNDS} random hand edits`, () => {
    const base = readFileSync(SHIPPED_LEDGER, 'utf8');
    const r = randomFrom(20261207);
    const names = Object.keys(EDITS);
    let fast = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { text, applied } = handEdited(base, r, names);
      const skeleton = splitAtItems(text)?.skeleton;
      if (skeleton !== undefined && compare(skeleton, `round ${round}: ${applied.join(' + ')}`)) fast++;
    }
    // Many edits land in the plan or the headings (a comment, a colon in a title): those go to js-yaml.
    expect(fast / ROUNDS).toBeGreaterThan(0.3);
  });

  /** Characters that mean something to YAML, and some that do not. */
  const NOISE = [':', ': ', ' #', '#', '# ', '\n#', '\n  #', '"', "'", '\\', '\\x41', '\\"', '[', ']', '{', '}', ',', ', ', '-', '- ', '\n- ', '&a ', '*a', '!', '!!str ', '|', '>', '%', '%YAML 1.2\n', '---\n', '...\n', '@', '`', '?', '? ', ' ', '  ', '\n', '\n ', '\n  ', '\t', '\r', '\u0085', '\u2028', '\uFEFF', '\u0007', '\uD800', '0', '1', '.', 'e', 'x', 'n', 'u', 'l', 't', '~', '中', '<<', '__proto__'];
  const MUTATIONS = scaled(3000, 30000);
  it(`agrees with js-yaml on ${MUTATIONS} registries, configurations and skeletons with random characters inserted, deleted or replaced`, () => {
    const bases = [
      splitAtItems(readFileSync(SHIPPED_LEDGER, 'utf8'))!.skeleton,
      readFileSync(join(ROOT, 'data', 'departments.yaml'), 'utf8'),
      readFileSync(join(ROOT, 'gongkai.yaml'), 'utf8'),
      'ledger: data/ledger.yaml\ncommit: true\nstale_days: 30\ndue_soon_days: 10\nyear_end_grace_days: 0\n',
    ];
    const r = randomFrom(9);
    let fast = 0;
    for (let round = 0; round < MUTATIONS; round++) {
      const text = mutated(r.pick(bases), r, NOISE);
      if (compare(text, `mutation ${round}`)) fast++;
    }
    expect(fast).toBeGreaterThan(MUTATIONS / 10);
  });

  it('leaves to js-yaml a structure nested deeper than any file gongkai writes (js-yaml refuses thousands of levels)', () => {
    // Maps in maps, and maps in lists in maps.
    const nested = (depth: number) => `a: 1\nb:\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(2 * (i + 1))}k${i}:\n`).join('')}${' '.repeat(2 * depth + 2)}c: 1\n`;
    const listed = (depth: number) => `a:\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(4 * i + 2)}- k${i}:\n`).join('')}${' '.repeat(4 * depth + 2)}c: 1\n`;
    expect(parseDocumentFast(listed(10))).toBeDefined();
    compare(listed(10), 'ten lists');
    expect(parseDocumentFast(listed(150))).toBeUndefined();
    compare(listed(150), '150 lists');
    expect(parseDocumentFast(nested(10))).toBeDefined();
    compare(nested(10), 'ten levels');
    expect(parseDocumentFast(nested(150))).toBeUndefined();
    compare(nested(150), '150 levels');
  });

  it('leaves to js-yaml what is not one block mapping at column 0', () => {
    for (const text of ['', '# only a comment\n', 'a: 1\n---\nb: 2\n', '- a\n- b\n', '  a: 1\n', 'a: 1\n  # deeper comment\nb: 2\n', 'a: &x 1\nb: *x\n', 'plain scalar\n', 'a:\n- 1\n']) {
      expect(parseDocumentFast(text), JSON.stringify(text)).toBeUndefined();
      compare(text, JSON.stringify(text));
    }
  });
});
