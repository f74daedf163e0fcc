import type { TextSource } from '../diagnostic.js';
import { isPlainUtf8 } from './decode-text.js';

export type { TextSource };

/**
 * The texts of the files a command read, decoded only when asked for: an
 * unchanged ledger served from the cache never needs its 6 MB decoded.
 */
export class SourceTexts implements TextSource {
  private readonly sources = new Map<string, string | (() => string)>();
  /** Files whose text is their bytes decoded as UTF-8 (isPlainUtf8), by a function that reads them when first asked. */
  private readonly plain = new Map<string, () => Uint8Array | undefined>();

  set(file: string, text: string | (() => string)): void {
    this.sources.set(file, text);
    this.plain.delete(file);
  }

  /**
   * A file's text by its bytes, read when first asked for: lines shown from a
   * plain UTF-8 file are cut from the bytes and only they are decoded (a
   * validate of a 6 MB ledger shows a few thousand of its lines).
   */
  setSource(file: string, read: () => { bytes: Uint8Array; text: () => string } | undefined): void {
    let source: ReturnType<typeof read> | null = null;
    const once = () => (source === null ? (source = read()) : source);
    this.sources.set(file, () => once()?.text() ?? '');
    this.plain.set(file, () => {
      const bytes = once()?.bytes;
      return bytes && isPlainUtf8(bytes) ? bytes : undefined;
    });
  }

  get(file: string): string | undefined {
    const source = this.sources.get(file);
    if (typeof source !== 'function') return source;
    const text = source();
    this.sources.set(file, text);
    return text;
  }

  lines(file: string): ((line: number) => string | undefined) | undefined {
    const bytes = this.plain.get(file)?.();
    // A carriage return ends a line too (\r, \r\n): such a file's lines are read from its text.
    return bytes && !bytes.includes(CR) ? byteLines(bytes) : undefined;
  }
}

const LF = 10;
const CR = 13;
const byteIndexOf = Uint8Array.prototype.indexOf;

/** Line n (1-based) of plain UTF-8 bytes without a carriage return, decoded alone; the line starts are found on the first call. */
function byteLines(bytes: Uint8Array): (line: number) => string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let starts: number[] | undefined;
  return (line) => {
    if (!starts) {
      starts = [0];
      for (let i = byteIndexOf.call(bytes, LF, 0); i >= 0; i = byteIndexOf.call(bytes, LF, i + 1)) starts.push(i + 1);
    }
    const start = starts[line - 1];
    if (start === undefined) return undefined;
    const next = starts[line];
    return buffer.toString('utf8', start, next === undefined ? bytes.length : next - 1);
  };
}
