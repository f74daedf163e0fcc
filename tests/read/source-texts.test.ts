import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostic.js';
import { renderDiagnosticsText } from '../../src/render/diagnostics.js';
import { PLAIN_STYLES } from '../../src/render/styles.js';
import { SourceTexts } from '../../src/read/source-texts.js';
import { scaled } from '../helpers/scale.js';
import { randomFrom } from './hand-edits.js';

/** Pieces lines are made of: ASCII, CJK, Ambiguous and four-byte characters, and YAML's marks. */
const PIECES = ['  ', 'status: 推进中', 'joint: [各有关司(局)]', '“互联网+政务服务”', '𠀀', '#', 'a', '…', '\t', ''];

/** Random texts of many lines: empty lines, lines of every kind of character, with and without a final line end, sometimes with carriage returns. */
function texts(seed: number, count: number) {
  const r = randomFrom(seed);
  return Array.from({ length: count }, () => {
    const lines = Array.from({ length: 1 + r.int(40) }, () => Array.from({ length: r.int(6) }, () => r.pick(PIECES)).join(''));
    const eol = r.int(5) === 0 ? r.pick(['\r\n', '\r']) : '\n';
    return lines.join(eol) + (r.int(2) ? eol : '');
  });
}

describe('a file\'s lines shown under findings', () => {
  it('are the same cut from its bytes as from its text, for any lines (a file with carriage returns is read from its text)', () => {
    for (const text of texts(2026, scaled(200, 2000))) {
      const fromBytes = new SourceTexts();
      fromBytes.setSource('ledger.yaml', () => ({ bytes: Buffer.from(text, 'utf8'), text: () => text }));
      const fromText = new SourceTexts();
      fromText.set('ledger.yaml', text);
      const lineCount = text.split(/\r\n|\r|\n/).length;
      // A finding on every line, and past the last.
      const findings: Diagnostic[] = Array.from({ length: lineCount + 1 }, (_, i) => ({ code: 'UNRESOLVED_GROUP', severity: 'warning', message: '未指明具体部门', file: 'ledger.yaml', line: i + 1, col: 1 + (i % 7) }));
      expect(renderDiagnosticsText(findings, fromBytes, PLAIN_STYLES)).toBe(renderDiagnosticsText(findings, fromText, PLAIN_STYLES));
      expect(fromBytes.lines('ledger.yaml') === undefined).toBe(text.includes('\r'));
    }
  });

  it('are read from the file only when a finding is shown', () => {
    let reads = 0;
    const texts = new SourceTexts();
    texts.setSource('ledger.yaml', () => (reads++, { bytes: Buffer.from('a: 1\n'), text: () => 'a: 1\n' }));
    expect(reads).toBe(0);
    expect(renderDiagnosticsText([{ code: 'UNRESOLVED_GROUP', severity: 'warning', message: 'x', file: 'ledger.yaml', line: 1, col: 1 }], texts, PLAIN_STYLES)).toContain('1 | a: 1');
    expect(texts.get('ledger.yaml')).toBe('a: 1\n');
    expect(reads).toBe(1);
  });
});
