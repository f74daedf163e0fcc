import { closeSync, readSync } from 'node:fs';
import { plainUtf8Piece } from './decode-text.js';
import { DEFAULT_MAX_BYTES, openRegularFile } from './read-regular-file.js';

const LF = 10;

/** The window a large ledger is read through: big enough that a read costs little, small enough to stay in the processor's cache. */
export const WINDOW_BYTES = 1 << 20;

/**
 * Reads a plain UTF-8 regular file (isPlainUtf8) through one buffer used again
 * and again, handing `each` the file's whole lines a window at a time: each
 * piece ends just past a line break, or at the end of the file, and stands at
 * `base` in the file. The piece is valid only during the call (the buffer is
 * then filled again). A file read whole would be tens of megabytes of fresh
 * memory, which costs more to touch for the first time on this kind of machine
 * than reading and hashing it. A line longer than the window makes it grow.
 * Gives the file's size; undefined when it is not a plain UTF-8 regular file
 * within `limit` bytes, or cannot be read: the caller then reads it whole,
 * which reports why.
 */
export function readInWindows(path: string, each: (piece: Uint8Array, base: number) => void, { window = WINDOW_BYTES, limit = DEFAULT_MAX_BYTES }: { window?: number; limit?: number } = {}): number | undefined {
  let fd: number;
  try {
    fd = openRegularFile(path, limit).fd;
  } catch {
    return undefined;
  }
  try {
    let buffer = Buffer.allocUnsafe(Math.max(1, window));
    /** Bytes in the buffer not yet handed over (the start of a line), and where the buffer stands in the file. */
    let filled = 0;
    let base = 0;
    for (;;) {
      if (filled === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      let read: number;
      try {
        read = readSync(fd, buffer, filled, buffer.length - filled, null);
      } catch {
        return undefined;
      }
      // Bounded as a whole read is: a file may grow while it is read.
      if (base + filled + read > limit) return undefined;
      if (read === 0) {
        if (filled > 0) {
          const piece = buffer.subarray(0, filled);
          if (!plainUtf8Piece(piece, base)) return undefined;
          each(piece, base);
        }
        return base + filled;
      }
      filled += read;
      const lineEnd = buffer.subarray(0, filled).lastIndexOf(LF) + 1;
      if (lineEnd === 0) continue;
      const piece = buffer.subarray(0, lineEnd);
      // Whole lines end where a character ends: each piece is checked on its own.
      if (!plainUtf8Piece(piece, base)) return undefined;
      each(piece, base);
      buffer.copyWithin(0, lineEnd, filled);
      filled -= lineEnd;
      base += lineEnd;
    }
  } finally {
    closeSync(fd);
  }
}
