import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closestNames, editDistance } from '../../src/model/closest-names.js';
import { FIXTURES, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';
import { scaled } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';

const valid = readFileSync(join(FIXTURES, 'ledgers', 'valid.yaml'), 'utf8');
const ledgerWith = (text: string) => join(tempDir({ 'ledger.yaml': text }), 'ledger.yaml');

/** A line forty times what an error may print by default, two hundred times at full size: reading it is most of the test's time. */
const HUGE = scaled(200_000, 1_000_000);

describe('a huge line is not echoed whole', () => {
  it(`a ${HUGE / 1000} KB line in an error is clipped around the caret`, async () => {
    const huge = 'x'.repeat(HUGE);
    const ledger = ledgerWith(valid.replace('cooperate: [信息中心]', `cooperate: [信息中新, ${huge}]`));
    const result = await runCli(['validate', '--ledger', ledger]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('部门名录中没有「信息中新」');
    expect(result.out.length + result.err.length).toBeLessThan(5_000);
    const caretLine = result.out.split('\n').find((l) => /\^/.test(l))!;
    const sourceLine = result.out.split('\n')[result.out.split('\n').indexOf(caretLine) - 1]!;
    // The caret still points at the name.
    expect(sourceLine.slice(caretLine.indexOf('^'))).toMatch(/^信息中新/);
  });

  it('a huge value quoted in a message is cut too', async () => {
    const name = '某'.repeat(HUGE / 5);
    const result = await runCli(['validate', '--ledger', ledgerWith(valid.replace('cooperate: [信息中心]', `cooperate: [${name}]`))]);
    expect(result.out.length).toBeLessThan(5_000);
    expect(result.out).toContain('…');
  });
});

describe('a huge name asked for by its closest names', () => {
  /** closestNames as it was before it skipped the names whose length alone rules them out: every name counted in full. */
  const counted = (wanted: string, candidates: string[], limit = 3) => {
    const scored: { name: string; score: number }[] = [];
    for (const name of new Set(candidates)) {
      if (name === wanted) continue;
      const distance = editDistance(wanted, name);
      const contains = name.includes(wanted) || wanted.includes(name);
      if (contains || distance <= Math.max(1, Math.floor(Math.max([...wanted].length, [...name].length) / 3))) scored.push({ name, score: contains ? distance - 0.5 : distance });
    }
    if (scored.length || !/[^\x00-\x7f]/.test(wanted)) return scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name)).slice(0, limit).map((s) => s.name);
    // Nothing close: the names sharing most characters (by the Dice coefficient), as closestNames answers then.
    const sharing = [...new Set(candidates)].map((name) => {
      const pool = [...name];
      let shared = 0;
      for (const ch of wanted) if (pool.includes(ch)) (shared++, pool.splice(pool.indexOf(ch), 1));
      return { name, score: (2 * shared) / ([...wanted].length + [...name].length) };
    });
    return sharing.filter((s) => s.score >= 0.5).sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit).map((s) => s.name);
  };

  it('gets the names a full count gives, for short and long names, typos and names that contain one', () => {
    const names = [...readFileSync(SHIPPED_REGISTRY, 'utf8').matchAll(/name: (\S+)/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(10);
    const wanted = [
      ...names.flatMap((n) => [n.slice(1), `${n}处`, n.replace(/司$/, '局'), n.slice(0, 2), `${n}${n}`, `关于${n}的意见`]),
      '信息中新', '救助', 'x', '某'.repeat(40), `${'某'.repeat(400)}社会救助司`, 'a'.repeat(3_000),
    ];
    // Some ask for names that are close, some for none: the skip is tried both ways.
    expect(wanted.filter((w) => counted(w, names).length > 0).length).toBeGreaterThan(20);
    expect(wanted.filter((w) => counted(w, names).length === 0).length).toBeGreaterThanOrEqual(3);
    for (const w of wanted) expect(closestNames(w, names), w.slice(0, 40)).toEqual(counted(w, names));
  });
});

describe('bidi controls in JSON output', () => {
  it('are written as \\u202e escapes, and read back as the same text', async () => {
    const ledger = ledgerWith(valid.replace('text: 及时更新行政法规文本。', 'text: "及时更新\\u202e文本\\u2066。"'));
    for (const args of [['export'], ['status', '--dept', '政策法规司', '--format', 'json', '--as-of', '2021-07-01']]) {
      const result = await runCli([...args, '--ledger', ledger]);
      expect(result.code, result.err).toBe(0);
      expect(result.out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(result.out).toContain('\\u202e');
      expect(JSON.stringify(JSON.parse(result.out))).toContain('及时更新\u202e文本\u2066。');
    }
  });
});

describe('nesting thousands of levels deep', () => {
  const deepBlock = (depth: number) => {
    let text = 'plan:\n  title: x\ndepartments:\n';
    for (let i = 0; i < depth; i++) text += `${' '.repeat(i + 2)}a:\n`;
    return `${text}${' '.repeat(depth + 2)}b: 1\nsections: []\n`;
  };
  const deepFlow = (depth: number) => `plan:\n  title: x\ndepartments: ${'['.repeat(depth)}${']'.repeat(depth)}\nsections: []\n`;

  // Deep enough that the parsers run out of stack (flow lists from under a thousand levels, block maps from about 1,500
  // in a test worker): 3,000 and 2,000 levels by default, 10,000 and 3,000 at full size.
  const FLOW = scaled(3_000, 10_000);
  const BLOCK = scaled(2_000, 3_000);
  for (const [name, text] of [
    [`${FLOW.toLocaleString('en')} nested flow lists`, deepFlow(FLOW)],
    [`${BLOCK.toLocaleString('en')} nested block maps`, deepBlock(BLOCK)],
  ] as const) {
    it(`${name}: 嵌套过深, exit 2 or 1, never a crash`, async () => {
      const ledger = ledgerWith(text);
      for (const args of [['validate'], ['status'], ['set', '1', '--status', '推进中']]) {
        const result = await runCli([...args, '--ledger', ledger]);
        expect([1, 2], `${args[0]}: ${result.err.slice(0, 200)}`).toContain(result.code);
        expect(result.out + result.err).toContain('嵌套过深');
        expect(result.out + result.err).not.toContain('Maximum call stack');
        expect(hasStackTrace(result.err)).toBe(false);
      }
    });
  }
});
