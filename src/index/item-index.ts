/**
 * The derived per-item index: for each item chunk of a ledger file (by the
 * hash of its text) a compact row with what the views count — number,
 * section, status, due date, the deadline facts, postponed or not, roles by
 * department, and the errors the view checks find in the item. After a hand
 * edit only the changed chunks are parsed and their rows replaced; the rest
 * of the file is not parsed, modelled or checked. Derived and disposable: it
 * lives in the cache, and a run without it gives the same answers.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { CacheStore } from '../cache/cache-store.js';
import { cacheKeys } from '../cache/cache-keys.js';
import { rememberRegistryOf } from '../cache/fingerprints.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Department, Registry } from '../model/department.js';
import type { Item, Ledger } from '../model/ledger.js';
import { ROLES } from '../model/role.js';
import type { Status } from '../model/status.js';
import type { DeadlineFacts } from '../query/deadline.js';
import { loadYamlValue } from '../read/load-yaml-value.js';
import { parseChunk, splitAtItems } from '../read/parse-yaml-chunks.js';
import type { ScannedLedger } from './file-scan.js';
import { fileState, rowsSetting, scanOfBytes, type FileState } from './file-state.js';
import { ItemHashes } from './item-hashes.js';
import { keepLayoutHint, storedLayoutHint } from './layout-hint.js';
import { registryFromValue } from '../read/read-registry.js';
import type { RowSetting } from './item-row.js';
import { renumbered, sectionSizesOf, type EditBase } from './edit-base.js';
import { lastRecordOf, type Aggregates } from './aggregates.js';
import { addPackedRow, aggregatesOf, packRow, unpackRow, type ItemRow, type PackedRow } from './packed-row.js';
import { keepRows, rowTableOf, storedRows, type RowTable } from './stored-rows.js';

/** What is stored for one ledger file. */
interface StoredIndex {
  /** Hash of the file with its items cut out: the plan, the sections and where each item stands. */
  skeleton: string;
  /** What every row depends on besides its item: registry bytes, calendar, today, working folder. */
  setting: string;
  registryFile: string;
  registryValue: unknown;
  /** The ledger file as findings name it. */
  displayFile: string;
  planValue: unknown;
  plan: { title: string; document_number: string | null; year: number; issuedOn?: string; defaultDue: string; closedOn?: string };
  /** Sections as written ({number, title}), and the section of each item position. */
  sections: { number: unknown; title: unknown }[];
  sectionOf: number[];
  /** Errors outside the items' rows and their numbering: the plan, the registry, the file's shape. */
  fixedErrors: number;
  /** Names this build of the index: a delta entry belongs to it alone. */
  stamp: string;
  /** Item chunk hashes in file order when built, and their rows, packed (packRow), in the same order (stored apart: stored-rows.ts). */
  order: ItemHashes;
  /** Each run of GROUP items' hash (file-scan.ts runHash), one after another; absent in an index stored before they were kept. */
  groups?: string;
  rows: RowTable<PackedRow>;
  /** The rows' running counts (aggregates.ts) and their numbering errors; absent when the rows hold a date the counts cannot sort. */
  aggregates?: Aggregates;
  numberingErrors?: number;
}

/**
 * Rows added since the index was built (the items edited by hand since), kept
 * in a small entry of their own so that a one-item edit does not rewrite the
 * index; folded into it when it grows.
 */
interface IndexDelta {
  stamp: string;
  rows: Record<string, PackedRow>;
}

