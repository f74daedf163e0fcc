/**
 * The derived per-item index: for each item chunk of a ledger file (by the
 * hash of its text) a compact row with what the views count — number,
 * section, status, due date, the deadline facts, postponed or not, roles by
 * department, and the errors the view checks find in the item. After a hand
 * edit only the changed chunks are parsed and their rows replaced; the rest
 * of the file is not parsed, modelled or checked. Derived and disposable: it
 * lives in the cache, and a run without it gives the same answers.
 */
import { resolve } from 'node:path';
import type { CacheStore } from '../cache/cache-store.js';
import { cacheKeys } from '../cache/cache-keys.js';
import { contentKeyOf } from '../cache/fingerprints.js';
import type { Department } from '../model/department.js';
import type { Item } from '../model/ledger.js';
import { ROLES } from '../model/role.js';
import type { Status } from '../model/status.js';
import type { DeadlineFacts } from '../query/deadline.js';
import { contentHash } from '../read/content-hash.js';
import { loadYamlValue } from '../read/load-yaml-value.js';
import { splitAtItems } from '../read/parse-yaml-chunks.js';
import { readSourceFile } from '../read/read-file.js';
import { registryFromValue } from '../read/read-registry.js';
import type { RowSetting } from './item-row.js';

/** One item chunk's row; `number` null when the chunk does not make an item (its shape errors still count). */
export type ItemRow =
  | { number: null; errors: number }
  | {
      number: string;
      /** The item's own due date (relative deadlines resolved). */
      due: string;
      facts: DeadlineFacts;
      postponed: boolean;
      /** [department index in the registry, role index in ROLES, 1 when only possibly concerned]. */
      obligations: [number, number, 0 | 1][];
      errors: number;
    };

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
  order: string[];
  rows: Record<string, ItemRow>;
}

/** The index's answer for a view: every item's facts and each department's obligations. */
export interface IndexedLedger {
  file: string;
  contentKey: string;
  plan: StoredIndex['plan'];
  departments: readonly Department[];
  items: { number: string; status: Status; due: string; facts: DeadlineFacts; postponed: boolean }[];
  obligations: { item: number; role: (typeof ROLES)[number]; possible: boolean }[][];
  errors: number;
  /** How many item chunks were parsed on this run (the rest came from the index). */
  parsed: number;
}

interface FileState {
  text: string;
  contentKey: string;
  skeleton: string;
  chunks: string[];
  hashes: string[];
  setting: string;
}

/** Reads the ledger and its registry as bytes and cuts the ledger at its items; undefined when the layout does not allow it. */
function fileState(file: string, registryFile: string, calendar: string, today: string, cwd: string): FileState | undefined {
  const read = readSourceFile(file, { allowLegacy: false, cwd });
  if (read.bytes === undefined || read.encoding !== 'utf-8') return undefined;
  const text = read.text();
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  const split = splitAtItems(text);
  if (!split || !split.chunks.length) return undefined;
  const sources = [{ file, hash: contentHash(read.bytes) }];
  let registryHash = '';
  if (resolve(cwd, registryFile) !== resolve(cwd, file)) {
    const registry = readSourceFile(registryFile, { allowLegacy: false, cwd });
    if (registry.bytes === undefined) return undefined;
    registryHash = contentHash(registry.bytes);
    sources.push({ file: registryFile, hash: registryHash });
  }
  return {
    text,
    contentKey: contentKeyOf(sources, cwd),
    skeleton: contentHash(split.skeleton),
    chunks: split.chunks,
    hashes: split.chunks.map(contentHash),
    setting: `${registryHash}|${calendar}|${today}|${cwd}`,
  };
}

/** The stored index of a file, when it was built for this build, file and setting. */
function storedIndexOf(cache: CacheStore, file: string, cwd: string): StoredIndex | undefined {
  return cache.get<StoredIndex>(cacheKeys.itemIndex(resolve(cwd, file)))?.value;
}

/**
 * The ledger's items as the views need them, from the index: only chunks not
 * seen before are parsed. Undefined when the index cannot answer (never built
 * for this file, its plan or sections or registry or calendar changed, a
 * chunk does not parse alone): the caller then loads the ledger whole.
 */
