/**
 * What a table drawing records of its rows, so that a later drawing can copy their lines as bytes
 * (table.ts renderTableAgain): each row's layout, widths and place in the output.
 */
import type { DocRow, DrawnLine } from './table-doc.js';
import type { Layout, MeasuredTable } from './table.js';

/** A row drawn before under another layout than the one it would be drawn in now (or with widths that drawing never measured). */
export class NotRedrawable extends Error {}

/**
 * What a table drawing can keep of its rows to draw them again (renderTableAgain):
 * each row, where its line is in the text (in UTF-8 bytes), its layout, and its
 * cells' widths (`count` numbers, one a column, from `at` of the table's widths).
 */
export interface TableRecording {
  rows: { row: DocRow; start: number; length: number; layout: string; widths: Int32Array; compact: Int32Array | undefined; at: number; count: number }[];
}

/** A piece of the output: text, or a line drawn before (bytes of an earlier text). */
export type Piece = string | DrawnLine;

/** Notes the layout of each table as it is drawn, and, when keeping, each row's line and where it goes in the output. */
export class Recorder {
  /** The layout of the table being drawn, as text: a row drawn before shows only under the same. */
  layoutText = '';
  private measured: MeasuredTable | undefined;
  private readonly pieces: number[] = [];

  constructor(
    private readonly keep: TableRecording | undefined,
    /** Whether rows drawn before may be shown (the output is then bytes). */
    readonly again: boolean,
  ) {}

  table(measured: MeasuredTable, layout: Layout): void {
    this.layoutText = JSON.stringify(layout);
    this.measured = measured;
  }

  /** Row r of the table is drawn as the output's piece `piece`. */
  row(r: number, piece: number): void {
    if (!this.keep) return;
    const measured = this.measured!;
    const count = measured.table.columns.length;
    const compact = measured.compactMeasured ? measured.compactWidths() : undefined;
    this.keep.rows.push({ row: measured.table.rows[r]!, start: 0, length: 0, layout: this.layoutText, widths: measured.widths, compact, at: r * count, count });
    this.pieces.push(piece);
  }

  /**
   * The pieces as UTF-8 bytes, in parts: lines drawn before that follow one another in their text (with
   * the line break between) stay one part of that text, not copied; text between them is encoded. Each
   * kept row's place in the whole is noted.
   */
  finish(out: readonly Piece[]): Uint8Array[] {
    const parts: Uint8Array[] = [];
    const rows = this.keep?.rows ?? [];
    let at = 0;
    let next = 0;
    let text = '';
    let run: Buffer | undefined;
    let runFrom = 0;
    let runTo = 0;
    const flush = () => {
      if (run) parts.push(run.subarray(runFrom, runTo));
      else if (text) parts.push(Buffer.from(text, 'utf8'));
      run = undefined;
      text = '';
    };
    for (let i = 0; i < out.length; i++) {
      const piece = out[i]!;
      const length = typeof piece !== 'string' ? piece.length : piece === '\n' ? 1 : Buffer.byteLength(piece, 'utf8');
      if (next < rows.length && i === this.pieces[next]) {
        rows[next]!.start = at;
        rows[next++]!.length = length;
      }
      at += length;
      if (typeof piece !== 'string') {
        if (run !== piece.text || runTo !== piece.start) {
          flush();
          run = piece.text;
          runFrom = piece.start;
        }
        runTo = piece.start + length;
      } else if (run && piece === '\n' && run[runTo] === 10) runTo++;
      else {
        if (run) flush();
        text += piece;
      }
    }
    flush();
    return parts;
  }
}