/** The index's answer for a view: every item's facts and each department's obligations. */
export interface IndexedLedger {
  file: string;
  contentKey: string;
  plan: StoredIndex['plan'];
  departments: readonly Department[];
  items: { number: string; status: Status; due: string; facts: DeadlineFacts; postponed: boolean; requested: boolean }[];
  /** `own`: for a department doing its share, the latest of its own notes on the item (obligation-row.ts). */
  obligations: { item: number; role: (typeof ROLES)[number]; possible: boolean; own?: { lastProgress?: string } }[][];
  errors: number;
  /** How many item chunks were parsed on this run (the rest came from the index). */
  parsed: number;
  /**
   * The running counts of the items as they stand (aggregates.ts), brought up
   * to date from the stored ones by the rows that changed; undefined when they
   * cannot be (then count from `items`).
   */
  summary?: Aggregates;
  /** The latest date any item's record carries; undefined when none does. */
  lastRecord(): string | undefined;
  registry: Registry;
  /**
   * A ledger of only the items at these positions (of `items`), modelled from
   * their own chunks under the plan and their sections, in ledger order: what a
   * view that lists a few items needs, without modelling the rest.
   */
  ledgerOf(positions: readonly number[], known?: (hash: string) => unknown): Promise<Ledger>;
  /** Each item chunk's hash, in file order (chunks that make no item included). */
  chunkHashes: readonly string[];
  /** Names everything a row depends on besides its own chunk: the file's skeleton and the rows' setting. */
  identity: string;
  /** A ledger of the items the chunks at these places make (a chunk that makes none is left out), and which chunk each came from. */
  chunkLedger(chunks: readonly number[], known?: (hash: string) => unknown): Promise<{ ledger: Ledger; chunks: number[] }>;
  /** What an edit of one item needs of the rest of this text (edit-base.ts); undefined when the text does not meet what a base promises. */
  editBase(): Omit<EditBase, 'parts' | 'size'> | undefined;
}

/**
 * The index as its own entry holds it: a line of JSON with all but the rows and the chunk hashes, then the
 * hashes (sha1, hex) one after another, used as they are (item-hashes.ts): 400 KB at 10,000 items, which as a
 * JSON string inside a text holding Chinese was decoded, parsed and copied as two bytes a character.
 */
type StoredHead = Omit<StoredIndex, 'rows' | 'order'>;

/** The head of the index stored for a file and its chunk hashes, in file order; undefined when there is none or it is spoilt. */
function storedHead(cache: CacheStore, path: string): { head: StoredHead; order: ItemHashes } | undefined {
  const entry = cache.getHeaded<StoredHead>(cacheKeys.itemIndex(path));
  const order = entry && ItemHashes.of(entry.rest.toString('latin1'));
  return order && { head: entry.head, order };
}

/** The stored index of a file; its rows are parsed only where read. */
function storedIndexOf(cache: CacheStore, file: string, cwd: string): StoredIndex | undefined {
  const path = resolve(cwd, file);
  const stored = storedHead(cache, path);
  if (!stored) return undefined;
  const { head, order } = stored;
  const rows = storedRows<PackedRow>(cache, cacheKeys.itemIndexRows(path), head.stamp, order.length);
  if (!rows) return undefined;
  return { ...head, order, rows };
}

/** Stores an index (its rows first: a head is never read without the rows its stamp names). */
function keepIndex(cache: CacheStore, file: string, cwd: string, stored: StoredIndex): void {
  const path = resolve(cwd, file);
  keepRows(cache, cacheKeys.itemIndexRows(path), stored.stamp, stored.rows.all());
  const { rows: _rows, order, ...head } = stored;
  cache.setHeaded(cacheKeys.itemIndex(path), head satisfies StoredHead, [Buffer.from(order.text, 'latin1')]);
}

/** Chunks not where the index had them beyond which their rows are looked for elsewhere in it rather than parsed. */
const MOVED_FROM = 32;

/** A delta folds into the index once it holds this many rows. */
const foldAt = (items: number) => Math.max(8, items >> 4);

/**
 * The ledger's items as the views need them, from the index: only chunks not
 * seen before are parsed. Undefined when the index cannot answer (never built
 * for this file, its plan or sections or registry or calendar changed, a
 * chunk does not parse alone): the caller then loads the ledger whole.
 */
