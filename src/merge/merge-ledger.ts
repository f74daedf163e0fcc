import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { loadYamlValue } from '../read/load-yaml-value.js';
import { ledgerChunks, UnsupportedLedger, type FieldChunk, type ItemChunk, type LedgerChunks } from './ledger-chunks.js';
import { mergeEntries } from './merge-entries.js';
import type { MergeConflict } from '../model/merge-conflict.js';
export type { MergeConflict } from '../model/merge-conflict.js';

/**
 * Fields whose value is a trail of dated entries that both sides may add to:
 * their additions are interleaved by date, not treated as a conflict.
 */
export const TRAIL_FIELDS = new Set(['progress', 'postponements']);

/** A place where both sides changed the same thing differently. */
export interface MergeResult {
  text: string;
  conflicts: MergeConflict[];
}

export interface MergeOptions {
  markerSize?: number;
  oursLabel?: string;
  theirsLabel?: string;
}

/** Text used for a field or item that one side removed. */
const ABSENT = undefined;

/**
 * Three-way merge of a ledger by meaning. The result is built from the pieces
 * of `ours` with the pieces `theirs` changed put in their place, so bytes
 * neither side touched stay as they are. Different items, and different fields
 * of one item, merge cleanly; trails (progress notes) both sides added to keep
 * every entry once, in date order. Only the same field changed differently on
 * both sides is a conflict, marked around that field alone. Throws
 * UnsupportedLedger when a text cannot be cut safely (the caller merges lines).
 */
export function mergeLedger(base: string, ours: string, theirs: string, options: MergeOptions = {}): MergeResult {
  const o = ledgerChunks(base);
  const a = ledgerChunks(ours);
  const eol = a.eol;
  // A side saved with other line ends is compared (and copied) with ours.
  const b = ledgerChunks(withEol(theirs, eol));
  const oo = o.eol === eol ? o : ledgerChunks(withEol(base, eol));
  const merger = new Merger(eol, options);
  const order = itemOrder(oo, a, b);
  const gapsO = oo.gaps;
  let out = '';
  const byNumber = (chunks: LedgerChunks) => new Map(chunks.items.map((i) => [i.number, i]));
  const [itemsO, itemsA, itemsB] = [byNumber(oo), byNumber(a), byNumber(b)];
  for (const number of order) {
    out = merger.emit(out, merger.text(undefined, '', gapsO.get(number) ?? '', a.gaps.get(number) ?? '', b.gaps.get(number) ?? ''));
    const item = mergeItem(merger, number, itemsO.get(number), itemsA.get(number), itemsB.get(number));
    if (item !== ABSENT) out = merger.emit(out, item);
  }
  out = merger.emit(out, merger.text(undefined, '', oo.tail, a.tail, b.tail));
  const result = { text: merger.finish(out), conflicts: merger.conflicts };
  if (!result.conflicts.length && !parsesAsYaml(result.text)) throw new UnsupportedLedger('按含义合并的结果不是有效的 YAML');
  return result;
}

/** The quick parser first; the careful one when the text has anchors (which the quick one refuses). */
export function parsesAsYaml(text: string): boolean {
  try {
    loadYamlValue(text);
    return true;
  } catch {
    return parseDocument(text).errors.length === 0;
  }
}

function withEol(text: string, eol: string): string {
  return eol === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\r\n/g, '\n');
}

/**
 * Item numbers in the merged order: ours, with items only theirs added placed
 * after the item that precedes them there. Items both sides keep must be in
 * the same order on all sides (a moved item is left to a line merge).
 */
function itemOrder(o: LedgerChunks, a: LedgerChunks, b: LedgerChunks): string[] {
  const numbers = (c: LedgerChunks) => c.items.map((i) => i.number);
  const [no, na, nb] = [numbers(o), numbers(a), numbers(b)];
  const common = (x: string[], y: string[]) => {
    const other = new Set(y);
    return x.filter((n) => other.has(n)).join('\0');
  };
  if (common(na, no) !== common(no, na) || common(nb, no) !== common(no, nb) || common(na, nb) !== common(nb, na)) {
    throw new UnsupportedLedger('两边调整了任务的先后次序');
  }
  const inOurs = new Set(na);
  const order = [...na];
  nb.forEach((n, i) => {
    if (inOurs.has(n)) return;
    const before = nb.slice(0, i).reverse().find((p) => inOurs.has(p));
    order.splice(before === undefined ? 0 : order.indexOf(before) + 1, 0, n);
    inOurs.add(n);
  });
  // Items only in the base were removed by both sides.
  return order;
}

