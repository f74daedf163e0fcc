import { fstatSync, writeSync } from 'node:fs';
import type { Io } from '../io.js';
import { maxFileBytes, readBounded } from '../read/read-regular-file.js';

/** What a standard stream's writer does when a write fails for another reason than a reader that went away. */
type Failed = (cause: NodeJS.ErrnoException) => void;

/**
 * Writes to a standard stream. A pipe, socket, file or device other than a terminal is written with writeSync:
 * node's stream for a pipe or socket is a net.Socket, and loading `net` for it took about 8 ms of a start. A
 * terminal, and everything after a write that did not go through at once (a non-blocking pipe that is full), go
 * through node's stream as before: nothing is lost or reordered. A write that fails (a full disk, a terminal
 * that hung up) ends the output there and is told to `failed`; a reader that went away is no failure.
 * `directly`: writtenDirectly's answer for the stream, asked once by processIo.
 */
function streamWriter(fd: 1 | 2, directly: boolean, stream: () => NodeJS.WriteStream, usedStream: () => void, failed: Failed): (text: string | Uint8Array) => void {
  let direct = directly;
  // The reader went away (`gongkai overdue | head`) or the output failed: what is left has no one to read it. It is
  // dropped, the command ends as it would have, and no EPIPE reaches the user as a stack trace.
  let ended = false;
  let listening = false;
  const fail = (cause: NodeJS.ErrnoException) => {
    ended = true;
    if (cause.code !== 'EPIPE') failed(cause);
  };
  const viaStream = (chunk: string | Uint8Array) => {
    usedStream();
    const target = stream();
    if (!listening) {
      listening = true;
      target.on('error', fail);
    }
    target.write(chunk);
  };
  return (text) => {
    if (ended) return;
    if (!direct) {
      viaStream(text);
      return;
    }
    const bytes = typeof text === 'string' ? Buffer.from(text) : text;
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EAGAIN') return fail(cause as NodeJS.ErrnoException);
      direct = false;
      viaStream(bytes.subarray(done));
    }
  };
}

/**
 * Linux's memory devices (/dev/null, /dev/zero, /dev/full, /dev/urandom …), major number 1: never a terminal. Known
 * without asking node:tty, whose loading (it loads net and the streams) was about 2.5 ms of a run sent to /dev/null.
 */
const isLinuxMemoryDevice = (rdev: number) => process.platform === 'linux' && rdev < 2 ** 32 && ((rdev >>> 8) & 0xfff) === 1;

/**
 * Whether a standard stream is written with writeSync: anything open but a terminal, which node's stream serves.
 * node:tty (which loads net and the streams) is asked only of a device that may be one: a terminal's stream loads it anyway.
 */
function writtenDirectly(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    if (info.isFIFO() || info.isSocket() || info.isFile()) return true;
    return info.isCharacterDevice() && (isLinuxMemoryDevice(info.rdev) || !(require('node:tty') as typeof import('node:tty')).isatty(fd));
  } catch {
    return false;
  }
}

/** The process's Io, and whether everything written has been written. */
export interface ProcessIo extends Io {
  /** True while every write went straight to its file descriptor: none can be waiting in node's stream. */
  allWritten(): boolean;
  /** The first failed write to stdout or stderr, if any: the output is incomplete, and the run cannot end well. */
  failure(): NodeJS.ErrnoException | undefined;
  /** Told of the first failed write when it happens (after the run, for a write node's stream made later). */
  onFailure(report: (cause: NodeJS.ErrnoException) => void): void;
}

/** The process's own streams, folder, environment and clock: the one place the process is read. */
export function processIo(): ProcessIo {
  const stdoutIsPlain = writtenDirectly(1);
  const stderrIsPlain = writtenDirectly(2);
  let streamUsed = false;
  const usedStream = () => (streamUsed = true);
  let failure: NodeJS.ErrnoException | undefined;
  let report: ((cause: NodeJS.ErrnoException) => void) | undefined;
  const failed: Failed = (cause) => {
    if (failure) return;
    failure = cause;
    report?.(cause);
  };
  // Each stream looked at once (fstat), for how it is written and whether it is a terminal.
  const stdout = streamWriter(1, stdoutIsPlain, () => process.stdout, usedStream, failed);
  return {
    allWritten: () => !streamUsed,
    failure: () => failure,
    onFailure: (given) => (report = given),
    stdout,
    stdoutBytes: stdout,
    stderr: streamWriter(2, stderrIsPlain, () => process.stderr, usedStream, failed),
    // Written directly, it is no terminal; asking process.stdout would create the stream this avoids.
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