export async function indexedLedger(cache: CacheStore, file: string, calendar: string, today: string, cwd: string, ledger?: Uint8Array | ScannedLedger): Promise<IndexedLedger | undefined> {
  const stored = storedIndexOf(cache, file, cwd);
  if (!stored) return undefined;
  // A file read but not yet cut at its items: where the index last saw them may spare cutting it all (layout-hint.ts).
  const hint = ledger && !(ledger instanceof Uint8Array) && ledger.pending ? storedLayoutHint(cache, file, cwd, stored.stamp) : undefined;
  const state = fileState(file, stored.registryFile, calendar, today, cwd, ledger instanceof Uint8Array ? scanOfBytes(ledger) : ledger, stored, hint);
  if (!state || state.skeleton !== stored.skeleton || state.setting !== stored.setting) return undefined;
  // The registry a text names is in its skeleton: remembered for this text too, so the next run finds its views' cached answers.
  rememberRegistryOf(cache, `${resolve(cwd, file)}:${state.hash}`, resolve(cwd, stored.registryFile) === resolve(cwd, file) ? undefined : stored.registryFile, cwd);
  const deltaKey = cacheKeys.itemIndexDelta(resolve(cwd, file));
  const kept = cache.get<IndexDelta>(deltaKey)?.value;
  const delta: IndexDelta = kept?.stamp === stored.stamp ? kept : { stamp: stored.stamp, rows: {} };
  const hashes = state.hashes;
  const count = hashes.length;
  /** The positions whose chunk is not the one the index has there (the items edited since it was built). */
  const changed = hashes.changedFrom(stored.order);
  /** Whether the chunk at each position is not the one the index has there. */
  const differs = new Uint8Array(count);
  for (const i of changed) differs[i] = 1;
  const moved = changed.reduce((n, i) => (delta.rows[hashes.at(i)] ? n : n + 1), 0);
  /**
   * Where each stored chunk stood, when many chunks are not where the index
   * had them (items moved within their sections): their rows are found there.
   * A few are parsed instead, which costs less than the map of 100,000 hashes.
   */
  const place = moved > MOVED_FROM ? new Map(stored.order.all().map((hash, i) => [hash, i])) : undefined;
  const packed = (hash: string): PackedRow | undefined => {
    if (delta.rows[hash]) return delta.rows[hash];
    const at = place?.get(hash);
    return at !== undefined ? stored.rows.at(at) : undefined;
  };
  /** The row of the chunk at position i: most stand where the index had them. */
  const rowAt = (i: number): PackedRow | undefined => (differs[i] ? packed(hashes.at(i)) : stored.rows.at(i));
  /** Every chunk's row, in file order. */
  const allRows = () => Array.from({ length: count }, (_, i) => rowAt(i)!);
  const registry = registryFromValue(stored.registryValue);
  let parsed = 0;
  // Known without reading the row: standing where the index had it, or in the delta, or elsewhere in the index.
  const missing = changed.filter((i) => !delta.rows[hashes.at(i)] && !place?.has(hashes.at(i)));
  if (missing.length) {
    const { itemRow } = await import('./item-row.js');
    for (const i of missing) {
      const value = chunkValue(state.chunk(i));
      if (value === undefined) return undefined;
      delta.rows[hashes.at(i)] = packRow(await itemRow(value, rowSetting(stored, registry, i, today, cwd)));
      parsed++;
    }
    // Rows of chunks no longer in the file, or back where the index has their row, are dropped, so the delta
    // stays the size of what changed (and no set of 100,000 hashes is made to tell).
    const current = new Set(changed.map((i) => hashes.at(i)));
    for (const hash of Object.keys(delta.rows)) if (!current.has(hash)) delete delta.rows[hash];
    if (Object.keys(delta.rows).length >= foldAt(count)) {
      const rows = allRows();
      const folded: StoredIndex = { ...stored, stamp: randomBytes(8).toString('hex'), order: hashes, groups: state.groups, rows: rowTableOf(rows), ...(await countsOfRows(rows, stored.displayFile, registry.departments.length)) };
      keepIndex(cache, file, cwd, folded);
      cache.set(deltaKey, { stamp: folded.stamp, rows: {} });
      keepLayoutHint(cache, file, cwd, state.hint(folded.stamp));
      return answer(folded, state, () => rows, (i) => rows[i]!, registry, parsed, today, cwd, { aggregates: folded.aggregates, numberingErrors: folded.numberingErrors });
    }
    cache.set(deltaKey, delta);
    // This text's items, for the next run after an edit: it then cuts only the lines around the edit.
    keepLayoutHint(cache, file, cwd, state.hint(stored.stamp));
  }
  // Every row is read only when a view lists items; the status summary reads the changed ones (currentCounts).
  let rows: PackedRow[] | undefined;
  return answer(stored, state, () => (rows ??= allRows()), (i) => rows?.[i] ?? rowAt(i)!, registry, parsed, today, cwd, currentCounts(stored, hashes, changed, packed));
}

