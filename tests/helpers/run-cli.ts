import { run } from '../../src/cli/main.js';
import type { Io } from '../../src/io.js';
import { memoryIo } from './memory-io.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs gongkai in-process with an in-memory Io; `now` defaults to 2021-11-01 Beijing time. */
export async function runCli(argv: string[], options: Partial<Io> & { stdinText?: string; stdinBytes?: Buffer } = {}): Promise<CliResult> {
  const { stdinBytes, ...rest } = options;
  const io = memoryIo({
    now: () => new Date('2021-11-01T04:00:00Z'),
    ...rest,
    ...(stdinBytes ? { stdin: () => stdinBytes } : {}),
  });
  // As a process started in that folder: the layers that write and run git (edit, sync, hooks) still
  // resolve names against the process's folder. The core's own reads use Io's folder alone, which
  // tests/layers/run-through-io.test.ts proves by running without this.
  const here = process.cwd();
  if (options.cwd) process.chdir(options.cwd);
  try {
    const code = await run(argv, io);
    return { code, out: io.out, err: io.err };
  } finally {
    process.chdir(here);
  }
}

/** True when the text looks like a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)|\n\s+at .+:\d+:\d+/.test(text);
}
