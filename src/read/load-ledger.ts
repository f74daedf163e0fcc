import { resolve } from 'node:path';
import { displayPath, ledgerFolder } from './paths.js';
import { error, hasErrors, type Diagnostic } from '../diagnostic.js';
import type { Ledger } from '../model/ledger.js';
import { itemShape, ledgerShape, registryShape } from '../schema/ledger-shape.js';
import { checkShape, type ShapeReuse } from './check-shape.js';
import { parseYaml } from './parse-yaml.js';
import { readSourceFile } from './read-file.js';
import { SourceTexts } from './source-texts.js';
import { ledgerFromValue } from './read-ledger.js';
import { resolveRelativeDues } from './resolve-relative-dues.js';
import { registryFromValue } from './read-registry.js';
import { contentHash } from './content-hash.js';
import type { ParseMemo, StoredParse } from './parse-memo.js';
import { assembleTable, chunkHashOf } from './parse-yaml-chunks.js';
import type { Shape } from '../schema/shape.js';

export interface LoadedLedger {
  /** Undefined when the file could not be read or parsed at all. */
  ledger?: Ledger;
  diagnostics: Diagnostic[];
  /** Text of every file read, for locating diagnostics. */
  texts: SourceTexts;
  /** Every file read and the hash of its bytes (what results computed from them depend on). */
  sources: SourceFingerprint[];
  /** The ledger file's plain parsed value, when it parsed. */
  value?: unknown;
}

export interface SourceFingerprint {
  file: string;
  hash: string;
}

export interface LoadOptions {
  /** The working folder relative file names start from (Io's, never the process's). */
  cwd: string;
  /** Today (Beijing, from Io's clock): the plan's year when the ledger names none. */
  today?: string;
  /** The most bytes a file may have (GONGKAI_MAX_FILE_MB, read by the caller). */
  maxBytes?: number;
  stdin?: () => Buffer;
  /** Bytes to use instead of a file's (an edit not yet written, a staged version). */
  override?: (file: string) => Buffer | undefined;
  /** Parses from earlier runs, so that an unchanged file is not parsed again and a changed one only where it changed. */
  memo?: ParseMemo;
}

/** Where a registry path written in the ledger points, relative to the ledger's folder. */
export function registryPath(ledgerFile: string, written: string, cwd: string): string {
  return displayPath(resolve(ledgerFolder(ledgerFile, cwd), written), cwd);
}

/**
 * With nothing kept between runs (no memo: the cache is off), a file's and its items' hashes are never
 * looked up again: each gets a token of its own instead, and node:crypto is not loaded for them (about
 * 10 ms, a tenth of such a run). Never equal to another, so nothing can be mistaken for something else.
 */
let tokens = 0;
const ownToken = () => `unkeyed-${++tokens}`;

/**
 * Reads and parses a YAML file into a plain value and checks its shape, with
 * diagnostics for anything wrong. Both are reused from the last parse when the text is unchanged.
 */
async function readYamlFile(file: string, texts: SourceTexts, options: LoadOptions, shape: Shape, sources: SourceFingerprint[]) {
  // Asked once: an override may run git.
  const given = options.override?.(file);
  const read = readSourceFile(file, { allowLegacy: false, cwd: options.cwd, maxBytes: options.maxBytes, stdin: options.stdin, override: () => given });
  if (read.bytes === undefined) return { value: undefined, diagnostics: read.diagnostics, usable: false };
  texts.set(file, read.text);
  const hashOf = options.memo ? contentHash : ownToken;
  const hash = hashOf(read.bytes);
  sources.push({ file, hash });
  // Everything kept is found by the hash of the bytes, so other bytes for the same path (a staged version, an edit being checked) are safe to keep too.
  const memo = file === '-' ? undefined : options.memo;
  const previous = memo?.previous(file);
  const same = previous?.hash === hash;
  const reused = same ? (previous.table ? assembleTable(previous.table) : previous.whole) : undefined;
  const parsed = reused !== undefined ? { value: reused, diagnostics: [], table: previous!.table } : await parseYaml(texts.get(file)!, file, previous?.table, hashOf, memo !== undefined);
  if (hasErrors(parsed.diagnostics)) return { ...parsed, usable: false };
  if (!isRecord(parsed.value)) return { value: parsed.value, diagnostics: [topLevelError(file, shape)], usable: false };
  const reusable = same && previous.shape?.file === file;
  // After a hand edit, items whose text is unchanged keep the shape findings they had.
  const itemShapes: Record<string, Diagnostic[]> = {};
  const reuse = memo && parsed.table ? itemShapeReuse(previous, itemShapes) : undefined;
  const shapeFindings = reusable ? previous.shape!.diagnostics : checkShape(parsed.value, shape, file, [], [], reuse);
  if (memo && !reusable) {
    memo.remember(file, { hash, ...(parsed.table ? { table: parsed.table, itemShapes } : { whole: parsed.value }), shape: { file, diagnostics: shapeFindings } });
  }
  return { value: parsed.value, diagnostics: shapeFindings, usable: true };
}

