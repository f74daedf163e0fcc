import { execFileSync, spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { memoryIo } from '../helpers/memory-io.js';
import { BIN, NOTICE, ROOT, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';
import { FULL_SIZE } from '../helpers/scale.js';
import { gitRepo, tempDir } from '../helpers/temp.js';

/**
 * Runs tests/cli/stderr-diagnostics.test.ts makes by default with the same arguments, in this process as here, holding
 * them to the same (never exit 70, every stderr line a coded diagnostic, which a stack trace is not): here at full size only.
 */
const ALSO_IN_STDERR_TEST = (...samples: string[][]) => (FULL_SIZE ? samples : []);

/** Arguments each command needs besides --format; a command missing here fails the test, so new ones get covered. */
const SAMPLE_ARGS: Record<string, string[][]> = {
  import: [[NOTICE], [NOTICE, '--registry', 'data/departments.yaml'], [NOTICE, '--carry-over', 'data/ledger.yaml']],
  validate: [[], ...ALSO_IN_STDERR_TEST(['--strict'], ['--staged'])],
  export: [[]],
  status: [[], ['--dept', '信息中心'], ['--dept', '国际合作司', '--as-of', '2021-10-08']],
  checklist: [['--dept', '信息中心'], ...ALSO_IN_STDERR_TEST(['--all', '-o', 'out'])],
  overdue: [[], ['--dept', '信息中心', '--as-of', '2021-10-08', '--fail-on-overdue']],
  set: [['22', '--status', '推进中', '--due', '2021-11-30']],
  done: [['23', '--on', '2021-10-20']],
  remind: [[], ['--dept', '信息中心', '--as-of', '2021-10-08'], ...ALSO_IN_STDERR_TEST(['-o', 'reminders', '--as-of', '2021-10-08'])],
  postpone: [['22', '--to', '2022-01-31', '--reason', '等待国办接口规范', '--on', '2021-10-08']],
  note: [['12', '--dept', '国际合作司', '--on', '2021-10-08', '平台改版上线']],
  log: [[], ...ALSO_IN_STDERR_TEST(['22'])],
  diff: [[], ['HEAD']],
  'hook install': [[]],
  schema: [['ledger'], ['registry']],
  completion: [['bash'], ['zsh']],
  // Every department's form (fifteen workbooks, half a second of CPU) at full size: by default one department's, as in
  // tests/xlsx/forms-out.test.ts and tests/report/period-report.test.ts every department's are written.
  forms: [['-o', 'forms', '--dept', '信息中心'], ...ALSO_IN_STDERR_TEST(['--status', '-o', 'forms']), ...(FULL_SIZE ? [['-o', 'forms']] : [])],
  collect: [['data/ledger.yaml'], ['missing.xlsx', '--commit']],
  report: [['-o', 'r.html'], ['-o', 'r.html', '--since', '2021-01-01'], ['-o', 'r.docx', '--month', '2021-10']],
  review: [[], ...ALSO_IN_STDERR_TEST(['--as-of', '2021-12-31', '-o', 'review.html', '--format', 'html'])],
  compare: [['data/ledger.yaml', 'data/ledger.yaml'], ...ALSO_IN_STDERR_TEST(['data/ledger.yaml', 'missing.yaml'])],
  sync: [[], ['--commit-message', '月度调度']],
  'check-commits': [['HEAD'], ['HEAD~1..HEAD'], ['--new-only', 'HEAD']],
  'merge-driver': [['data/ledger.yaml', 'data/ledger.yaml', 'data/ledger.yaml', 'data/ledger.yaml'], ...ALSO_IN_STDERR_TEST(['missing.yaml', 'a', 'b', 'c', '7'])],
};

/** Commands that change files in the repository. */
const WRITERS = new Set(['review', 'set', 'done', 'note', 'postpone', 'remind', 'hook', 'checklist', 'forms', 'collect', 'report', 'sync', 'merge-driver']);

/** The first line of a diagnostic as renderDiagnosticsText writes it. */
const DIAGNOSTIC_HEAD = /^(.+): (错误|警告)\[[A-Z_]+\] /m;

/**
 * Lines of stderr that are neither part of a coded diagnostic (its head and
 * excerpt), nor a line saying what a command wrote or did (已写入 …), nor a
 * run that could not start (`gongkai:`, exit 2).
 */
function uncodedLines(err: string): string[] {
  const lines = err.split('\n').filter(Boolean);
  return lines.filter(
    (line) =>
      !DIAGNOSTIC_HEAD.test(line) &&
      !/^\s*\d* \|/.test(line) &&
      !/^gongkai: /.test(line) &&
      !/^（用法见 /.test(line) &&
      !OUTCOME_LINES.some((outcome) => outcome.test(line)),
  );
}

/** What a command says it did (not a finding): written files, counts of what was collected, checked or sent. */
const OUTCOME_LINES: RegExp[] = [/^已写入 /, /^收回 \d+ 份表格/, /^核对了 \d+ 个提交/, /^截至 .+需要催办/, /^已读取 /, /^上年结转：/, /^  \d+ 年第 .+ 项 → /];

/** Every command path (`hook install`) with the --format choices it offers. */
function commands(): { name: string; formats: (string | undefined)[] }[] {
  const found: { name: string; formats: (string | undefined)[] }[] = [];
  const walk = (command: Command, prefix: string[]) => {
    for (const sub of command.commands) {
      const path = [...prefix, sub.name()];
      if (sub.commands.length) walk(sub, path);
      else {
        const format = sub.options.find((o) => o.long === '--format');
        found.push({ name: path.join(' '), formats: format?.argChoices ?? [undefined] });
      }
    }
  };
  walk(buildProgram(memoryIo(), () => {}), []);
  return found;
}

function gongkai(cwd: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', GONGKAI_LEDGER: '' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** The same run in this process (as `gongkai` started in `cwd`). */
async function inProcess(cwd: string, args: string[]) {
  return runCli(args, { cwd, env: { NO_COLOR: '1' }, now: () => new Date() });
}

/** Runs, one after another, in one node process through the built bundle (tests/helpers/run-built.mjs): each command's chunks load as in a real run. */
function inOneBuiltProcess(runs: { cwd: string; args: string[] }[]): { code: number | null; out: string; err: string }[] {
  const dir = tempDir();
  writeFileSync(join(dir, 'runs.json'), JSON.stringify(runs));
  execFileSync(process.execPath, [join(ROOT, 'tests', 'helpers', 'run-built.mjs'), join(dir, 'runs.json'), join(dir, 'results.json')], { stdio: 'pipe', env: { ...process.env, NO_COLOR: '1' } });
  return JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
}

/**
 * `export --format yaml` through the built bundle, run by the first test with its other built runs (one node process for
 * all) and kept here for the second test; whichever test comes first makes it, so each still runs alone.
 */
let builtExport: { code: number | null; out: string; err: string } | undefined;
const EXPORT_YAML = ['export', '--format', 'yaml', '--ledger', join('data', 'ledger.yaml')];

describe('every command and every --format on the shipped ledger, as the built command', () => {
  it('never exits 70 and never prints a stack trace', async () => {
    const runs: string[][] = [];
    for (const { name, formats } of commands()) {
      const samples = SAMPLE_ARGS[name];
      expect(samples, `no sample arguments for \`gongkai ${name}\``).toBeDefined();
      // Every format with the first sample; the other samples with the default format.
      for (const format of formats) runs.push([...name.split(' '), ...samples![0]!, ...(format ? ['--format', format] : [])]);
      for (const sample of samples!.slice(1)) runs.push([...name.split(' '), ...sample]);
    }
    runs.push(['--help'], ['--version'], ['help', 'status']);
    expect(runs.length).toBeGreaterThan(30);
    const failures: string[] = [];
    const stderrs: { args: string[]; err: string }[] = [];
    // One repository committed by git; each run that needs its own gets a copy (git add and commit once, not per writer).
    const template = gitRepo({ 'gongkai.yaml': 'ledger: data/ledger.yaml\n', 'data/ledger.yaml': readFileSync(SHIPPED_LEDGER), 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const repo = () => {
      const copy = tempDir();
      cpSync(template, copy, { recursive: true });
      return copy;
    };
    // Readers share one repository holding the shipped ledger; a command that writes gets its own.
    const shared = repo();
    const check = (args: string[], result: { code: number | null; err: string }) => {
      stderrs.push({ args, err: result.err });
      if (result.code === 70 || result.code === null || hasStackTrace(result.err) || /内部错误/.test(result.err)) {
        failures.push(`gongkai ${args.join(' ')} → ${result.code}: ${result.err.split('\n')[0]}`);
      }
    };
    // Full size: every run as its own process. Default: none (the real binary starts, writes and exits as a process
    // in other tests: `set` by 4 editors at once in tests/attacks/write-safety.test.ts and tests/edit/concurrency.test.ts,
    // `note` after the kills of tests/attacks/kill-9.test.ts, `status` and `--help` in tests/bench/start-up-chunks.test.ts);
    // the first run of every command in one node process through the built bundle (each command's chunks load as in a
    // real run); the rest in this process, one after another.
    const seen = new Set<string>();
    const first = runs.filter((args) => !seen.has(args[0]!) && seen.add(args[0]!));
    const asProcess = FULL_SIZE ? runs : [];
    const asBuilt = FULL_SIZE ? [] : first;
    const queue = [...asProcess];
    const worker = async () => {
      for (let args = queue.shift(); args; args = queue.shift()) check(args, await gongkai(WRITERS.has(args[0]!) ? repo() : shared, args));
    };
    await Promise.all([worker(), worker(), worker()]);
    const built = asBuilt.map((args) => ({ cwd: WRITERS.has(args[0]!) ? repo() : shared, args }));
    // The next test's export, in the same process: one node start-up fewer.
    const withExport = FULL_SIZE || builtExport ? built : [...built, { cwd: shared, args: EXPORT_YAML }];
    const results = inOneBuiltProcess(withExport);
    if (withExport.length > built.length) builtExport = results.pop();
    results.forEach((result, i) => check(built[i]!.args, result));
    const rest = runs.filter((r) => !asProcess.includes(r) && !asBuilt.includes(r));
    for (const args of rest) check(args, await inProcess(WRITERS.has(args[0]!) ? repo() : shared, args));
    expect(asProcess.length + asBuilt.length + rest.length).toBe(runs.length);
    if (!FULL_SIZE) expect(asBuilt.length).toBeGreaterThan(15);
    expect(failures).toEqual([]);
    // Every finding on stderr is a Diagnostic with a code (file: 错误|警告[CODE] message, then its excerpt).
    const uncoded = stderrs.flatMap(({ args, err }) => uncodedLines(err).map((line) => `gongkai ${args.join(' ')}: ${line}`));
    expect(uncoded).toEqual([]);
    expect(stderrs.some(({ err }) => DIAGNOSTIC_HEAD.test(err))).toBe(true);
  }, 600_000);

  it('exports the shipped ledger as YAML from the built command', async () => {
    // By default through the built bundle (run with the first test's built runs when it ran); as a process at full size.
    const made = () => gitRepo({ 'data/ledger.yaml': readFileSync(SHIPPED_LEDGER), 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const result = FULL_SIZE ? await gongkai(made(), EXPORT_YAML) : (builtExport ??= inOneBuiltProcess([{ cwd: made(), args: EXPORT_YAML }])[0]!);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('document_number: 民办便函〔2021〕648号');
  });
});
