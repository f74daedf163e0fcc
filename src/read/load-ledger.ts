import { resolve } from 'node:path';
import { displayPath, ledgerFolder } from './paths.js';
import { error, hasErrors, type Diagnostic } from '../diagnostic.js';
import type { Ledger } from '../model/ledger.js';
import { ledgerShape, registryShape } from '../schema/ledger-shape.js';
import { checkShape } from './check-shape.js';
import { parseYaml } from './parse-yaml.js';
import { readSourceFile } from './read-file.js';
import { SourceTexts } from './source-texts.js';
import { ledgerFromValue } from './read-ledger.js';
import { resolveRelativeDues } from './resolve-relative-dues.js';
import { registryFromValue } from './read-registry.js';
import { contentHash, type ParseCache } from './parse-cache.js';
import type { Shape } from '../schema/shape.js';

export interface LoadedLedger {
  /** Undefined when the file could not be read or parsed at all. */
  ledger?: Ledger;
  diagnostics: Diagnostic[];
  /** Text of every file read, for locating diagnostics. */
  texts: SourceTexts;
  /** Identifies the content of every file read (for caching results computed from it). */
  contentKey: string;
  /** The ledger file's plain parsed value, when it parsed. */
  value?: unknown;
}

export interface LoadOptions {
  stdin?: () => Buffer;
  /** Bytes to use instead of a file's (an edit not yet written, a staged version). */
  override?: (file: string) => Buffer | undefined;
  /** Parsed texts from earlier runs. */
  cache?: ParseCache;
}

/** Where a registry path written in the ledger points, relative to the ledger's folder. */
export function registryPath(ledgerFile: string, written: string): string {
  return displayPath(resolve(ledgerFolder(ledgerFile), written));
}

/**
 * Reads and parses a YAML file into a plain value and checks its shape, with
 * diagnostics for anything wrong. Both come from the cache when the text is unchanged.
 */
async function readYamlFile(file: string, texts: SourceTexts, options: LoadOptions, shape: Shape, keys: string[]) {
  const read = readSourceFile(file, { allowLegacy: false, stdin: options.stdin, override: options.override });
  if (read.bytes === undefined) return { value: undefined, diagnostics: read.diagnostics, usable: false };
  texts.set(file, read.text);
  const hash = options.cache ? contentHash(read.bytes) : '';
  // Absolute paths: the same key whichever folder gongkai runs from.
  keys.push(`${resolve(file)}:${hash}`);
  const shapeKey = `shape:${shape === ledgerShape ? 'ledger' : 'registry'}:${file}:${hash}`;
  const parsed = await parseYaml(() => texts.get(file)!, file, options.cache, hash);
  if (hasErrors(parsed.diagnostics)) return { ...parsed, usable: false };
  if (!isRecord(parsed.value)) return { value: parsed.value, diagnostics: [topLevelError(file, shape)], usable: false };
  const cached = options.cache?.get<Diagnostic[]>(shapeKey);
  if (cached) return { value: parsed.value, diagnostics: cached.value, usable: true };
  const diagnostics = checkShape(parsed.value, shape, file);
  options.cache?.set(shapeKey, diagnostics);
  return { value: parsed.value, diagnostics, usable: true };
}

const isRecord = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);

function topLevelError(file: string, shape: Shape): Diagnostic {
  const message = shape === ledgerShape ? '台账应为映射，顶层须有 plan、departments、sections 三个字段' : '部门名录应为映射，顶层须有 departments 字段';
  return error('WRONG_TYPE', message, { file, line: 1, col: 1 });
}

/** Loads a registry file on its own (import --registry); problems come back as diagnostics. */
export async function loadRegistry(file: string, options: LoadOptions = {}) {
  const texts = new SourceTexts();
  const read = await readYamlFile(file, texts, options, registryShape, []);
  return { registry: registryFromValue(read.value), diagnostics: read.diagnostics, texts };
}

/**
 * Loads a ledger file and its registry: read → parse → shape check → model.
 * Meaning checks (check/) run separately. Never throws on bad input.
 */
export async function loadLedger(file: string, options: LoadOptions = {}): Promise<LoadedLedger> {
  const texts = new SourceTexts();
  const keys: string[] = [];
  const parsed = await readYamlFile(file, texts, options, ledgerShape, keys);
  const diagnostics = [...parsed.diagnostics];
  if (!parsed.usable) return { diagnostics, texts, contentKey: keys.join('|') };
  const departments = (parsed.value as Record<string, unknown>).departments;
  let registryValue: unknown = departments;
  let registryFile = file;
  if (typeof departments === 'string') {
    registryFile = registryPath(file, departments);
    const registry = await readYamlFile(registryFile, texts, options, registryShape, keys);
    const missing = registry.diagnostics.find((d) => d.code === 'FILE_NOT_FOUND');
    if (missing) {
      diagnostics.push(error('REGISTRY_NOT_FOUND', `找不到部门名录文件「${registryFile}」`, { file, path: ['departments'] }));
    } else {
      diagnostics.push(...registry.diagnostics);
    }
    registryValue = registry.value;
  }
  const registry = registryFromValue(registryValue);
  if (options.cache && keys[0]) {
    // Lets quickContentKey find the registry of this exact ledger text without parsing it.
    const where = `registry-path:${keys[0]}`;
    const registryFor = registryFile === file ? '' : resolve(registryFile);
    if (options.cache.get<string>(where)?.value !== registryFor) options.cache.set(where, registryFor);
  }
  const ledger = ledgerFromValue(parsed.value, file, registry, registryFile);
  await resolveRelativeDues(ledger);
  return { ledger, diagnostics, texts, contentKey: keys.join('|'), value: parsed.value };
}
