import { fstatSync, writeSync } from 'node:fs';
import type { Io } from '../io.js';
import { maxFileBytes, readBounded } from '../read/read-regular-file.js';

/**
 * Writes to a standard stream. A pipe, socket or file is written with writeSync: node's stream for a pipe or
 * socket is a net.Socket, and loading `net` for it took about 8 ms of a start. A terminal (or any other
 * kind of file), and everything after a write that did not go through at once (a non-blocking pipe that is
 * full, a reader that went away), go through node's stream as before: nothing is lost or reordered.
 */
function streamWriter(fd: 1 | 2, stream: () => NodeJS.WriteStream, usedStream: () => void): (text: string | Uint8Array) => void {
  let direct = isPipeOrFile(fd);
  // The reader went away (`gongkai overdue | head`): what is left has no one to read it. It is dropped, the command
  // ends as it would have, and no EPIPE reaches the user as a stack trace.
  let readerGone = false;
  let listening = false;
  const viaStream = (chunk: string | Uint8Array) => {
    usedStream();
    const target = stream();
    if (!listening) {
      listening = true;
      target.on('error', (cause: NodeJS.ErrnoException) => {
        if (cause.code === 'EPIPE') readerGone = true;
        else throw cause;
      });
    }
    target.write(chunk);
  };
  return (text) => {
    if (readerGone) return;
    if (!direct) {
      viaStream(text);
      return;
    }
    const bytes = typeof text === 'string' ? Buffer.from(text) : text;
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'EPIPE') {
        readerGone = true;
        return;
      }
      direct = false;
      viaStream(bytes.subarray(done));
    }
  };
}

function isPipeOrFile(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    return info.isFIFO() || info.isSocket() || info.isFile();
  } catch {
    return false;
  }
}

/** The process's Io, and whether everything written has been written. */
export interface ProcessIo extends Io {
  /** True while every write went straight to its file descriptor: none can be waiting in node's stream. */
  allWritten(): boolean;
}

/** The process's own streams, folder, environment and clock: the one place the process is read. */
export function processIo(): ProcessIo {
  const stdoutIsPlain = isPipeOrFile(1);
  const stderrIsPlain = isPipeOrFile(2);
  let streamUsed = false;
  const usedStream = () => (streamUsed = true);
  const stdout = streamWriter(1, () => process.stdout, usedStream);
  return {
    allWritten: () => !streamUsed,
    stdout,
    stdoutBytes: stdout,
    stderr: streamWriter(2, () => process.stderr, usedStream),
    // A pipe or file is no terminal; asking process.stdout would create the stream this avoids.
    stdoutIsTty: !stdoutIsPlain && process.stdout.isTTY === true,
    stderrIsTty: !stderrIsPlain && process.stderr.isTTY === true,
    columns: stdoutIsPlain ? undefined : process.stdout.columns,
    env: process.env,
    cwd: process.cwd(),
    // Bounded: `--ledger -` fed from a stream that never ends is refused, not read into memory.
    stdin: () => readBounded(0, maxFileBytes(process.env)),
    now: () => new Date(),
  };
}