/** The counts and numbering errors of a set of rows, as stored with the index. */
async function countsOfRows(rows: readonly PackedRow[], displayFile: string, departments: number): Promise<Pick<StoredIndex, 'aggregates' | 'numberingErrors'>> {
  const aggregates = aggregatesOf(rows, departments);
  return { ...(aggregates ? { aggregates } : {}), numberingErrors: await numberingErrors(rows.map(unpackRow), displayFile) };
}

/**
 * The stored counts brought up to date: the rows at the positions whose text
 * changed are taken away and their new rows added. The file's skeleton is the
 * index's, so position i is the same item place as when it was built. The
 * numbering errors stand when every changed position keeps its number.
 */
function currentCounts(stored: StoredIndex, hashes: ItemHashes, changed: readonly number[], packed: (hash: string) => PackedRow | undefined): { aggregates?: Aggregates; numberingErrors?: number } {
  if (!stored.aggregates || stored.numberingErrors === undefined || hashes.length !== stored.order.length) return {};
  if (!changed.length) return { aggregates: stored.aggregates, numberingErrors: stored.numberingErrors };
  const aggregates = structuredClone(stored.aggregates);
  let numbering: number | undefined = stored.numberingErrors;
  for (const i of changed) {
    const before = stored.rows.at(i);
    const after = packed(hashes.at(i))!;
    if (!addPackedRow(aggregates, before, -1) || !addPackedRow(aggregates, after, 1)) return {};
    if (before[0] !== after[0]) numbering = undefined;
  }
  return { aggregates, ...(numbering !== undefined ? { numberingErrors: numbering } : {}) };
}

/** One chunk's value; undefined unless it is a one-entry list. */
function chunkValue(chunk: Uint8Array): unknown {
  return itemTextValue(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('utf8'));
}

/** One item's text (as the layout cuts it) read on its own, as a whole load reads it (parseChunk); undefined unless it is a one-entry list. */
export function itemTextValue(text: string): unknown {
  try {
    return parseChunk(text);
  } catch {
    return undefined;
  }
}

function rowSetting(stored: StoredIndex, registry: RowSetting['registry'], position: number, today: string, cwd: string): RowSetting {
  return { file: stored.displayFile, planValue: stored.planValue, section: stored.sections[stored.sectionOf[position]!]!, registry, registryFile: stored.registryFile, today, cwd };
}

/** The numbering findings over all items (duplicates, gaps), from the rows' numbers. */
async function numberingErrors(rows: ItemRow[], file: string): Promise<number> {
  const { itemNumbers } = await import('../check/rules/item-numbers.js');
  const items = rows.flatMap((row) => (row.number === null ? [] : [{ number: row.number, section: '', path: [] } as unknown as Item]));
  return itemNumbers({ ledger: { file, items } as never, today: '' }).filter((d) => d.severity === 'error').length;
}

