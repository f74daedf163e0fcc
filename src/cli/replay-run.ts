import { cacheDirectory, openCache } from '../cache/open-cache.js';
import { KEPT_OUTPUT_BYTES, keepRun, keptRun, replayKey, RunInputs, type Written } from '../cache/replay.js';
import { ExitCode } from '../exit-code.js';
import { processIo, type ProcessIo } from './process-io.js';

/**
 * Runs kept to be written again (src/cache/replay.ts), for the process: the loader (start.ts) asks `replayed`
 * before it loads the program, and main records each run a view says is made from its files alone.
 */

/**
 * The run given by the process's arguments written again, when one was kept and its files are as they were; false
 * otherwise. A write that fails is told to `reportFailure` (the program's own report, main.ts) and the run exits 2.
 */
export function replayed(argv: readonly string[], reportFailure: (cause: NodeJS.ErrnoException) => void): boolean {
  let io: ProcessIo;
  let kept: ReturnType<typeof keptRun>;
  try {
    // A cache folder that is unsafe is reported by the run itself.
    const cache = openCache(process.env, () => {});
    if (!cache) return false;
    io = processIo();
    kept = keptRun(cache, replayKey(argv, io), Date.now());
  } catch {
    // Anything amiss (a working folder that is gone, say) is the run's to report, as it always was.
    return false;
  }
  if (!kept) return false;
  io.onFailure(reportFailure);
  for (const [fd, bytes] of kept.writes) {
    if (fd === 1) io.stdoutBytes!(bytes);
    else io.stderr(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
  }
  process.exitCode = io.failure() ? ExitCode.CannotRun : kept.exit;
  // As main ends: at once, unless output still waits in node's stream.
  if (io.allWritten()) process.exit(process.exitCode);
  return true;
}

/** The process's Io, with what the run writes recorded and its inputs noted, and how to keep the run when it has ended. */
export function recordingIo(argv: readonly string[]): { io: ProcessIo; keep(exit: ExitCode): void } {
  const startedAt = Date.now();
  const io = processIo();
  // Whether there is a cache is asked only when the run has ended: the run itself opens it first, and warns of an unsafe folder.
  if (!cacheDirectory(io.env)) return { io, keep: () => {} };
  // Taken as the run starts, with the day the run then computes with (a run that ends after midnight is kept under its first day).
  const key = replayKey(argv, io);
  const inputs = new RunInputs();
  // Recorded while the output is small enough to keep (KEPT_OUTPUT_BYTES): a run that writes more (an export of a
  // large ledger) is passed through without a copy.
  let writes: Written[] | undefined = [];
  let bytesWritten = 0;
  const record = (fd: 1 | 2, bytes: Uint8Array) => {
    if (!writes) return;
    bytesWritten += bytes.length;
    if (bytesWritten > KEPT_OUTPUT_BYTES) writes = undefined;
    else writes.push([fd, bytes]);
  };
  const stdoutBytes = io.stdoutBytes!;
  const recorded: ProcessIo = {
    ...io,
    inputs,
    stdout: (text) => {
      if (!writes) return io.stdout(text);
      const bytes = Buffer.from(text, 'utf8');
      record(1, bytes);
      stdoutBytes(bytes);
    },
    stdoutBytes: (bytes) => {
      record(1, bytes);
      stdoutBytes(bytes);
    },
    stderr: (text) => {
      if (writes) record(2, Buffer.from(text, 'utf8'));
      io.stderr(text);
    },
  };
  return {
    io: recorded,
    keep: (exit) => {
      // Findings or none; a run that could not run is not kept (its message may be about anything).
      const cache = writes && inputs.replayable && exit <= 1 ? openCache(io.env, () => {}) : undefined;
      if (cache) keepRun(cache, key, inputs, exit, writes!, startedAt);
    },
  };
}
