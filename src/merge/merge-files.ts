import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gitMergeFile } from '../git/git.js';
import { mergeLedger, parsesAsYaml, type MergeConflict } from './merge-ledger.js';
import { UnsupportedLedger } from './ledger-chunks.js';

export interface DriverInput {
  /** The three versions git hands a merge driver (%O %A %B) and the path in the repository (%P). */
  base: string;
  ours: string;
  theirs: string;
  path: string;
  markerSize?: number;
  cwd: string;
}

export interface DriverResult {
  /** The merged bytes, to be written over `ours`. */
  bytes: Buffer;
  conflicts: MergeConflict[];
  /** `ledger`: merged by meaning; `registry` and `other`: merged line by line. */
  kind: 'ledger' | 'registry' | 'other';
  /** Why a ledger was merged line by line after all. */
  fallback?: string;
  /** A ledger merged line by line whose sides or result do not read as YAML: never committed without a person looking. */
  broken?: boolean;
}

const BOM = '\uFEFF';

/** A ledger has top-level `sections`; a registry `departments` alone (a glance at the keys, no parse). */
function kindOf(text: string): DriverResult['kind'] {
  if (/^sections[ \t]*:/m.test(text)) return 'ledger';
  if (/^departments[ \t]*:/m.test(text)) return 'registry';
  return 'other';
}

/**
 * What the merge driver does: a ledger is merged by meaning (mergeLedger);
 * a registry, or a ledger that cannot be cut safely, line by line as git
 * would, with conflicts marked and counted.
 */
export function mergeFiles(input: DriverInput): DriverResult {
  const read = (file: string) => readFileSync(resolve(input.cwd, file), 'utf8');
  const [base, ours, theirs] = [read(input.base), read(input.ours), read(input.theirs)];
  const bom = ours.startsWith(BOM) ? BOM : '';
  const strip = (text: string) => (text.startsWith(BOM) ? text.slice(1) : text);
  const kind = kindOf(strip(ours));
  let fallback: string | undefined;
  if (kind === 'ledger') {
    try {
      const merged = mergeLedger(strip(base), strip(ours), strip(theirs), { markerSize: input.markerSize });
      return { bytes: Buffer.from(bom + merged.text, 'utf8'), conflicts: merged.conflicts, kind };
    } catch (cause) {
      if (!(cause instanceof UnsupportedLedger)) throw cause;
      fallback = cause.message;
    }
  }
  const lines = gitMergeFile(input.cwd, { ours: input.ours, base: input.base, theirs: input.theirs }, ['ours', 'base', 'theirs'], input.markerSize);
  const conflicts: MergeConflict[] = [];
  const opening = new RegExp(`^${'<'.repeat(input.markerSize ?? 7)} `, 'gm');
  for (const m of lines.text.matchAll(opening)) conflicts.push({ field: '', ours: '', theirs: '', line: lines.text.slice(0, m.index).split('\n').length });
  // A hand-broken side (or a broken result) must not become a merge commit no check ran on: the driver reports it as a conflict.
  const broken = kind === 'ledger' && ![ours, theirs, lines.text].every((text) => parsesAsYaml(strip(text)));
  return { bytes: Buffer.from(lines.text, 'utf8'), conflicts, kind, fallback, broken };
}
