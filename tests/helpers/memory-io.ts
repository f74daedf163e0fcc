import type { Io } from '../../src/io.js';

/** An in-memory Io for tests: collects stdout and stderr; the folder is the test's own unless given. */
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
