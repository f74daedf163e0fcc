import type { Io } from '../io.js';
import { maxFileBytes, readBounded } from '../read/read-regular-file.js';

/** The process's own streams, folder, environment and clock: the one place the process is read. */
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
    stdin: () => readBounded(0, maxFileBytes(process.env)),
    now: () => new Date(),
  };
}