async function answer(
  stored: StoredIndex,
  state: FileState,
  /** Every chunk's row in file order (read on first use). */
  packedRows: () => readonly PackedRow[],
  /** One chunk's row, without reading every row. */
  rowOf: (chunk: number) => PackedRow,
  registry: Registry,
  parsed: number,
  today: string,
  cwd: string,
  counts: { aggregates?: Aggregates; numberingErrors?: number },
): Promise<IndexedLedger> {
  const departments = registry.departments;
  /**
   * Every item's facts and each department's obligations, unpacked on first
   * use: the status summary reads the running counts instead, and a file of
   * 100,000 items is then never unpacked.
   */
  let unpacked: { rows: ItemRow[]; items: IndexedLedger['items']; chunkOf: number[]; obligations: IndexedLedger['obligations'] } | undefined;
  const unpack = () => {
    if (unpacked) return unpacked;
    const rows = packedRows().map(unpackRow);
    const items: IndexedLedger['items'] = [];
    /** The chunk of each item. */
    const chunkOf: number[] = [];
    const obligations: IndexedLedger['obligations'] = departments.map(() => []);
    rows.forEach((row, chunk) => {
      if (row.number === null) return;
      const at = items.length;
      items.push({ number: row.number, status: row.facts.status, due: row.due, facts: row.facts, postponed: row.postponed, requested: row.requested });
      chunkOf.push(chunk);
      for (const [department, role, possible, own] of row.obligations) {
        obligations[department]!.push({ item: at, role: ROLES[role]!, possible: possible === 1, ...(own !== undefined ? { own: own ? { lastProgress: own } : {} } : {}) });
      }
    });
    return (unpacked = { rows, items, chunkOf, obligations });
  };
  const rowErrors = counts.aggregates ? counts.aggregates.rowErrors : unpack().rows.reduce((n, row) => n + row.errors, 0);
  const errors = stored.fixedErrors + rowErrors + (counts.numberingErrors ?? (await numberingErrors(unpack().rows, stored.displayFile)));
  // `known`: item values by chunk hash from an earlier parse (the cache's), used instead of parsing the chunk again.
  const ledgerOf = async (positions: readonly number[], known?: (hash: string) => unknown): Promise<Ledger> => {
    const { chunkOf } = unpack();
    return ledgerOfChunks(positions.map((at) => chunkOf[at]!), known);
  };
  /** The items of these chunks (each known to make one), modelled under the plan and their sections. */
  const ledgerOfChunks = async (chunks: readonly number[], known?: (hash: string) => unknown): Promise<Ledger> => {
    // Every section is kept (most empty), so a section without a number is numbered by its place as in a whole load.
    const sections = stored.sections.map((section) => ({ ...section, items: [] as unknown[] }));
    for (const chunk of [...chunks].sort((a, b) => a - b)) {
      sections[stored.sectionOf[chunk]!]!.items.push(known?.(state.hashes.at(chunk)) ?? chunkValue(state.chunk(chunk)));
    }
    const [{ ledgerFromValue }, { resolveRelativeDues }] = await Promise.all([import('../read/read-ledger.js'), import('../read/resolve-relative-dues.js')]);
    const ledger = ledgerFromValue({ plan: stored.planValue, sections }, stored.displayFile, registry, stored.registryFile, today);
    await resolveRelativeDues(ledger, cwd);
    return ledger;
  };
  const editBase = (): Omit<EditBase, 'parts' | 'size'> | undefined => {
    // Every chunk an item numbered on its dash line, no number twice: an edit's item is then found by the layout alone.
    const numbers = new Set<string>();
    const all = packedRows();
    const written = state.numbers;
    for (let chunk = 0; chunk < all.length; chunk++) {
      const number = all[chunk]![0];
      if (number === null || number !== written[chunk] || numbers.has(number)) return undefined;
      numbers.add(number);
    }
    const sectionSizes = sectionSizesOf(stored.sectionOf, stored.sections.length);
    // Offsets kept as 32 bits: a ledger is read whole below 4 GB, so this is only a guard.
    const starts = state.starts;
    if (!sectionSizes || starts.some((start) => start > 0xffffffff)) return undefined;
    return {
      registryHash: state.registryHash,
      cwd,
      displayFile: stored.displayFile,
      registryFile: stored.registryFile,
      registryValue: stored.registryValue,
      planValue: stored.planValue,
      sections: stored.sections,
      sectionSizes,
      starts: Uint32Array.from(starts),
      numbers: renumbered([...numbers]),
      eol: state.eol,
      index: { stamp: stored.stamp, setting: stored.setting },
    };
  };
  let chunkHashes: string[] | undefined;
  return {
    file: stored.displayFile,
    contentKey: state.contentKey,
    plan: stored.plan,
    departments,
    get items() {
      return unpack().items;
    },
    get obligations() {
      return unpack().obligations;
    },
    errors,
    parsed,
    ...(counts.aggregates ? { summary: counts.aggregates } : {}),
    lastRecord: () =>
      // Counts stored before they kept record dates have none: the rows tell.
      counts.aggregates?.records ? lastRecordOf(counts.aggregates) : unpack().rows.reduce<string | undefined>((last, row) => (row.number !== null && row.lastRecord && (!last || row.lastRecord > last) ? row.lastRecord : last), undefined),
    registry,
    ledgerOf,
    // As strings only when a view asks (a listing view's shares): the status summary compares the hashes as stored.
    get chunkHashes() {
      return (chunkHashes ??= state.hashes.all());
    },
    identity: `${stored.skeleton}|${stored.setting}`,
    async chunkLedger(chunks, known) {
      const making = [...chunks].sort((a, b) => a - b).filter((chunk) => rowOf(chunk)[0] !== null);
      return { ledger: await ledgerOfChunks(making, known), chunks: making };
    },
    editBase,
  };
}

