import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script without types
import { generate } from '../bench/generate-ledger.mjs';
import { BIN } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { scaled } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';

/**
 * `gongkai overdue | head`: the reader takes a few lines and goes away while gongkai is still writing. Before,
 * the next write failed with EPIPE and the user saw node's stack trace (exit 1). Now what is left is dropped and
 * the command ends with the exit code it would have had.
 */
function runUntilFirstOutput(args: string[]): Promise<{ code: number | null; err: string; read: number }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', GONGKAI_CACHE: 'off' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let read = 0;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    // Like head: the first chunk, then the pipe is closed.
    child.stdout.once('data', (chunk: Buffer) => {
      read = chunk.length;
      child.stdout.destroy();
    });
    child.on('close', (code) => done({ code, err, read }));
  });
}

describe('a reader that goes away before the output ends', () => {
  it('gets no stack trace, and the command keeps its own exit code', async () => {
    const dir = tempDir();
    // Far more output than a pipe holds (64 KB), so gongkai is still writing when the reader leaves.
    generate(scaled(300, 400), dir);
    const ledger = join(dir, 'ledger.yaml');
    // Both views write through the same writer (src/cli/process-io.ts): export as well only at full size.
    for (const view of scaled([['overdue']], [['overdue'], ['export', '--format', 'yaml']])) {
      const args = ['--ledger', ledger, ...view, ...(view[0] === 'overdue' ? ['--as-of', '2021-12-31'] : [])];
      const whole = await runCli(args);
      expect(whole.out.length, `${view}: the output must be larger than a pipe's buffer`).toBeGreaterThan(1 << 17);
      const cut = await runUntilFirstOutput(args);
      expect(cut.read).toBeGreaterThan(0);
      expect(cut.err, view.join(' ')).not.toMatch(/EPIPE|at \w+ \(|node:/);
      expect(cut.code, view.join(' ')).toBe(whole.code);
    }
  });
});

/**
 * A reader on a pipe its writer must not block on (O_NONBLOCK, as some parents set it), made as small as
 * Linux allows (one page) and read a page at a time: gongkai's direct writes find it full, the rest of the
 * output goes through node's stream, and the process must not end before that stream is drained.
 */
const SLOW_NONBLOCKING_READER = `
import fcntl, os, subprocess, sys
r, w = os.pipe()
fcntl.fcntl(w, 1031, 4096)  # F_SETPIPE_SZ
os.set_blocking(w, False)
child = subprocess.Popen(sys.argv[1:], stdout=w, stderr=subprocess.DEVNULL)
os.close(w)
got = bytearray()
while True:
    page = os.read(r, 4096)
    if not page:
        break
    got += page
sys.stdout.buffer.write(bytes(got))
sys.exit(child.wait())
`;

describe('a reader slower than gongkai writes', () => {
  it('on a pipe that does not block, gets every byte before gongkai ends, with its exit code', async () => {
    const dir = tempDir();
    generate(scaled(120, 400), dir);
    const ledger = join(dir, 'ledger.yaml');
    for (const view of scaled([['overdue', '--as-of', '2021-12-31']], [['overdue', '--as-of', '2021-12-31'], ['export', '--format', 'yaml']])) {
      const args = ['--ledger', ledger, ...view];
      const whole = await runCli(args);
      expect(whole.out.length, `${view}: the output must be many times what the pipe holds`).toBeGreaterThan(1 << 16);
      const slow = spawnSync('python3', ['-c', SLOW_NONBLOCKING_READER, process.execPath, BIN, ...args], { env: { ...process.env, NO_COLOR: '1', GONGKAI_CACHE: 'off' }, maxBuffer: 1 << 30 });
      expect(slow.status, view.join(' ')).toBe(whole.code);
      expect(slow.stdout.toString('utf8') === whole.out, `${view.join(' ')}: ${slow.stdout.length} bytes read of ${Buffer.byteLength(whole.out)}`).toBe(true);
    }
  });
});
