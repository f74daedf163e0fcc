/**
 * validate item by item: each item's findings (its shape and the per-item
 * rules) are kept in the cache by the hash of the item's text, with where
 * they sit inside the item. After a hand edit only the items whose text is
 * new are parsed, modelled and checked; the findings about the plan, the
 * registry and the file's shape come from the small rest of the file (the
 * skeleton), and the numbering over all items from each item's number. Put
 * together in the order of a run over the whole ledger, and located in the
 * file as it is now (an item's line is found when shown, so findings move
 * with the lines above them). The same result as loading the ledger whole;
 * undefined whenever the file's layout does not allow it (the caller then
 * loads it whole, the reference this must equal).
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { cacheKeys, type CacheStore } from '../cache/index.js';
import { fileFingerprint, rememberRegistryOf } from '../cache/fingerprints.js';
import { allRules, assembleFindings, itemFindings, numberingFindings, planFindings, type LoadedRule, type NumberedItem } from '../check/check-parts.js';
import type { Diagnostic, PathSegment } from '../diagnostic.js';
import type { Registry } from '../model/department.js';
import { checkShape, type ShapeReuse } from '../read/check-shape.js';
import { contentHash, HASH_LENGTH } from '../read/content-hash.js';
import { conflictMarkerLine } from '../read/decode-text.js';
import { loadRegistry, registryPath } from '../read/load-ledger.js';
import { loadYamlValue } from '../read/load-yaml-value.js';
import { locateDiagnostics } from '../read/locate-diagnostics.js';
import { itemPositions, positionsIn } from '../read/yaml-positions.js';
import { ledgerLayout } from '../read/ledger-layout.js';
import { readSourceFile, type SourceFile } from '../read/read-file.js';
import { ledgerFromValue } from '../read/read-ledger.js';
import { registryFromValue } from '../read/read-registry.js';
import { resolveRelativeDues } from '../read/resolve-relative-dues.js';
import { SourceTexts } from '../read/source-texts.js';
import { itemShape, ledgerShape } from '../schema/ledger-shape.js';

/** A finding kept for one item: path relative to the item, line relative to the item's first line, no file (the ledger's). */
type KeptFinding = Omit<Diagnostic, 'file' | 'line' | 'col'> & { line: number; col: number };

/** What is kept of one item's text. */
interface ItemEntry {
  /** The item's number; null when the text makes no item (its shape findings still count). */
  n: string | null;
  /** Shape findings, when any. */
  s?: KeptFinding[];
  /** Findings of each per-item rule, in rule order, when any. */
  r?: KeptFinding[][];
  /** Where its number's value sits in it, kept once a numbering finding pointed there. */
  at?: { line: number; col: number };
}

/** An entry as stored: most items have no finding, and are kept as their number alone. */
type StoredEntry = ItemEntry | string;

const unpack = (stored: StoredEntry | undefined): ItemEntry | undefined => (typeof stored === 'string' ? { n: stored } : stored);
const pack = (entry: ItemEntry): StoredEntry => (entry.n !== null && !entry.s && !entry.r && !entry.at ? entry.n : entry);

/**
 * The stored entries of a file, valid for one setting (everything an item's findings depend on besides its text).
 * In file order: the items' text hashes one after another in one string, and their entries in an array. An object
 * keyed by 100,000 hashes took JSON.parse about half a second to build; a string and an array of strings, a tenth
 * of that, and a one-item edit leaves every other item where it was, found by its place without a map.
 */
interface StoredEntries {
  setting: string;
  /** Names this base: a delta belongs to it alone. */
  stamp: string;
  /** The hashes (sha1, hex), HASH_LENGTH characters each. */
  order: string;
  entries: StoredEntry[];
}

