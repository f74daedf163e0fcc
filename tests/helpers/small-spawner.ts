import childProcess from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, writeSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';

/**
 * The test workers' synchronous children (git, gongkai, hooks' pushes, office programs: most of the
 * ~2,700 processes a run starts, from the tests and from gongkai run in-process) are started by a small
 * process of their own, not by the worker. Linux starts a child by copying the starting process's page
 * tables: the workers grow to 130–190 MB, and the cost grows with them (measured on a loaded machine:
 * 200 `true` from a fresh node cost 0.6 s of system CPU, from one holding 200 MB more 1.7 s, 600 MB
 * more 3.7 s), while the worker waits. The children are the same programs with the same arguments, folder, environment
 * and input; spawnSync and execFileSync answer as node's own do. What this cannot pass on (a child that
 * shares the worker's terminal, stdio: 'inherit'; an input that is not bytes) and every asynchronous
 * spawn still start from the worker. GONGKAI_TEST_SPAWNER=off starts every child from the worker, as before.
 * The spawner is Python's (spawner-process.py: a child for an eighth of node's CPU) where python3 is, else
 * node's (spawner-process.mjs).
 */
type SpawnSyncOptions = childProcess.SpawnSyncOptions;
type Reply = { pid: number; status: number | null; signal: NodeJS.Signals | null; stdout: string | null; stderr: string | null; error?: Record<string, unknown> };

const installed = Symbol.for('gongkai.test.small-spawner');
const state = globalThis as { [installed]?: boolean };

/** The FIFOs of this worker's spawner (started by tests/helpers/global-setup.ts), when it has one. */
const slotFolder = (() => {
  const dir = process.env.GONGKAI_TEST_RUN_DIR;
  const slot = process.env.VITEST_POOL_ID;
  const folder = dir && slot ? join(dir, 'spawners', slot) : undefined;
  return folder && existsSync(join(folder, 'requests')) ? folder : undefined;
})();

/** The connection to this worker's spawner, opened on first use. */
function connect(folder: string): { to: number; from: number } {
  // Each open waits for the spawner to open the other end, in the same order.
  return { to: openSync(join(folder, 'requests'), 'w'), from: openSync(join(folder, 'replies'), 'r') };
}

const original = { spawnSync: childProcess.spawnSync, execFileSync: childProcess.execFileSync };
let connection: { to: number; from: number } | undefined;

function readExactly(fd: number, n: number): Buffer {
  const bytes = Buffer.alloc(n);
  for (let got = 0; got < n; ) {
    const read = readSync(fd, bytes, got, n - got, null);
    if (read === 0) throw new Error('the test spawner process ended');
    got += read;
  }
  return bytes;
}

/** Whether the spawner can run this exactly as the worker would. */
function passable(options: SpawnSyncOptions): boolean {
  const stdio = options.stdio;
  const streams = stdio === undefined || typeof stdio === 'string' ? [stdio] : stdio;
  if (!streams.every((s) => s === undefined || s === null || s === 'pipe' || s === 'ignore')) return false;
  if (options.input !== undefined && typeof options.input !== 'string' && !ArrayBuffer.isView(options.input)) return false;
  return options.cwd === undefined || typeof options.cwd === 'string';
}

function spawnSync(file: string, args?: readonly string[] | SpawnSyncOptions, options?: SpawnSyncOptions): childProcess.SpawnSyncReturns<string | Buffer> {
  if (!Array.isArray(args)) [args, options] = [[], args as SpawnSyncOptions | undefined];
  const opts: SpawnSyncOptions = options ?? {};
  if (!passable(opts)) return original.spawnSync(file, args as string[], opts);
  const { input, encoding, ...rest } = opts;
  const inputBytes = input === undefined ? undefined : typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const request = Buffer.from(
    JSON.stringify({ file, args: (args as readonly unknown[]).map(String), options: { ...rest, cwd: opts.cwd ?? process.cwd(), env: opts.env ?? process.env, input: inputBytes?.toString('base64') } }),
    'utf8',
  );
  connection ??= connect(slotFolder!);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(request.length, 0);
  writeSync(connection.to, length);
  for (let sent = 0; sent < request.length; ) sent += writeSync(connection.to, request, sent);
  const reply = JSON.parse(readExactly(connection.from, readExactly(connection.from, 4).readUInt32LE(0)).toString('utf8')) as Reply;
  const decode = (text: string | null) => {
    if (text === null) return null;
    const bytes = Buffer.from(text, 'base64');
    return encoding && encoding !== 'buffer' ? bytes.toString(encoding) : bytes;
  };
  const stdout = decode(reply.stdout);
  const stderr = decode(reply.stderr);
  const result = { pid: reply.pid, output: [null, stdout, stderr], stdout, stderr, status: reply.status, signal: reply.signal } as childProcess.SpawnSyncReturns<string | Buffer>;
  if (reply.error) result.error = Object.assign(new Error(String(reply.error.message)), reply.error);
  return result;
}

/** node's execFileSync (lib/child_process.js), over the spawnSync above. */
function execFileSync(file: string, args?: readonly string[] | childProcess.ExecFileSyncOptions, options?: childProcess.ExecFileSyncOptions): string | Buffer {
  if (!Array.isArray(args)) [args, options] = [[], args as childProcess.ExecFileSyncOptions | undefined];
  const opts = options ?? {};
  const ret = spawnSync(file, args as string[], opts as SpawnSyncOptions);
  if (!opts.stdio && ret.stderr) process.stderr.write(ret.stderr);
  const command = [(opts as { argv0?: string }).argv0 || file, ...(args as string[])];
  if (ret.error) throw Object.assign(ret.error, ret);
  if (ret.status !== 0) {
    let message = `Command failed: ${command.join(' ')}`;
    if (ret.stderr && ret.stderr.length > 0) message += `\n${ret.stderr.toString()}`;
    throw Object.assign(new Error(message), ret);
  }
  return ret.stdout;
}

if (!state[installed] && slotFolder) {
  state[installed] = true;
  Object.assign(childProcess, { spawnSync, execFileSync });
  syncBuiltinESMExports();
  process.on('exit', () => {
    if (connection) closeSync(connection.to);
  });
}
