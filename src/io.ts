import { maxFileBytes, readBounded } from './read/read-regular-file.js';

/** Everything a command may touch of the outside world, so tests can run commands in memory. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout / stderr are terminals (colour and widths depend on it). */
  stdoutIsTty: boolean;
  stderrIsTty: boolean;
  /** Terminal width of stdout, when it is a terminal. */
  columns?: number;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdin(): Buffer;
  now(): Date;
}

/** The process's own streams. */
export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    columns: process.stdout.columns,
    env: process.env,
    cwd: process.cwd(),
    // Bounded: `--ledger -` fed from a stream that never ends is refused, not read into memory.
    stdin: () => readBounded(0, maxFileBytes()),
    now: () => new Date(),
  };
}

/** An in-memory Io for tests: collects stdout and stderr. */
export function memoryIo(overrides: Partial<Io> & { stdinText?: string } = {}): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
    stdoutIsTty: false,
    stderrIsTty: false,
    env: {},
    cwd: process.cwd(),
    stdin: () => Buffer.from(overrides.stdinText ?? ''),
    now: () => new Date(),
    ...overrides,
  };
  return io;
}