function mergeItem(merger: Merger, number: string, o: ItemChunk | undefined, a: ItemChunk | undefined, b: ItemChunk | undefined): string | undefined {
  const simple = merger.pick(o?.text, a?.text, b?.text);
  if (simple.decided) return simple.text;
  if (!o || !a || !b) return merger.conflict(number, '*', a?.text, b?.text);
  const [fieldsO, fieldsA, fieldsB] = [o.fields(), a.fields(), b.fields()];
  if (fieldsA[0]!.key !== fieldsB[0]!.key) return merger.conflict(number, '*', a.text, b.text);
  const fo = new Map(fieldsO.map((f) => [f.key, f]));
  const fb = new Map(fieldsB.map((f) => [f.key, f]));
  const keys = fieldsA.map((f) => f.key);
  fieldsB.forEach((f, i) => {
    if (keys.includes(f.key)) return;
    const before = fieldsB.slice(0, i).reverse().find((p) => keys.includes(p.key));
    keys.splice(before === undefined ? keys.length : keys.indexOf(before.key) + 1, 0, f.key);
  });
  const fa = new Map(fieldsA.map((f) => [f.key, f]));
  // The done date belongs with the status: while the status is in conflict, a done date either side changed is too, so choosing one side's status takes its date with it.
  const statusInConflict = wouldConflict(fo.get('status'), fa.get('status'), fb.get('status'));
  let out = '';
  for (const key of keys) {
    const [ko, ka, kb] = [fo.get(key), fa.get(key), fb.get(key)];
    const coupled = statusInConflict && COUPLED_WITH_STATUS.has(key) && ka?.text !== kb?.text;
    const text = coupled ? merger.conflict(number, key, ka?.text, kb?.text) : mergeField(merger, number, key, ko, ka, kb);
    if (text !== ABSENT) out = merger.emit(out, text);
  }
  return out;
}

/** Fields that follow the status: a status conflict takes them into the conflict. */
const COUPLED_WITH_STATUS = new Set(['done_on']);

/** True when mergeField would mark this field as a conflict (both sides changed it, to different values). */
function wouldConflict(o: FieldChunk | undefined, a: FieldChunk | undefined, b: FieldChunk | undefined): boolean {
  if (a?.text === b?.text || a?.text === o?.text || b?.text === o?.text) return false;
  if (a && b && isDeepStrictEqual(a.value, b.value)) return false;
  if (o && a && b && (isDeepStrictEqual(a.value, o.value) || isDeepStrictEqual(b.value, o.value))) return false;
  return true;
}

function mergeField(merger: Merger, number: string, key: string, o: FieldChunk | undefined, a: FieldChunk | undefined, b: FieldChunk | undefined): string | undefined {
  const simple = merger.pick(o?.text, a?.text, b?.text);
  if (simple.decided) return simple.text;
  if (a && b && isDeepStrictEqual(a.value, b.value)) return a.text;
  if (a && b && TRAIL_FIELDS.has(key) && a.seq && b.seq) {
    const merged = mergeEntries(o?.seq, a.seq, b.seq, merger.eol);
    if (merged !== undefined) return merged;
  }
  // Only a comment or the spelling changed on one side: the other side's value wins.
  if (o && a && b && isDeepStrictEqual(a.value, o.value)) return b.text;
  if (o && a && b && isDeepStrictEqual(b.value, o.value)) return a.text;
  return merger.conflict(number, key, a?.text, b?.text);
}

/** Collects the output and the conflicts; knows the line ends and marker style. */
class Merger {
  readonly conflicts: MergeConflict[] = [];
  private readonly size: number;

  constructor(
    readonly eol: string,
    private readonly options: MergeOptions,
  ) {
    this.size = options.markerSize ?? 7;
  }

  /** The trivial cases of a three-way merge, by text. */
  pick(o: string | undefined, a: string | undefined, b: string | undefined): { decided: true; text: string | undefined } | { decided: false } {
    if (a === b) return { decided: true, text: a };
    if (a === o) return { decided: true, text: b };
    if (b === o) return { decided: true, text: a };
    return { decided: false };
  }

  /** Merges text outside the items: one side's change wins, both sides' different changes conflict. */
  text(item: string | undefined, field: string, o: string, a: string, b: string): string {
    const simple = this.pick(o, a, b);
    if (simple.decided) return simple.text ?? '';
    return this.conflict(item, field, a, b);
  }

  /** Conflict markers around the two sides' texts (each made to end with a line end). */
  conflict(item: string | undefined, field: string, a: string | undefined, b: string | undefined): string {
    const line = (s: string | undefined) => (s === undefined || s === '' ? '' : s.endsWith('\n') ? s : s + this.eol);
    const { oursLabel = 'ours', theirsLabel = 'theirs' } = this.options;
    const marker = (c: string, label: string) => `${c.repeat(this.size)}${label ? ` ${label}` : ''}${this.eol}`;
    const text = marker('<', oursLabel) + line(a) + marker('=', '') + line(b) + marker('>', theirsLabel);
    const conflict: MergeConflict = { item, field, ours: (a ?? '').trim(), theirs: (b ?? '').trim(), line: 0 };
    this.conflicts.push(conflict);
    return text;
  }

  /** Appends a piece (undefined: a removed field or item). */
  emit(out: string, piece: string | undefined): string {
    return piece === undefined ? out : out + piece;
  }

  /** Fills in each conflict's line: conflicts are made in output order, one `<<<<<<<` line each. */
  finish(out: string): string {
    const opening = new RegExp(`^${'<'.repeat(this.size)}(?: |\r?$)`, 'gm');
    const lines = [...out.matchAll(opening)].map((m) => out.slice(0, m.index).split('\n').length);
    this.conflicts.forEach((c, i) => (c.line = lines[i] ?? 0));
    return out;
  }
}
