import type { TableCell } from '../blocks.js';

export interface SpannedCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/**
 * Rows of cells with spans (HTML rowspan/colspan, Word gridSpan/vMerge) → a
 * full grid: a merged cell's value is copied into every position it covers,
 * marked `merged`, so each row reads on its own.
 */
export function gridFromRows(rows: SpannedCell[][], cellName: (row: number, col: number) => string): TableCell[][] {
  const grid: TableCell[][] = [];
  rows.forEach((cells, r) => {
    const row = (grid[r] ??= []);
    let col = 0;
    for (const cell of cells) {
      while (row[col]) col++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < cell.colSpan; dc++) {
          target[col + dc] = { text: cell.text, place: { line: 0, cell: cellName(r + 1, col + 1) }, ...(dr || dc ? { merged: true } : {}) };
        }
      }
      col += cell.colSpan;
    }
  });
  // Rows shorter than the widest one get empty cells, so columns line up.
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.map((row, r) => Array.from({ length: width }, (_, c) => row[c] ?? { text: '', place: { line: 0, cell: cellName(r + 1, c + 1) } }));
}