/**
 * After an edit of one item made through an edit base: the row of its new
 * text goes into the delta of the index the base came with, in place of its
 * old text's row, so the next view parses nothing. Nothing is kept when that
 * index has been rebuilt since, when `today` or the calendar differ from its
 * own, or when the delta is due to be folded: the next view then parses the
 * item itself, as after a hand edit.
 */
export async function keepEditedRow(cache: CacheStore, file: string, base: EditBase, calendar: string, edited: { old: string; hash: string; value: unknown; section: number }, today: string, cwd: string): Promise<void> {
  const index = base.index;
  if (!index || index.setting !== rowsSetting(base.registryHash, calendar, today, cwd)) return;
  const deltaKey = cacheKeys.itemIndexDelta(resolve(cwd, file));
  const delta = cache.get<IndexDelta>(deltaKey)?.value;
  if (delta?.stamp !== index.stamp || Object.keys(delta.rows).length + 1 >= foldAt(base.starts.length)) return;
  const { itemRow } = await import('./item-row.js');
  const setting: RowSetting = { file: base.displayFile, planValue: base.planValue, section: base.sections[edited.section]!, registry: registryFromValue(base.registryValue), registryFile: base.registryFile, today, cwd };
  // No other item has the old text (numbers are unique): its row goes, so the delta stays the size of what changed.
  delete delta.rows[edited.old];
  delta.rows[edited.hash] = packRow(await itemRow(edited.value, setting));
  cache.set(deltaKey, delta);
}

/** The chunk hashes and identity (IndexedLedger.identity) of the index stored for a file, as built; undefined when there is none. */
export function storedChunks(cache: CacheStore, file: string, cwd: string): { identity: string; chunkHashes: string[] } | undefined {
  const stored = storedHead(cache, resolve(cwd, file));
  if (!stored) return undefined;
  return { identity: `${stored.head.skeleton}|${stored.head.setting}`, chunkHashes: stored.order.all() };
}

/** What the full load of a ledger gives the index builder. */
export interface LoadedForIndex {
  file: string;
  displayFile: string;
  registryFile: string;
  /** The registry file's parsed value (the ledger's own `departments` when inline). */
  registryValue: unknown;
  /** Errors the full load and the view checks found. */
  errors: number;
  plan: StoredIndex['plan'];
  /** The ledger as loaded whole and what its load and view checks found: every row is read off them at once. */
  ledger?: Ledger;
  diagnostics?: readonly Diagnostic[];
}

/**
 * Builds the index of a ledger just loaded whole (the first run, or after its
 * plan, sections or registry changed), reusing the rows of chunks it had.
 * False when it kept none (a layout it cannot cut): what was stored before then stands for an older text.
 */
