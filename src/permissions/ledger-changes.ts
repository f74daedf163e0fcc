import { isDeepStrictEqual } from 'node:util';
import { canonicalJson } from '../merge/merge-entries.js';
import { TRAIL_FIELDS } from '../merge/merge-ledger.js';
import { asArray, asRecord, type Raw } from '../read/raw-value.js';

/** A ledger version as a commit holds it: the plain value, and the registry file's bytes when it is a file of its own. */
export interface LedgerVersion {
  value: unknown;
  registryBytes?: Buffer;
}

/** Something a commit changed: an item's field, `*` for a whole item added or removed, or a part outside the items. */
export interface FieldChange {
  item?: string;
  /** Item field (`status`, `progress` …), `*`, or outside items: `plan`, `sections`, `departments`, `registry`, another top-level key. */
  field: string;
  /** For a list field: the entries no parent has, and whether every entry the parents had is still there (in its place, against one parent). */
  entries?: { added: unknown[]; removed: unknown[]; keptAll: boolean };
}

/** What a commit did to a list: entries it added, and whether it kept the parents' entries (a prefix against one parent; each shared one for a merge). */
function listEntries(after: unknown, parents: unknown[]): FieldChange['entries'] {
  const mine = asArray(after);
  const theirs = parents.map((p) => asArray(p));
  const keys = theirs.map((list) => new Set(list.map(canonicalJson)));
  const added = mine.filter((entry) => !keys.some((k) => k.has(canonicalJson(entry))));
  const mineKeys = new Set(mine.map(canonicalJson));
  // Against one parent: what it had and this lacks; for a merge: what every parent had and this lacks.
  const removed = theirs[0]!.filter((entry) => keys.every((set) => set.has(canonicalJson(entry))) && !mineKeys.has(canonicalJson(entry)));
  const keptAll = theirs.length === 1 ? theirs[0]!.every((entry, i) => i < mine.length && isDeepStrictEqual(entry, mine[i])) : !removed.length;
  return { added, removed, keptAll };
}

function itemsOf(value: unknown): Map<string, Raw> {
  const items = new Map<string, Raw>();
  for (const section of asArray(asRecord(value).sections)) {
    for (const item of asArray(asRecord(section).items)) items.set(String(asRecord(item).number), asRecord(item));
  }
  return items;
}

/** The ledger without its items: plan, registry, section headings. */
function frame(value: unknown): Raw {
  const raw = { ...asRecord(value) };
  raw.sections = asArray(raw.sections).map((s) => ({ ...asRecord(s), items: undefined }));
  return raw;
}

/** A trail changed by a merge only when it has an entry no parent has, or lacks one every parent has. */
function trailDiffers(after: unknown, parents: unknown[]): boolean {
  const keys = (v: unknown) => new Set(asArray(v).map(canonicalJson));
  const mine = keys(after);
  const theirs = parents.map(keys);
  for (const k of mine) if (!theirs.some((t) => t.has(k))) return true;
  const shared = [...theirs[0]!].filter((k) => theirs.every((t) => t.has(k)));
  return shared.some((k) => !mine.has(k));
}

/**
 * What a commit changed. Against one parent: every field that differs. For a
 * merge: only what differs from every parent (what the merge itself decided);
 * trails that hold the parents' entries, no more and no fewer, are unchanged.
 * A commit without parents changes everything it holds.
 */
export function changedFields(after: LedgerVersion, parents: LedgerVersion[]): FieldChange[] {
  const bases = parents.length ? parents : [{ value: {} }];
  const changes: FieldChange[] = [];
  const top = frame(after.value);
  const baseFrames = bases.map((p) => frame(p.value));
  for (const key of new Set([...Object.keys(top), ...baseFrames.flatMap((f) => Object.keys(f))])) {
    if (baseFrames.every((f) => !isDeepStrictEqual(f[key], top[key]))) changes.push({ field: key });
  }
  const items = itemsOf(after.value);
  const baseItems = bases.map((p) => itemsOf(p.value));
  for (const number of new Set([...items.keys(), ...baseItems.flatMap((m) => [...m.keys()])])) {
    const item = items.get(number);
    const olds = baseItems.map((m) => m.get(number));
    if (!item || olds.some((o) => !o)) {
      // Added or removed (against a parent that lacks it, unless another parent had it as it is).
      if (!olds.some((o) => o && item && isDeepStrictEqual(o, item)) && (item || olds.some(Boolean))) changes.push({ item: number, field: '*' });
      continue;
    }
    for (const field of new Set([...Object.keys(item), ...olds.flatMap((o) => Object.keys(o!))])) {
      const values = olds.map((o) => o![field]);
      const changed = TRAIL_FIELDS.has(field) && values.length > 1 ? trailDiffers(item[field], values) : values.every((v) => !isDeepStrictEqual(v, item[field]));
      if (changed) changes.push({ item: number, field, ...(Array.isArray(item[field]) || values.some(Array.isArray) ? { entries: listEntries(item[field], values) } : {}) });
    }
  }
  return changes;
}
