import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';
import { mutate, randomSource } from './mutate.js';

/** A run that broke a promise: exit 70, a stack trace, a hang, or an edit that changed a file it refused. */
export interface FuzzFailure {
  seed: number;
  index: number;
  command: string[];
  problem: string;
  input: string;
}

export interface FuzzCounts {
  ledgers: number;
  runs: number;
  exitCodes: Record<string, number>;
  failures: FuzzFailure[];
}

const SEEDS = [
  readFileSync(join(FIXTURES, 'ledgers', 'valid.yaml'), 'utf8'),
  readFileSync(join(FIXTURES, 'ledgers', 'hand-edited.yaml'), 'utf8'),
  readFileSync(SHIPPED_LEDGER, 'utf8'),
];
/** A run slower than this counts as a hang. */
/** CPU time one run may take (CPU, not the wall clock: the machine is shared); the slowest normal run takes well under a second. */
const HANG_CPU_MS = 10_000;

const VIEWS: ((r: () => number) => string[])[] = [
  () => ['status', '--as-of', '2021-10-08'],
  (r) => ['status', '--dept', r() < 0.5 ? '信息中心' : '政策法规司', '--format', r() < 0.5 ? 'json' : 'csv', '--as-of', '2021-10-08'],
  (r) => ['overdue', '--as-of', '2021-10-08', '--format', r() < 0.5 ? 'table' : 'md'],
  () => ['export'],
];
const EDITS: ((r: () => number) => string[])[] = [
  (r) => ['set', String(1 + Math.floor(r() * 6)), '--status', r() < 0.5 ? '推进中' : '已完成'],
  (r) => ['note', String(1 + Math.floor(r() * 4)), '--dept', '信息中心', '--on', '2021-10-08', '有进展'],
];
/** Each ledger goes through validate, one view and one edit. */
const COMMANDS: ((r: () => number) => string[])[] = [() => ['validate'], (r) => pick(VIEWS, r)(r), (r) => pick(EDITS, r)(r)];
const pick = <T>(items: readonly T[], r: () => number): T => items[Math.floor(r() * items.length)]!;

/**
 * Runs mutated ledgers through gongkai in-process, from a seed, until `count`
 * ledgers or `until` (ms since epoch). Every run must exit 0, 1 or 2 without a
 * stack trace; an edit that is refused must leave the file byte for byte.
 */
export async function fuzz(seed: number, options: { count?: number; until?: number; onProgress?: (counts: FuzzCounts) => void }): Promise<FuzzCounts> {
  const random = randomSource(seed);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-fuzz-'));
  writeFileSync(join(dir, 'departments.yaml'), readFileSync(SHIPPED_REGISTRY));
  const counts: FuzzCounts = { ledgers: 0, runs: 0, exitCodes: {}, failures: [] };
  const env = { GONGKAI_CACHE: 'off', NO_COLOR: '1' };
  try {
    for (let index = 0; (options.count === undefined || index < options.count) && (options.until === undefined || Date.now() < options.until); index++) {
      // Mostly the small fixtures (fast); the shipped ledger one time in ten.
      const input = mutate(SEEDS[random() < 0.1 ? 2 : random() < 0.5 ? 0 : 1]!, random);
      const ledger = join(dir, 'ledger.yaml');
      writeFileSync(ledger, input);
      counts.ledgers++;
      for (const make of COMMANDS) {
        const command = make(random);
        const before = readFileSync(ledger);
        const started = process.cpuUsage();
        let problem: string | undefined;
        try {
          const result = await runCli([...command, '--ledger', ledger], { env });
          counts.exitCodes[result.code] = (counts.exitCodes[result.code] ?? 0) + 1;
          if (![0, 1, 2].includes(result.code)) problem = `exit ${result.code}: ${result.err.split('\n')[0]}`;
          else if (hasStackTrace(result.err + result.out)) problem = `stack trace: ${result.err.slice(0, 300)}`;
          else if (result.code !== 0 && (command[0] === 'set' || command[0] === 'note') && !readFileSync(ledger).equals(before)) problem = 'a refused edit changed the file';
        } catch (cause) {
          problem = `threw: ${String(cause)}`;
        }
        const used = process.cpuUsage(started);
        const cpuMs = (used.user + used.system) / 1000;
        if (!problem && cpuMs > HANG_CPU_MS) problem = `took ${Math.round(cpuMs)} ms of CPU`;
        counts.runs++;
        if (problem) counts.failures.push({ seed, index, command, problem, input: before.toString('utf8') });
        writeFileSync(ledger, input);
      }
      options.onProgress?.(counts);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return counts;
}

/** Writes each failing input to `folder` with the command that failed on it; returns the files. */
export function saveFailures(failures: readonly FuzzFailure[], folder: string): string[] {
  mkdirSync(folder, { recursive: true });
  return failures.map((f, i) => {
    const file = join(folder, `seed-${f.seed}-ledger-${f.index}-${i}.yaml`);
    writeFileSync(file, `# gongkai ${f.command.join(' ')} --ledger ${file}\n# ${f.problem.split('\n')[0]}\n${f.input}`);
    return file;
  });
}
