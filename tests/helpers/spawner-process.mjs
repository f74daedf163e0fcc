// The small process that starts the test workers' synchronous children (tests/helpers/small-spawner.ts)
// where python3 is missing (or GONGKAI_TEST_SPAWNER=node); spawner-process.py does the same for less CPU.
// Reads one request at a time from the first FIFO — a 4-byte length, then JSON: file, args, spawnSync's
// options, input in base64 — runs it with spawnSync, and writes the result the same way to the second.
// When the worker closes its end (it ended), waits for the next worker of the same pool slot.
// Started and ended by tests/helpers/global-setup.ts, so its CPU and its children's count in the run's.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

const [requests, replies] = process.argv.slice(2);

/** Exactly n bytes from fd, or null at the end. */
function readExactly(fd, n) {
  const bytes = Buffer.alloc(n);
  for (let got = 0; got < n; ) {
    const read = readSync(fd, bytes, got, n - got, null);
    if (read === 0) return null;
    got += read;
  }
  return bytes;
}

const base64 = (bytes) => (bytes == null ? null : Buffer.from(bytes).toString('base64'));

/** Serves one worker until it closes its end. */
function serve(from, to) {
  for (;;) {
    const head = readExactly(from, 4);
    if (!head) return;
    const { file, args, options } = JSON.parse(readExactly(from, head.readUInt32LE(0)).toString('utf8'));
    if (options.input != null) options.input = Buffer.from(options.input, 'base64');
    const result = spawnSync(file, args, { ...options, encoding: 'buffer' });
    const error = result.error && { message: result.error.message, code: result.error.code, errno: result.error.errno, syscall: result.error.syscall, path: result.error.path, spawnargs: result.error.spawnargs };
    const reply = Buffer.from(JSON.stringify({ pid: result.pid, status: result.status, signal: result.signal, stdout: base64(result.stdout), stderr: base64(result.stderr), error }), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(reply.length, 0);
    writeSync(to, length);
    for (let sent = 0; sent < reply.length; ) sent += writeSync(to, reply, sent);
  }
}

for (;;) {
  // Each open waits for a worker to open the other end, in the same order.
  const from = openSync(requests, 'r');
  const to = openSync(replies, 'w');
  serve(from, to);
  closeSync(from);
  closeSync(to);
}