/** Shape findings per item chunk: reused for items the previous parse had, kept for the next run. */
function itemShapeReuse(previous: StoredParse | undefined, kept: Record<string, Diagnostic[]>): ShapeReuse {
  const checked = new Set(previous?.table?.order ?? []);
  return {
    shape: itemShape,
    lookup: (element) => {
      const hash = chunkHashOf(element);
      if (!hash || !checked.has(hash)) return undefined;
      const found = previous?.itemShapes?.[hash] ?? [];
      if (found.length) kept[hash] = found;
      return found;
    },
    keep: (element, relative) => {
      const hash = chunkHashOf(element);
      if (hash && relative.length) kept[hash] = relative;
    },
  };
}

const isRecord = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);

function topLevelError(file: string, shape: Shape): Diagnostic {
  const message = shape === ledgerShape ? '台账应为映射，顶层须有 plan、departments、sections 三个字段' : '部门名录应为映射，顶层须有 departments 字段';
  return error('WRONG_TYPE', message, { file, line: 1, col: 1 });
}

/** Loads a registry file on its own (import --registry); problems come back as diagnostics. */
export async function loadRegistry(file: string, options: LoadOptions) {
  const texts = new SourceTexts();
  const read = await readYamlFile(file, texts, options, registryShape, []);
  return { registry: registryFromValue(read.value), diagnostics: read.diagnostics, texts };
}

/**
 * Loads a ledger file and its registry: read → parse → shape check → model.
 * Meaning checks (check/) run separately. Never throws on bad input.
 */
export async function loadLedger(file: string, options: LoadOptions): Promise<LoadedLedger> {
  const texts = new SourceTexts();
  const sources: SourceFingerprint[] = [];
  const parsed = await readYamlFile(file, texts, options, ledgerShape, sources);
  const diagnostics = [...parsed.diagnostics];
  if (!parsed.usable) return { diagnostics, texts, sources };
  const departments = (parsed.value as Record<string, unknown>).departments;
  let registryValue: unknown = departments;
  let registryFile = file;
  if (typeof departments === 'string') {
    registryFile = registryPath(file, departments, options.cwd);
    const registry = await readYamlFile(registryFile, texts, options, registryShape, sources);
    const missing = registry.diagnostics.find((d) => d.code === 'FILE_NOT_FOUND');
    if (missing) {
      diagnostics.push(error('REGISTRY_NOT_FOUND', `找不到部门名录文件「${registryFile}」`, { file, path: ['departments'] }));
    } else {
      diagnostics.push(...registry.diagnostics);
    }
    registryValue = registry.value;
  }
  const registry = registryFromValue(registryValue);
  if (sources[0] && file !== '-') options.memo?.registryNamed(file, sources[0].hash, registryFile === file ? undefined : registryFile);
  const ledger = ledgerFromValue(parsed.value, file, registry, registryFile, options.today);
  await resolveRelativeDues(ledger, options.cwd);
  return { ledger, diagnostics, texts, sources, value: parsed.value };
}