/** A base's entry of a text hash: at the same place in the file first (unmoved items), then anywhere. */
function baseLookup(base: StoredEntries | undefined): (hash: string, k: number) => StoredEntry | undefined {
  if (!base) return () => undefined;
  let byHash: Map<string, number> | undefined;
  return (hash, k) => {
    if (base.order.startsWith(hash, k * HASH_LENGTH)) return base.entries[k];
    if (!byHash) {
      byHash = new Map();
      for (let i = 0; i < base.entries.length; i++) byHash.set(base.order.slice(i * HASH_LENGTH, (i + 1) * HASH_LENGTH), i);
    }
    const at = byHash.get(hash);
    return at === undefined ? undefined : base.entries[at];
  };
}

/** Items checked since the base was written, so a one-item edit writes one item's worth. */
interface StoredDelta {
  stamp: string;
  items: Record<string, StoredEntry>;
}

/** A shape finding outside the items, and how many items come before it in the walk. */
interface OutsideFinding {
  before: number;
  d: Diagnostic;
}

/** What a skeleton (the file without its items, by the hash of its text) gives, for a file name (skeletonOf). */
interface StoredSkeleton extends Placement {
  hash: string;
  file: string;
  /** Its value, each section's `items` emptied. */
  value: Record<string, unknown>;
  /** Shape findings outside the items; null when the walk must be made on every run. */
  outside: OutsideFinding[] | null;
}

/** How many new items are parsed, modelled and checked together. */
const CHECK_BATCH = 2048;

/** A delta folds into the base once it holds this many items. */
const foldAt = (items: number) => Math.max(8, items >> 4);

export interface ChunkedValidation {
  contentKey: string;
  file: string;
  items: number;
  diagnostics: Diagnostic[];
  texts: SourceTexts;
  /** How many item texts were parsed and checked on this run (the rest came from the cache). */
  checked: number;
}

