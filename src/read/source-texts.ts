import type { TextSource } from '../diagnostic.js';

export type { TextSource };

/**
 * The texts of the files a command read, decoded only when asked for: an
 * unchanged ledger served from the cache never needs its 6 MB decoded.
 */
export class SourceTexts implements TextSource {
  private readonly sources = new Map<string, string | (() => string)>();

  set(file: string, text: string | (() => string)): void {
    this.sources.set(file, text);
  }

  get(file: string): string | undefined {
    const source = this.sources.get(file);
    if (typeof source !== 'function') return source;
    const text = source();
    this.sources.set(file, text);
    return text;
  }
}
