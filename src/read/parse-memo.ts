import type { Diagnostic } from '../diagnostic.js';
import type { ChunkTable } from './parse-yaml-chunks.js';

/** What the last parse of a file left behind: its value (item by item where the layout allows) and shape findings. */
export interface StoredParse {
  /** Hash of the bytes it was parsed from. */
  hash: string;
  /** The value item by item, or whole when the layout did not allow chunks. */
  table?: ChunkTable;
  whole?: unknown;
  /** Shape findings, and the file name they were reported under. */
  shape?: { file: string; diagnostics: Diagnostic[] };
  /** Shape findings of the items that have any, by item chunk, with paths relative to the item; items of `table.order` not listed have none. */
  itemShapes?: Record<string, Diagnostic[]>;
}

/** Where loading keeps parses between runs (the cache module implements it). */
export interface ParseMemo {
  previous(file: string): StoredParse | undefined;
  remember(file: string, parse: StoredParse): void;
  /** Records which registry file a ledger text names (undefined: inline). */
  registryNamed(ledgerFile: string, ledgerHash: string, registryFile: string | undefined): void;
}
