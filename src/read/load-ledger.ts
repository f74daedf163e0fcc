import { dirname, resolve } from 'node:path';
import { displayPath } from './paths.js';
import { error, hasErrors, type Diagnostic } from '../diagnostic.js';
import type { Ledger } from '../model/ledger.js';
import { ledgerShape, registryShape } from '../schema/ledger-shape.js';
import { checkShape } from './check-shape.js';
import { parseYaml } from './parse-yaml.js';
import { readTextFile } from './read-file.js';
import { ledgerFromValue } from './read-ledger.js';
import { registryFromValue } from './read-registry.js';

export interface LoadedLedger {
  /** Undefined when the file could not be read or parsed at all. */
  ledger?: Ledger;
  diagnostics: Diagnostic[];
  /** Text of every file read, for locating diagnostics and for edits. */
  texts: Map<string, string>;
}

export interface LoadOptions {
  stdin?: () => Buffer;
  /** Bytes to use instead of a file's (an edit not yet written, a staged version). */
  override?: (file: string) => Buffer | undefined;
}

/** Where a registry path written in the ledger points, relative to the ledger's folder. */
export function registryPath(ledgerFile: string, written: string): string {
  const base = ledgerFile === '-' ? process.cwd() : dirname(ledgerFile);
  return displayPath(resolve(base, written));
}

/** Reads and parses a YAML file into a plain value, with diagnostics for anything wrong. */
async function readYamlFile(file: string, texts: Map<string, string>, options: LoadOptions) {
  const read = readTextFile(file, { allowLegacy: false, stdin: options.stdin, override: options.override });
  if (read.text === undefined) return { value: undefined, diagnostics: read.diagnostics };
  texts.set(file, read.text);
  return parseYaml(read.text, file);
}

/**
 * Loads a ledger file and its registry: read → parse → shape check → model.
 * Meaning checks (check/) run separately. Never throws on bad input.
 */
export async function loadLedger(file: string, options: LoadOptions = {}): Promise<LoadedLedger> {
  const texts = new Map<string, string>();
  const parsed = await readYamlFile(file, texts, options);
  const diagnostics = [...parsed.diagnostics];
  if (hasErrors(diagnostics)) return { diagnostics, texts };
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    diagnostics.push(error('WRONG_TYPE', '台账应为映射，顶层须有 plan、departments、sections 三个字段', { file, line: 1, col: 1 }));
    return { diagnostics, texts };
  }
  checkShape(parsed.value, ledgerShape, file, [], diagnostics);
  const departments = (parsed.value as Record<string, unknown>).departments;
  let registryValue: unknown = departments;
  let registryFile = file;
  if (typeof departments === 'string') {
    registryFile = registryPath(file, departments);
    const registry = await readYamlFile(registryFile, texts, options);
    const missing = registry.diagnostics.find((d) => d.code === 'FILE_NOT_FOUND');
    if (missing) {
      diagnostics.push(error('REGISTRY_NOT_FOUND', `找不到部门名录文件「${registryFile}」`, { file, path: ['departments'] }));
    } else {
      diagnostics.push(...registry.diagnostics);
      if (!hasErrors(registry.diagnostics)) checkShape(registry.value, registryShape, registryFile, [], diagnostics);
    }
    registryValue = registry.value;
  }
  const registry = registryFromValue(registryValue);
  return { ledger: ledgerFromValue(parsed.value, file, registry, registryFile), diagnostics, texts };
}