export async function indexedLedger(cache: CacheStore, file: string, calendar: string, today: string, cwd: string): Promise<IndexedLedger | undefined> {
  const stored = storedIndexOf(cache, file, cwd);
  if (!stored) return undefined;
  const state = fileState(file, stored.registryFile, calendar, today, cwd);
  if (!state || state.skeleton !== stored.skeleton || state.setting !== stored.setting) return undefined;
  const registry = registryFromValue(stored.registryValue);
  let parsed = 0;
  const missing = state.hashes.map((hash, i) => (stored.rows[hash] ? -1 : i)).filter((i) => i >= 0);
  if (missing.length) {
    const { itemRow } = await import('./item-row.js');
    for (const i of missing) {
      const value = chunkValue(state.chunks[i]!);
      if (value === undefined) return undefined;
      stored.rows[state.hashes[i]!] = await itemRow(value, rowSetting(stored, registry, i, today, cwd));
      parsed++;
    }
    // Rows of chunks no longer in the file are dropped, so the entry stays the size of the ledger.
    const rows: Record<string, ItemRow> = {};
    for (const hash of state.hashes) rows[hash] = stored.rows[hash]!;
    cache.set(cacheKeys.itemIndex(resolve(cwd, file)), { ...stored, order: state.hashes, rows });
  }
  return answer(stored, state, registry.departments, parsed);
}

/** One chunk's value; undefined unless it is a one-entry list. */
function chunkValue(chunk: string): unknown {
  try {
    const value = loadYamlValue(chunk);
    return Array.isArray(value) && value.length === 1 && value[0] !== undefined ? value[0] : undefined;
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

async function answer(stored: StoredIndex, state: FileState, departments: readonly Department[], parsed: number): Promise<IndexedLedger> {
  const rows = state.hashes.map((hash) => stored.rows[hash]!);
  const items: IndexedLedger['items'] = [];
  const obligations: IndexedLedger['obligations'] = departments.map(() => []);
  let errors = stored.fixedErrors + (await numberingErrors(rows, stored.displayFile));
  for (const row of rows) {
    errors += row.errors;
    if (row.number === null) continue;
    const at = items.length;
    items.push({ number: row.number, status: row.facts.status, due: row.due, facts: row.facts, postponed: row.postponed });
    for (const [department, role, possible] of row.obligations) obligations[department]!.push({ item: at, role: ROLES[role]!, possible: possible === 1 });
  }
  return { file: stored.displayFile, contentKey: state.contentKey, plan: stored.plan, departments, items, obligations, errors, parsed };
}

/** What the full load of a ledger gives the index builder. */
export interface LoadedForIndex {
  file: string;
  displayFile: string;
  registryFile: string;
  value: unknown;
  /** The registry file's parsed value (the ledger's own `departments` when inline). */
  registryValue: unknown;
  /** Errors the full load and the view checks found. */
  errors: number;
  plan: StoredIndex['plan'];
}

/**
 * Builds the index of a ledger just loaded whole (the first run, or after its
 * plan, sections or registry changed), reusing the rows of chunks it had.
 */
export async function buildIndex(cache: CacheStore, loaded: LoadedForIndex, calendar: string, today: string, cwd: string): Promise<void> {
  const state = fileState(loaded.file, loaded.registryFile, calendar, today, cwd);
  if (!state) return;
  const split = splitAtItems(state.text)!;
  const skeleton = loadYamlValue(split.skeleton) as { plan?: unknown; sections?: { number?: unknown; title?: unknown; items?: unknown[] }[] };
  const sections: StoredIndex['sections'] = [];
  const sectionOf: number[] = [];
  for (const section of Array.isArray(skeleton.sections) ? skeleton.sections : []) {
    sections.push({ number: section?.number, title: section?.title });
    for (const entry of Array.isArray(section?.items) ? section.items : []) {
      if (typeof entry === 'string' && entry.startsWith(split.placeholder)) sectionOf[Number(entry.slice(split.placeholder.length))] = sections.length - 1;
    }
  }
  // Every item must sit in a section's list for its row to be computed alone.
  if (sectionOf.length !== split.chunks.length || sectionOf.some((s) => s === undefined)) return;
  const previous = storedIndexOf(cache, loaded.file, cwd);
  const keep = previous && previous.setting === state.setting && JSON.stringify(previous.planValue) === JSON.stringify(skeleton.plan) ? previous.rows : {};
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
    order: state.hashes,
    rows: {},
  };
  const registry = registryFromValue(loaded.registryValue);
  const { itemRow } = await import('./item-row.js');
  for (let i = 0; i < state.chunks.length; i++) {
    const hash = state.hashes[i]!;
    if (stored.rows[hash]) continue;
    // A row does not depend on the item's section or place (only findings' wording does), so a kept row stands.
    if (keep[hash]) {
      stored.rows[hash] = keep[hash];
      continue;
    }
    const value = chunkValue(state.chunks[i]!);
    if (value === undefined) return;
    stored.rows[hash] = await itemRow(value, rowSetting(stored, registry, i, today, cwd));
  }
  const rows = state.hashes.map((hash) => stored.rows[hash]!);
  stored.fixedErrors = loaded.errors - rows.reduce((n, row) => n + row.errors, 0) - (await numberingErrors(rows, loaded.displayFile));
  cache.set(cacheKeys.itemIndex(resolve(cwd, loaded.file)), stored);
}
