import { describe, expect, it } from 'vitest';
import { NARROW, WIDE, wrapUnits } from '../../src/render/text-width.js';
import { scaled } from '../helpers/scale.js';
import { randomFrom } from '../read/hand-edits.js';

/**
 * TextWidth.wrap gives text that fits its width as one line without breaking it unit by unit (piped output, whose
 * width is unbounded, wraps every title, heading and note). The shortcut must give what the unit-by-unit breaking
 * gives: compared on random text of every kind of character, at widths around the text's own and unbounded.
 */

const TEXTS = scaled(1_000, 10_000);

const PIECES = ['政务公开', '养老服务司', 'A', 'web', '2021-12-31', ' ', '  ', '，', '。', '、', '（', '）', '“', '”', '·', '…', '─', '⋯', 'e\u0301', '\u200b', '😀', '\t', '・', '《》', 'GB/T 123.4-2021', '  尾部空白  ', '\n'];

function randomText(next: () => number): string {
  let text = '';
  const count = Math.floor(next() * 12);
  for (let i = 0; i < count; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

describe('wrap of text that fits', () => {
  it('gives what breaking unit by unit gives, for both conventions of Ambiguous width', () => {
    const next = randomFrom(22).next;
    let fitted = 0;
    for (let i = 0; i < TEXTS; i++) {
      const text = randomText(next);
      for (const measure of [NARROW, WIDE]) {
        const own = measure.of(text);
        for (const width of [own - 1, own, own + 1, own + 7, Infinity]) {
          if (width < 1) continue;
          const indent = next() < 0.5 ? '' : '  ';
          if (own <= width) fitted++;
          expect(measure.wrap(text, width, indent), JSON.stringify({ text, width, indent })).toEqual(wrapUnits(measure.of, text, width, indent));
        }
      }
    }
    // Most of the cases took the shortcut (the rest check that text wider than its width still breaks as before).
    expect(fitted).toBeGreaterThan(TEXTS * 2);
  });

  it('keeps a fitting text whole but for its trailing blanks', () => {
    expect(NARROW.wrap('民政部 2021 年政务公开工作要点  ', Infinity)).toEqual(['民政部 2021 年政务公开工作要点']);
    expect(NARROW.wrap('', Infinity)).toEqual(['']);
  });
});
