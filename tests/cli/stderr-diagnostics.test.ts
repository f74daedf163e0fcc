import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { memoryIo } from '../helpers/memory-io.js';
import { NOTICE, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { gitRepo } from '../helpers/temp.js';

/** The head of a diagnostic: `place: 错误|警告|提示[CODE] message` (the place is `gongkai` when not a file). */
const HEAD = /^(.+: )?(错误|警告|提示)\[[A-Z_]+\] /;
/** Lines that belong to the diagnostic above: its excerpt (` |`, `12 | …`, caret) or a further line of its message, indented. */
const BELONGS = /^(\s*\d* \||  +\S)/;

/** Stderr lines that are neither a diagnostic's head nor part of the diagnostic above them. */
export function strayLines(err: string): string[] {
  let inDiagnostic = false;
  return err.split('\n').slice(0, -1).filter((line) => {
    if (HEAD.test(line)) return !(inDiagnostic = true);
    return !(inDiagnostic && BELONGS.test(line)) && !(inDiagnostic = false);
  });
}

/**
 * Arguments per command: runs that tell something (files written, counts), and bad inputs that provoke its
 * errors. A command missing here fails the test, so a new command cannot be left out.
 */
const RUNS: Record<string, string[][]> = {
  import: [[NOTICE, '-o', 'new.yaml', '--carry-over', 'data/ledger.yaml'], ['missing.txt'], [NOTICE, '-o', 'new.yaml']],
  validate: [['--strict'], ['--staged']],
  export: [['--format', 'xlsx'], ['--format', 'xlsx', '-o', 'export.xlsx']],
  status: [['--dept', '救助'], ['--dept', '信息中新'], ['--as-of', '2021-02-30']],
  checklist: [['--all', '-o', 'out'], ['--dept', '信息中心', '--all'], ['--all', '-o', 'data/ledger.yaml']],
  overdue: [['--within', 'x'], ['--dept', '社会']],
  set: [['22', '--status', '推进中', '--due', '2021-11-30'], ['99', '--status', '推进中'], ['22']],
  done: [['23', '--on', '2021-10-20'], ['22']],
  remind: [['-o', 'reminders', '--as-of', '2021-10-08'], ['--dept', '信息中心', '--as-of', '2021-01-04'], ['--format', 'xlsx']],
  postpone: [['22', '--to', '2021-01-01', '--reason', '等待', '--on', '2021-10-08'], ['23', '--rejected-by', '']],
  note: [['12', '--dept', '国际合作司', '--on', '2021-10-08', '平台改版上线'], ['12', '--dept', '国际合作司', ' ']],
  log: [['22'], ['no-such-item']],
  diff: [['no-such-branch'], ['HEAD', 'HEAD', 'HEAD']],
  'hook install': [[], []],
  schema: [['ledger']],
  completion: [['bash']],
  // One department's form: what forms says of the folder is one line however many it writes or counts (every
  // department's are written in tests/xlsx/forms-out.test.ts).
  forms: [['-o', 'forms', '--dept', '信息中心'], ['--status', '-o', 'forms'], []],
  collect: [['forms/信息中心.xlsx', 'data/ledger.yaml'], ['missing.xlsx']],
  report: [['-o', 'r.html', '--month', '2021-10'], [], ['-o', 'r.html', '--month', '2021-13']],
  review: [['--as-of', '2021-12-31', '-o', 'review.html', '--format', 'html'], ['--format', 'xlsx']],
  compare: [['data/ledger.yaml', 'missing.yaml']],
  sync: [[], ['--commit-message', ' ']],
  'check-commits': [['HEAD'], []],
  'merge-driver': [['missing.yaml', 'a', 'b', 'c', '7'], ['data/ledger.yaml', 'data/ledger.yaml', 'data/ledger.yaml', 'data/ledger.yaml', 'x']],
};

/** Every command path gongkai has (`hook install`), read from the program itself. */
function commandPaths(): string[] {
  const found: string[] = [];
  const walk = (command: Command, prefix: string[]) => {
    for (const sub of command.commands) {
      if (sub.commands.length) walk(sub, [...prefix, sub.name()]);
      else found.push([...prefix, sub.name()].join(' '));
    }
  };
  walk(buildProgram(memoryIo(), () => {}), []);
  return found;
}

describe('every line a command prints on stderr is a coded diagnostic', () => {
  it('tells a stray line apart from a diagnostic and its excerpt or continuation', () => {
    expect(strayLines('gongkai: 提示[FILE_WRITTEN] 已写入 a.md\n')).toEqual([]);
    expect(strayLines('a.yaml:3:5: 错误[BAD_DATE] x\n  |\n3 | due: 2021-02-30\n  |      ^^^\ngongkai: 提示[CARRY_OVER] 上年结转\n  2020 年第 1 项 → 第 2 项\n')).toEqual([]);
    expect(strayLines('已写入 a.md\n')).toEqual(['已写入 a.md']);
    expect(strayLines('  2020 年第 1 项 → 第 2 项\n')).toEqual(['  2020 年第 1 项 → 第 2 项']);
  });

  it('on the shipped data and on bad input, for every command the program has', async () => {
    const dir = gitRepo({ 'data/ledger.yaml': readFileSync(SHIPPED_LEDGER), 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const stray: string[] = [];
    const seen = new Set<string>();
    const runs: string[][] = [['--no-such-option'], ['--ledger', 'missing.yaml', 'status'], ['status'], ['statsu']];
    for (const name of commandPaths()) {
      expect(RUNS[name], `no runs for \`gongkai ${name}\``).toBeDefined();
      for (const args of RUNS[name]!) runs.push(['--ledger', 'data/ledger.yaml', ...name.split(' '), ...args]);
      runs.push([...name.split(' '), '--no-such-option']);
    }
    for (const args of runs) {
      const result = await runCli(args, { cwd: dir, env: { NO_COLOR: '1' }, now: () => new Date('2021-11-01T04:00:00Z') });
      expect(result.code, `gongkai ${args.join(' ')}: ${result.err}`).not.toBe(70);
      stray.push(...strayLines(result.err).map((line) => `gongkai ${args.join(' ')}: ${line}`));
      for (const m of result.err.matchAll(/(错误|警告|提示)\[([A-Z_]+)\]/g)) seen.add(m[2]!);
    }
    expect(stray).toEqual([]);
    // The runs reached the lines this test is about: usage mistakes, errors about no file, and what commands tell.
    for (const code of ['USAGE', 'LEDGER_NOT_FOUND', 'FILE_NOT_FOUND', 'OPTION_INVALID', 'FILE_WRITTEN', 'IMPORT_SUMMARY', 'CARRY_OVER', 'FORMS_WRITTEN', 'FORMS_COUNTED', 'FORMS_COLLECTED', 'NO_COMMITTERS']) {
      expect([...seen], code).toContain(code);
    }
  }, 120_000);
});
