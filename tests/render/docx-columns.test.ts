import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../src/render/docx/gongwen.js';
import type { DocTable } from '../../src/render/docx/official-doc.js';

/** Twips a run of half-width characters takes in a 小四 (12 pt) table cell, at 0.55 em a glyph (Noto CJK's digits), with the cell's margins. */
const drawn = (text: string) => text.length * 12 * 20 * 0.55 + 120;

describe('Word tables: a date, a phone number or an item number is never broken across lines', () => {
  it('widens a column too narrow for its dates, taking the width from the columns with room, and stays within the type area', () => {
    for (const date of ['2021-10-20', '2021-09-30 → 2021-12-15', '010-58123456']) {
      const table: DocTable = {
        columns: [
          { header: '编号', width: 2 },
          { header: '任务', width: 30 },
          { header: '时限', width: 2 },
          { header: '情况', width: 6 },
        ],
        rows: [['12', '在政府网站开设专栏，集中发布政策解读', date.split(' ')[0]!, '推进中'], ['3', '…', date.split(' ').pop()!, '已完成']],
      };
      const relative = columnWidths({ ...table, rows: [] });
      const widths = columnWidths(table);
      expect(relative[2]!, 'the test needs a column narrower than a date').toBeLessThan(drawn('2021-10-20'));
      for (const token of date.split(' ').filter((t) => t !== '→')) expect(widths[2]!, token).toBeGreaterThanOrEqual(drawn(token));
      expect(widths[1]!).toBeLessThan(relative[1]!);
      expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(relative.reduce((a, b) => a + b, 0));
      // Columns that were wide enough keep their width but for their share of what was given away.
      expect(widths[0]!).toBeGreaterThanOrEqual(drawn('12'));
    }
  });

  it('keeps the relative widths when the runs cannot all fit, rather than pushing the table off the page', () => {
    const long = 'x'.repeat(200);
    const table: DocTable = { columns: [{ header: 'a', width: 1 }, { header: 'b', width: 1 }], rows: [[long, long]] };
    expect(columnWidths(table)).toEqual(columnWidths({ ...table, rows: [] }));
  });
});