export interface ChunkedRequest {
  file: string;
  cwd: string;
  today: string;
  calendar: string;
  graceDays?: number;
  maxBytes: number;
  /** The ledger as already read this run. */
  ledger?: SourceFile;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** One item's text on its own, as the parse item by item reads it: a list of exactly one entry; undefined otherwise. */
function itemValue(text: string): unknown {
  try {
    const parsed = loadYamlValue(text);
    return Array.isArray(parsed) && parsed.length === 1 && parsed[0] !== undefined ? parsed[0] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A ledger's bytes cut at its items (read/ledger-layout.ts), as the parse
 * item by item cuts its text (parse-yaml-chunks.ts, splitAtItems): the same
 * items and the same skeleton, without decoding the file. Item k's bytes are
 * bytes[starts[k], ends[k]).
 */
interface ItemCut {
  bytes: Buffer;
  starts: number[];
  ends: number[];
  placeholder: string;
  /** The file with each item replaced by a line holding the placeholder and its number. */
  skeleton: string;
}

function cutAtItems(bytes: Buffer): ItemCut | undefined {
  const layout = ledgerLayout(bytes, { numbers: false });
  if (!layout || !layout.items.length) return undefined;
  const gaps: string[] = [];
  let copiedTo = 0;
  for (const item of layout.items) {
    gaps.push(bytes.toString('utf8', copiedTo, item.start));
    copiedTo = item.end;
  }
  gaps.push(bytes.toString('utf8', copiedTo));
  // Never a string the skeleton holds otherwise (what the items hold is not in it).
  let placeholder = 'gkchunk';
  while (gaps.some((gap) => gap.includes(placeholder))) placeholder += 'x';
  placeholder += '_';
  const parts: string[] = [];
  layout.items.forEach((item, i) => parts.push(gaps[i]!, `${' '.repeat(item.indent)}- ${placeholder}${i}\n`));
  parts.push(gaps[gaps.length - 1]!);
  return { bytes, starts: layout.items.map((item) => item.start), ends: layout.items.map((item) => item.end), placeholder, skeleton: parts.join('') };
}

const itemText = (cut: ItemCut, k: number) => cut.bytes.toString('utf8', cut.starts[k], cut.ends[k]);

/** An item as the numbering sees it; only a finding asks for its path. */
class NumberedAt implements NumberedItem {
  constructor(
    readonly number: string,
    readonly section: string,
    private readonly s: number,
    private readonly j: number,
  ) {}

  get path(): PathSegment[] {
    return ['sections', this.s, 'items', this.j];
  }
}

/** Where each item stands in the skeleton's value: the section and the place in its items of each item. */
interface Placement {
  sectionOf: number[];
  placeOf: number[];
}

/** Where each item stands; undefined unless every item is an entry of a section's `items`, and every such entry an item. */
function placement(count: number, tree: Record<string, unknown>, placeholder: string): Placement | undefined {
  if (!Array.isArray(tree.sections)) return undefined;
  const sectionOf: number[] = new Array(count).fill(-1);
  const placeOf: number[] = new Array(count).fill(-1);
  let placed = 0;
  const sections: unknown[] = tree.sections;
  for (let s = 0; s < sections.length; s++) {
    const section: unknown = sections[s];
    if (!isRecord(section) || !Array.isArray(section.items)) continue;
    const items: unknown[] = section.items;
    for (let j = 0; j < items.length; j++) {
      const entry: unknown = items[j];
      if (typeof entry !== 'string' || !entry.startsWith(placeholder)) return undefined;
      const chunk = Number(entry.slice(placeholder.length));
      if (!Number.isInteger(chunk) || chunk < 0 || chunk >= count || sectionOf[chunk] !== -1) return undefined;
      sectionOf[chunk] = s;
      placeOf[chunk] = j;
      placed++;
    }
  }
  return placed === count ? { sectionOf, placeOf } : undefined;
}

/** The skeleton's value with an object standing for each item (the shape walk asks for the findings of each such object), and which item each stands for. */
function withMarkers(tree: Record<string, unknown>, { sectionOf, placeOf }: Placement): { tree: Record<string, unknown>; markers: Map<object, number> } {
  const marked = structuredClone(tree);
  const markers = new Map<object, number>();
  sectionOf.forEach((s, chunk) => {
    const marker = {};
    markers.set(marker, chunk);
    ((marked.sections as Record<string, unknown>[])[s]!.items as unknown[])[placeOf[chunk]!] = marker;
  });
  return { tree: marked, markers };
}

/**
 * The skeleton read for a file name: its value without the items (each
 * section's `items` emptied), where each item stands, and the shape findings
 * outside the items. Kept by the skeleton's text: a large ledger's skeleton
 * holds a line for each item, and reading this back costs less than parsing
 * and walking it. Undefined when it does not parse or does not hold the items
 * as entries of the sections' lists.
 */
function skeletonOf(cache: CacheStore, key: string, cut: ItemCut, file: string): StoredSkeleton | undefined {
  const hash = contentHash(cut.skeleton);
  const kept = cache.get<StoredSkeleton>(key)?.value;
  if (kept?.hash === hash && kept.file === file) return kept;
  // Conflict markers stand outside the items (checkNewItems looks inside them): the whole load reports them.
  if (conflictMarkerLine(cut.skeleton)) return undefined;
  let tree: unknown;
  try {
    tree = loadYamlValue(cut.skeleton);
  } catch {
    return undefined;
  }
  if (!isRecord(tree)) return undefined;
  const placed = placement(cut.starts.length, tree, cut.placeholder);
  if (!placed) return undefined;
  const outside = shapeOutsideItems(withMarkers(tree, placed), file);
  for (const section of tree.sections as unknown[]) if (isRecord(section) && Array.isArray(section.items)) section.items = [];
  const skeleton: StoredSkeleton = { hash, file, value: tree, ...placed, outside };
  cache.set(key, skeleton);
  return skeleton;
}

/**
 * The shape findings outside the items, each with how many items the walk
 * had passed when it was found; null when the walk does not meet the items in
 * file order (then the skeleton is walked on every run).
 */
function shapeOutsideItems({ tree, markers }: ReturnType<typeof withMarkers>, file: string): OutsideFinding[] | null {
  const out: Diagnostic[] = [];
  const passed: number[] = [];
  let inOrder = true;
  const reuse: ShapeReuse = {
    shape: itemShape,
    lookup: (element) => {
      if (markers.get(element as object) !== passed.length) inOrder = false;
      passed.push(out.length);
      return [];
    },
    keep: () => {},
  };
  checkShape(tree, ledgerShape, file, [], out, reuse);
  if (!inOrder || passed.length !== markers.size) return null;
  let before = 0;
  return out.map((d, i) => {
    while (before < passed.length && passed[before]! <= i) before++;
    return { before, d };
  });
}

/** The typed array's own indexOf (a Buffer's goes through a slower wrapper). */
const byteIndexOf = Uint8Array.prototype.indexOf;

/** The line each item starts on, and how many lines it spans. */
function itemLines(cut: ItemCut): { first: number[]; spans: number[] } {
  const { bytes } = cut;
  const first: number[] = [];
  const spans: number[] = [];
  let line = 1;
  let from = 0;
  const count = (to: number) => {
    let n = 0;
    for (let i = byteIndexOf.call(bytes, 10, from); i >= 0 && i < to; i = byteIndexOf.call(bytes, 10, i + 1)) n++;
    from = to;
    return n;
  };
  cut.starts.forEach((start, k) => {
    line += count(start);
    first.push(line);
    const end = cut.ends[k]!;
    const newlines = count(end);
    // An item at the end of a file without a final line end still spans its last line.
    spans.push(newlines + (end > start && bytes[end - 1] !== 10 ? 1 : 0));
    line += newlines;
  });
  return { first, spans };
}

/**
 * Positions in the file of paths outside the items, from the skeleton parsed
 * alone: each item stands there on one line, so a line after it moves down by
 * the item's other lines.
 */
function skeletonPositions(cut: ItemCut, lines: { first: number[]; spans: number[] }) {
  const positions = positionsIn(cut.skeleton);
  // The skeleton line of each item's placeholder, and the file lines added up to and including it.
  const placeholderLine: number[] = [];
  const addedThrough: number[] = [];
  let added = 0;
  lines.first.forEach((line, k) => {
    placeholderLine.push(line - added);
    added += lines.spans[k]! - 1;
    addedThrough.push(added);
  });
  return (path: readonly PathSegment[], at: 'key' | 'value') => {
    const { line, col } = positions(path, at);
    // The last placeholder at or above the line.
    let low = 0;
    let high = placeholderLine.length - 1;
    let k = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (placeholderLine[mid]! <= line) {
        k = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (k < 0) return { line, col };
    if (placeholderLine[k] === line) return { line: lines.first[k]!, col };
    return { line: line + addedThrough[k]!, col };
  };
}

/** The registry a ledger names: its file, model, bytes' hash ('' inline) and its own findings; undefined when it cannot be read cleanly. */
async function registryOf(tree: Record<string, unknown>, request: ChunkedRequest) {
  const { file, cwd } = request;
  const departments = tree.departments;
  if (typeof departments !== 'string') return { file, registry: registryFromValue(departments), hash: '', findings: [] as Diagnostic[], text: undefined };
  const registryFile = registryPath(file, departments, cwd);
  const source = readSourceFile(registryFile, { allowLegacy: false, cwd, maxBytes: request.maxBytes });
  if (source.bytes === undefined) return undefined;
  const loaded = await loadRegistry(registryFile, { cwd, maxBytes: request.maxBytes });
  // A file that cannot be read or parsed is reported by the whole load.
  if (loaded.diagnostics.some((d) => !d.path)) return undefined;
  return { file: registryFile, registry: loaded.registry, hash: contentHash(source.bytes), findings: loaded.diagnostics, text: source.text };
}

/** The stored entries for a setting, the base's and the delta's; empty when kept for another setting. */
function storedEntries(cache: CacheStore, absolute: string, setting: string) {
  const base = cache.get<StoredEntries>(cacheKeys.itemValidation(absolute))?.value;
  if (base?.setting !== setting || typeof base.order !== 'string' || !Array.isArray(base.entries) || base.order.length !== base.entries.length * HASH_LENGTH) {
    return { base: undefined, delta: { stamp: '', items: {} } as StoredDelta };
  }
  const delta = cache.get<StoredDelta>(cacheKeys.itemValidationDelta(absolute))?.value;
  return { base, delta: delta?.stamp === base.stamp ? delta : { stamp: base.stamp, items: {} } };
}

/** Entries for the items not seen before: each parsed, shape-checked and modelled, and all checked at once. */
async function checkNewItems(texts: string[], request: ChunkedRequest, tree: Record<string, unknown>, registry: Registry, registryFile: string, rules: readonly LoadedRule[]): Promise<ItemEntry[] | undefined> {
  // A conflict marker may stand inside an item's line after a line separator (U+2028): the whole load reports it.
  if (texts.some((text) => conflictMarkerLine(text))) return undefined;
  const values = texts.map(itemValue);
  if (values.includes(undefined)) return undefined;
  const { file, today } = request;
  const shapes = values.map((value) => checkShape(value, itemShape, file, ['sections', 0, 'items', 0]));
  // The items stand in one section: their findings do not depend on their section or place.
  const ledger = ledgerFromValue({ plan: tree.plan, sections: [{ items: values }] }, file, registry, registryFile, today);
  await resolveRelativeDues(ledger, request.cwd);
  const found = itemFindings(rules, { ledger, today, graceDays: request.graceDays }, values.length);
  const numbers: (string | null)[] = values.map(() => null);
  for (const item of ledger.items) numbers[item.path[3] as number] = item.number;
  return texts.map((text, j) => {
    const position = itemPositions(text);
    const keep = (d: Diagnostic): KeptFinding => {
      const path = d.path!.slice(4);
      const { file: _file, line: _line, col: _col, ...rest } = d;
      return { ...rest, path, ...position(path, d.at ?? 'value') };
    };
    const entry: ItemEntry = { n: numbers[j]! };
    if (shapes[j]!.length) entry.s = shapes[j]!.map(keep);
    if (found[j]!.some((list) => list.length)) entry.r = found[j]!.map((list) => list.map(keep));
    return entry;
  });
}

/**
 * validate's findings for a ledger item by item, or undefined when the file's
 * layout, its parse or its registry do not allow it.
 */
export async function chunkedValidation(cache: CacheStore, request: ChunkedRequest): Promise<ChunkedValidation | undefined> {
  const { file, cwd, today } = request;
  const source = request.ledger ?? readSourceFile(file, { allowLegacy: false, cwd, maxBytes: request.maxBytes });
  // UTF-8 without a byte-order mark: the text is the bytes decoded, and is decoded only to be shown.
  if (source.bytes === undefined || source.encoding !== 'utf-8') return undefined;
  const cut = cutAtItems(source.bytes);
  if (!cut) return undefined;
  const skeleton = skeletonOf(cache, cacheKeys.itemValidationSkeleton(resolve(cwd, file)), cut, file);
  if (!skeleton) return undefined;
  const { value: tree, sectionOf, placeOf, outside: shapeOutside } = skeleton;
  const itemAt: number[][] = [];
  sectionOf.forEach((s, k) => ((itemAt[s] ??= [])[placeOf[k]!] = k));
  const registry = await registryOf(tree, request);
  if (!registry) return undefined;
  const absolute = resolve(cwd, file);
  const setting = contentHash(
    JSON.stringify([file, registry.file, registry.hash, request.calendar, today, cwd, request.graceDays ?? null, tree.plan ?? null, registry.hash ? null : (tree.departments ?? null)]),
  );
  const rules = await allRules();
  const stored = storedEntries(cache, absolute, setting);
  const inBase = baseLookup(stored.base);
  const known = (hash: string, k: number): StoredEntry | undefined => stored.delta.items[hash] ?? inBase(hash, k);
  const hashes = cut.starts.map((start, k) => contentHash(cut.bytes.subarray(start, cut.ends[k])));

  // Only the items whose text is new are parsed and checked.
  const fresh = new Map<string, number>();
  const kept: (StoredEntry | undefined)[] = hashes.map((hash, k) => {
    const entry = known(hash, k);
    if (!entry && !fresh.has(hash)) fresh.set(hash, k);
    return entry;
  });
  const added: Record<string, ItemEntry> = {};
  // A few thousand at a time: the first run on a large ledger holds one batch's values and models, not the whole file's.
  const freshHashes = [...fresh.keys()];
  for (let from = 0; from < freshHashes.length; from += CHECK_BATCH) {
    const batch = freshHashes.slice(from, from + CHECK_BATCH);
    const entries = await checkNewItems(
      batch.map((hash) => itemText(cut, fresh.get(hash)!)),
      request,
      tree,
      registry.registry,
      registry.file,
      rules,
    );
    if (!entries) return undefined;
    batch.forEach((hash, i) => (added[hash] = entries[i]!));
  }
  // Most items have no finding and are kept as their number alone: read as such, not unpacked.
  const entries: StoredEntry[] = hashes.map((hash, k) => added[hash] ?? kept[k]!);
  const entryOf = (k: number) => unpack(entries[k])!;
  const numberAt = (k: number) => {
    const entry = entries[k]!;
    return typeof entry === 'string' ? entry : entry.n;
  };
  /** The items with findings of their own. */
  const withFindings: number[] = [];
  entries.forEach((entry, k) => typeof entry !== 'string' && (entry.s || entry.r) && withFindings.push(k));

  const lines = itemLines(cut);
  /** A kept finding of item k, in the file: its line is shifted by locate below. */
  const inItem = (k: number, d: KeptFinding): Diagnostic => {
    return { ...d, file, path: ['sections', sectionOf[k]!, 'items', placeOf[k]!, ...(d.path ?? [])] };
  };
  const chunkOfPath = (path: readonly PathSegment[] | undefined) =>
    path && path[0] === 'sections' && path[2] === 'items' && path.length >= 4 && typeof path[1] === 'number' && typeof path[3] === 'number' ? itemAt[path[1]]?.[path[3]] : undefined;

  // The file's shape: the skeleton walked as the whole value would be, each item's findings put in its place.
  const shape: Diagnostic[] = [];
  if (shapeOutside) {
    // Each item's findings between those outside the items found before and after it.
    let o = 0;
    for (const k of withFindings) {
      while (o < shapeOutside.length && shapeOutside[o]!.before <= k) shape.push(shapeOutside[o++]!.d);
      for (const d of entryOf(k).s ?? []) shape.push(inItem(k, d));
    }
    while (o < shapeOutside.length) shape.push(shapeOutside[o++]!.d);
  } else {
    const marked = withMarkers(tree, skeleton);
    const reuse: ShapeReuse = { shape: itemShape, lookup: (element) => (entryOf(marked.markers.get(element as object)!).s ?? []) as unknown as Diagnostic[], keep: () => {} };
    checkShape(marked.tree, ledgerShape, file, [], shape, reuse);
  }
  // The plan, sections and registry as modelled without their items.
  const bare = ledgerFromValue(tree, file, registry.registry, registry.file, today);
  const context = { ledger: bare, today, graceDays: request.graceDays };
  const numbered: NumberedItem[] = [];
  let items = 0;
  sectionOf.forEach((s, k) => {
    const n = numberAt(k);
    if (n === null) return;
    items++;
    numbered.push(new NumberedAt(n, bare.sections[s]!.number, s, placeOf[k]!));
  });
  const numbering = numberingFindings({ today, file }, numbered);
  const perRule = (r: number) => {
    const out: Diagnostic[] = [];
    for (const k of withFindings) {
      const found = entryOf(k).r?.[r];
      if (found) for (const d of found) out.push(inItem(k, d));
    }
    return out;
  };
  const checks = assembleFindings(rules, planFindings(rules, context), numbering, perRule);

  // Located: an item's findings from where they sit in it, the rest from the skeleton or the registry's own text.
  const changed: Record<string, ItemEntry> = { ...added };
  let outside: ReturnType<typeof skeletonPositions> | undefined;
  const texts = new SourceTexts();
  texts.setSource(file, () => source);
  if (registry.text) texts.set(registry.file, registry.text);
  const locate = (d: Diagnostic): Diagnostic => {
    if (!d.path || d.file !== file) return d;
    const k = chunkOfPath(d.path);
    if (k === undefined) {
      outside ??= skeletonPositions(cut, lines);
      return { ...d, ...outside(d.path, d.at ?? 'value') };
    }
    // Kept findings carry their line in the item; the numbering's point at the item's number, found once.
    if (d.line !== undefined) return { ...d, line: lines.first[k]! + d.line - 1 };
    const inside = d.path.slice(4);
    const entry = entryOf(k);
    const isNumber = inside.length === 1 && inside[0] === 'number' && (d.at ?? 'value') === 'value';
    if (isNumber && !entry.at) changed[hashes[k]!] = { ...entry, at: itemPositions(itemText(cut, k))(inside, 'value') };
    const at = isNumber ? (changed[hashes[k]!] ?? entry).at! : itemPositions(itemText(cut, k))(inside, d.at ?? 'value');
    return { ...d, line: lines.first[k]! + at.line - 1, col: at.col };
  };
  const all = [...shape, ...registry.findings, ...checks].map(locate);
  // The registry file's findings, located in its text at once.
  const elsewhere = all.filter((d) => d.line === undefined && d.path);
  const locatedElsewhere = elsewhere.length ? await locateDiagnostics(elsewhere, texts, { itemByItem: false }) : [];
  const locatedAs = new Map(elsewhere.map((d, i) => [d, locatedElsewhere[i]!]));
  const diagnostics = all.map((d) => locatedAs.get(d) ?? d);

  save(cache, absolute, setting, stored, changed, hashes, entries);
  const fingerprint = fileFingerprint(file, source.bytes, cwd);
  const contentKey = [fingerprint, ...(registry.hash ? [`${resolve(cwd, registry.file)}:${registry.hash}`] : [])].join('|');
  rememberRegistryOf(cache, fingerprint, registry.hash ? registry.file : undefined, cwd);
  return { contentKey, file, items, diagnostics, texts, checked: fresh.size };
}

/** Writes what this run added: into the delta, or a new base when the delta has grown or the setting changed. */
function save(cache: CacheStore, absolute: string, setting: string, stored: ReturnType<typeof storedEntries>, changed: Record<string, ItemEntry>, hashes: string[], entries: StoredEntry[]): void {
  if (!Object.keys(changed).length) return;
  const deltaItems: Record<string, StoredEntry> = { ...stored.delta.items };
  for (const [hash, entry] of Object.entries(changed)) deltaItems[hash] = pack(entry);
  if (stored.base && Object.keys(deltaItems).length < foldAt(hashes.length)) {
    // Entries of texts no longer in the file are dropped, so the delta stays the size of what changed.
    const current = new Set(hashes);
    for (const hash of Object.keys(deltaItems)) if (!current.has(hash)) delete deltaItems[hash];
    cache.set(cacheKeys.itemValidationDelta(absolute), { stamp: stored.base.stamp, items: deltaItems } satisfies StoredDelta);
    return;
  }
  // Every current item's entry, as this run used it, with what this run changed (a numbering finding's place).
  const current = hashes.map((hash, k) => (changed[hash] ? pack(changed[hash]) : entries[k]!));
  const stamp = randomBytes(8).toString('hex');
  cache.set(cacheKeys.itemValidation(absolute), { setting, stamp, order: hashes.join(''), entries: current } satisfies StoredEntries);
  cache.set(cacheKeys.itemValidationDelta(absolute), { stamp, items: {} } satisfies StoredDelta);
}