export async function buildIndex(cache: CacheStore, loaded: LoadedForIndex, calendar: string, today: string, cwd: string): Promise<boolean> {
  const state = fileState(loaded.file, loaded.registryFile, calendar, today, cwd, undefined);
  if (!state?.whole) return false;
  const split = splitAtItems(Buffer.from(state.whole.buffer, state.whole.byteOffset, state.whole.length).toString('utf8'));
  const hashes = state.hashes;
  if (!split || split.chunks.length !== hashes.length) return false;
  let skeleton: { plan?: unknown; sections?: { number?: unknown; title?: unknown; items?: unknown[] }[] };
  try {
    skeleton = loadYamlValue(split.skeleton) as typeof skeleton;
  } catch {
    return false;
  }
  const sections: StoredIndex['sections'] = [];
  const sectionOf: number[] = [];
  /** The chunk of sections[s].items[j], by `s/j`. */
  const chunkAt = new Map<string, number>();
  for (const section of Array.isArray(skeleton.sections) ? skeleton.sections : []) {
    sections.push({ number: section?.number, title: section?.title });
    (Array.isArray(section?.items) ? section.items : []).forEach((entry, j) => {
      if (typeof entry !== 'string' || !entry.startsWith(split.placeholder)) return;
      const chunk = Number(entry.slice(split.placeholder.length));
      sectionOf[chunk] = sections.length - 1;
      chunkAt.set(`${sections.length - 1}/${j}`, chunk);
    });
  }
  // Every item must sit in a section's list for its row to be computed alone.
  if (sectionOf.length !== split.chunks.length || Array.from(sectionOf, (s) => s === undefined).includes(true)) return false;
  // Rows depend on the plan, the registry, the calendar and today, not on the item's place: those of the last index stand.
  const previous = storedIndexOf(cache, loaded.file, cwd);
  const keep = new Map<string, PackedRow>();
  if (previous && previous.setting === state.setting && JSON.stringify(previous.planValue) === JSON.stringify(skeleton.plan)) {
    const rows = previous.rows.all();
    previous.order.all().forEach((hash, i) => keep.set(hash, rows[i]!));
    const delta = cache.get<IndexDelta>(cacheKeys.itemIndexDelta(resolve(cwd, loaded.file)))?.value;
    if (delta?.stamp === previous.stamp) for (const [hash, row] of Object.entries(delta.rows)) keep.set(hash, row);
  }
  const stored: StoredIndex = {
    skeleton: state.skeleton,
    setting: state.setting,
    registryFile: loaded.registryFile,
    registryValue: loaded.registryValue,
    displayFile: loaded.displayFile,
    planValue: skeleton.plan,
    plan: loaded.plan,
    sections,
    sectionOf,
    fixedErrors: 0,
    stamp: randomBytes(8).toString('hex'),
    order: hashes,
    groups: state.groups,
    rows: rowTableOf([]),
  };
  const packedRows: PackedRow[] = [];
  const registry = registryFromValue(loaded.registryValue);
  // One parse and one check of the whole ledger give every row; the one-item path only where they cannot.
  const batch = loaded.ledger && loaded.diagnostics ? (await import('./batch-rows.js')).batchRows(loaded.ledger, loaded.diagnostics, hashes.length, (s, j) => chunkAt.get(`${s}/${j}`)) : undefined;
  const rows: ItemRow[] = batch ?? [];
  if (batch?.some((row) => row.errors > 0)) {
    // An item with findings may model differently alone than in the whole (a field it cannot read): its row is the one-item path's, as after a hand edit.
    const { itemRow } = await import('./item-row.js');
    for (let i = 0; i < batch.length; i++) {
      if (batch[i]!.errors === 0) continue;
      const value = chunkValue(state.chunk(i));
      if (value === undefined) return false;
      batch[i] = await itemRow(value, rowSetting(stored, registry, i, today, cwd));
    }
  }
  if (batch) for (const row of batch) packedRows.push(packRow(row));
  const { itemRow } = batch ? { itemRow: undefined } : await import('./item-row.js');
  for (let i = 0; !batch && i < hashes.length; i++) {
    let row = keep.get(hashes.at(i));
    if (!row) {
      const value = chunkValue(state.chunk(i));
      if (value === undefined) return false;
      row = packRow(await itemRow!(value, rowSetting(stored, registry, i, today, cwd)));
      keep.set(hashes.at(i), row);
    }
    packedRows.push(row);
    rows.push(unpackRow(row));
  }
  const numbering = await numberingErrors(rows, loaded.displayFile);
  stored.fixedErrors = loaded.errors - rows.reduce((n, row) => n + row.errors, 0) - numbering;
  const aggregates = aggregatesOf(packedRows, registry.departments.length);
  if (aggregates) stored.aggregates = aggregates;
  stored.numberingErrors = numbering;
  stored.rows = rowTableOf(packedRows);
  keepIndex(cache, loaded.file, cwd, stored);
  cache.set(cacheKeys.itemIndexDelta(resolve(cwd, loaded.file)), { stamp: stored.stamp, rows: {} });
  keepLayoutHint(cache, loaded.file, cwd, state.hint(stored.stamp));
  return true;
}
