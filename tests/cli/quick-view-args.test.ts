import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { quickViewArgs } from '../../src/cli/quick-view-args.js';
import type { Io } from '../../src/io.js';
import { scaled } from '../helpers/scale.js';
import { randomFrom } from '../read/hand-edits.js';

/**
 * An everyday view typed the plain way runs without commander (cli/quick-view-args.ts): what that reading gives
 * must be what commander's parse of the same words gives the action — the same command, global options and
 * command options (defaults included, in the same order) — and whatever it does not read is left to commander.
 * Compared on the benchmark's command lines and on random ones made of the words either reader could meet.
 */

const LINES = scaled(3_000, 30_000);

const WORDS = [
  'status', 'overdue', 'checklist', 'validate', 'import', 'help', 'set', '7',
  '--ledger', '--dept', '--as-of', '--within', '--stale-days', '--since', '--format', '-o', '--output', '--all', '--strict', '--fail-on-overdue', '-q',
  '--dept=信息中心', '--ledger=data/ledger.yaml', '-h', '--help', '-V', '--', '--color', '--no-color', '--unknown', '-',
  'data/ledger.yaml', '信息中心', '养老服务司', '2021-10-08', '10月8日', '5', ' ', '', '-x', 'table', 'json',
];

/** Values for an option that takes one, mostly plain ones, so that many lines are read without commander. */
const VALUES = ['data/ledger.yaml', 'x.xlsx', 'json', '信息中心', '2021-10-08', '5', '30', '民政部 台账.yaml', 'status', '0', ' ', '', '-x', '--dept'];

const VALUE_OPTIONS = ['--ledger', '--dept', '--as-of', '--within', '--stale-days', '--since', '--format', '-o'];

/** A command line: mostly a view and options with plain values, with any word anywhere now and then. */
function randomLine(next: () => number): string[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const line: string[] = [];
  if (next() < 0.2) line.push('--ledger', pick(VALUES));
  line.push(pick(['status', 'overdue', 'checklist', 'validate']));
  const count = Math.floor(next() * 5);
  for (let i = 0; i < count; i++) {
    if (next() < 0.15) line.push(pick(WORDS));
    else line.push(pick(VALUE_OPTIONS), pick(VALUES));
  }
  // A word dropped or two swapped now and then: an option without its value, a value before the view.
  if (next() < 0.1 && line.length) line.splice(Math.floor(next() * line.length), 1);
  if (next() < 0.1 && line.length > 1) {
    const i = Math.floor(next() * (line.length - 1));
    [line[i], line[i + 1]] = [line[i + 1]!, line[i]!];
  }
  return line;
}

const io = { stdout() {}, stderr() {}, stdoutIsTty: false, stderrIsTty: false, columns: 0, env: {}, cwd: '/' } as unknown as Io;

/** What commander gives the action of `argv`: the command's name, the global options and the command's options; undefined when it gives none (an error, help). */
async function commanderReads(argv: string[]): Promise<{ command: string; global: unknown; options: unknown } | undefined> {
  const view = argv.find((word, i) => !word.startsWith('-') && argv[i - 1] !== '--ledger');
  const program = buildProgram(io, () => {}, undefined, view);
  let read: { command: string; global: unknown; options: unknown } | undefined;
  const stop = new Error('stop');
  // After program.ts's own preAction hook (-o's format): the options as the action receives them.
  program.hook('preAction', (_program, command) => {
    read = { command: command.name(), global: { ...program.opts() }, options: { ...command.opts() } };
    throw stop;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (cause) {
    if (cause !== stop) return undefined;
  }
  return read;
}

async function expectSame(argv: string[]): Promise<boolean> {
  const quick = quickViewArgs(argv);
  if (!quick) return false;
  const commander = await commanderReads(argv);
  // Key order included: JSON of each.
  expect(commander && JSON.stringify([commander.command, commander.global, commander.options]), argv.join(' ')).toBe(JSON.stringify([quick.command, quick.global, quick.options]));
  return true;
}

describe('the everyday views read without commander', () => {
  it('reads the benchmark and README command lines as commander does', async () => {
    const lines = [
      ['status', '--ledger', 'data/ledger.yaml'],
      ['status', '--dept', '信息中心', '--ledger', 'data/ledger.yaml'],
      ['overdue', '--ledger', 'data/ledger.yaml'],
      ['checklist', '--dept', '信息中心', '--ledger', 'data/ledger.yaml'],
      ['validate', '--ledger', 'data/ledger.yaml'],
      ['--ledger', 'data/ledger.yaml', 'status'],
      ['status'],
      ['overdue', '--dept', '养老服务司', '--within', '5', '--stale-days', '30', '--as-of', '2021-10-08'],
    ];
    for (const argv of lines) expect(await expectSame(argv), argv.join(' ')).toBe(true);
  });

  it('leaves to commander what it does not read', () => {
    for (const argv of [
      [],
      ['status', '--help'],
      ['status', '--dept=信息中心'],
      ['status', '--dept', ' '],
      ['status', '--dept', '-x'],
      ['status', '--dept', 'a', '--dept', 'b'],
      ['status', '--ledger', 'a', '--ledger', 'b'],
      ['status', 'extra'],
      ['status', 'overdue'],
      ['--dept', '信息中心', 'status'],
      ['validate', '--dept', '信息中心'],
      ['status', '--since', '2021-10-08'],
      ['status', '-o', 'x.xlsx'],
      ['status', '--format', 'json'],
      ['status', '--ledger', '-'],
      ['status', '--dept'],
      ['import', 'x.txt'],
      ['status', '--', 'x'],
    ]) {
      expect(quickViewArgs(argv), argv.join(' ')).toBeUndefined();
    }
  });

  it('gives what commander gives on random command lines', async () => {
    const next = randomFrom(22).next;
    let quick = 0;
    for (let n = 0; n < LINES; n++) if (await expectSame(randomLine(next))) quick++;
    // Enough of them read without commander for the comparison to mean something.
    expect(quick).toBeGreaterThan(LINES / 10);
  });
});
