import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, openSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

/** Runs gongkai as a process with a deadline; a hang is killed and reported as code null, so an exit code proves it did not wait. */
function gongkai(args: string[], options: { env?: Record<string, string>; stdin?: number } = {}): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=512`, BIN, ...args], {
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: [options.stdin ?? 'ignore', 'ignore', 'pipe'],
      timeout: 10_000,
      killSignal: 'SIGKILL',
    });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, err }));
  });
}

describe('only regular files are read', () => {
  it('a FIFO named as the ledger is refused at once, not waited on', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'ledger.yaml');
    execFileSync('mkfifo', [fifo]);
    for (const command of [['validate'], ['status'], ['set', '1', '--status', '推进中']]) {
      const result = await gongkai([...command, '--ledger', fifo]);
      expect(result.code, `${command[0]}: ${result.err}`).toBe(2);
      expect(result.err).toContain('不是普通文件');
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  }, 30_000);

  it('/dev/zero is refused at once, without reading it', async () => {
    for (const command of [['validate'], ['export'], ['done', '1']]) {
      const result = await gongkai([...command, '--ledger', '/dev/zero']);
      expect(result.code, `${command[0]}: ${result.err}`).toBe(2);
      expect(result.err).toContain('不是普通文件');
      expect(hasStackTrace(result.err)).toBe(false);
    }
  }, 30_000);

  it('--ledger - fed from /dev/zero stops at the size limit instead of filling memory', async () => {
    const result = await gongkai(['validate', '--ledger', '-'], { stdin: openSync('/dev/zero', 'r'), env: { GONGKAI_MAX_FILE_MB: '8' } });
    expect(result.code, result.err).toBe(2);
    expect(result.err).toContain('超过 8 MB 的上限');
  });

  it('a symlink to the ledger is read, and an edit through it changes the ledger and keeps the link', async () => {
    const dir = tempDir({ 'data/ledger.yaml': readFileSync(SHIPPED_LEDGER), 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const link = join(dir, 'data', 'current.yaml');
    symlinkSync('ledger.yaml', link);
    expect((await runCli(['validate', '--ledger', link])).code).toBe(0);
    const result = await runCli(['set', '4', '--status', '推进中', '--ledger', link]);
    expect(result.code, result.err).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'data', 'ledger.yaml'), 'utf8')).not.toBe(readFileSync(SHIPPED_LEDGER, 'utf8'));
  });

  it('a file over the size limit is refused up front; the limit is configurable', async () => {
    const dir = tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const ledger = join(dir, 'ledger.yaml');
    const refused = await gongkai(['validate', '--ledger', ledger], { env: { GONGKAI_MAX_FILE_MB: '0.01' } });
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('FILE_TOO_LARGE');
    expect(refused.err).toContain('GONGKAI_MAX_FILE_MB');
    expect((await gongkai(['validate', '--ledger', ledger], { env: { GONGKAI_MAX_FILE_MB: '1' } })).code).toBe(0);
  });
});
