import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';
import { runTempDir, tempDir } from '../helpers/temp.js';

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

/**
 * Runs, one after another, in one node process through the built bundle (tests/helpers/run-built.mjs), with the
 * deadline and memory ceiling of gongkai() above: a run that waited on its file or read it whole would hang or
 * fill the process, killed then, and every run fails (code null). One start-up for several commands.
 */
function inOneProcess(args: string[][]): { code: number | null; err: string }[] {
  const dir = runTempDir('odd-files-runs');
  writeFileSync(join(dir, 'runs.json'), JSON.stringify(args.map((a) => ({ cwd: dir, args: a }))));
  try {
    execFileSync(process.execPath, ['--max-old-space-size=512', join(ROOT, 'tests', 'helpers', 'run-built.mjs'), join(dir, 'runs.json'), join(dir, 'results.json')], {
      stdio: 'pipe',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 10_000,
      killSignal: 'SIGKILL',
    });
  } catch {
    return args.map(() => ({ code: null, err: 'killed at the deadline, or crashed' }));
  }
  return JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
}

/** The runs on a FIFO and on /dev/zero, made in one process by whichever test asks first. */
const FIFO_COMMANDS = [['validate'], ['status'], ['set', '1', '--status', '推进中']];
const ZERO_COMMANDS = [['validate'], ['export'], ['done', '1']];
let refusals: { fifo: string; results: { args: string[]; code: number | null; err: string }[] } | undefined;
function refused() {
  if (refusals) return refusals;
  const fifo = join(runTempDir('odd-files'), 'ledger.yaml');
  execFileSync('mkfifo', [fifo]);
  const runs = [...FIFO_COMMANDS.map((command) => [...command, '--ledger', fifo]), ...ZERO_COMMANDS.map((command) => [...command, '--ledger', '/dev/zero'])];
  return (refusals = { fifo, results: inOneProcess(runs).map((result, i) => ({ ...result, args: runs[i]! })) });
}

describe('only regular files are read', () => {
  it('a FIFO named as the ledger is refused at once, not waited on', () => {
    const { fifo, results } = refused();
    const onFifo = results.filter(({ args }) => args.includes(fifo));
    expect(onFifo).toHaveLength(FIFO_COMMANDS.length);
    for (const result of onFifo) {
      expect(result.code, `${result.args[0]}: ${result.err}`).toBe(2);
      expect(result.err).toContain('不是普通文件');
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  }, 30_000);

  it('/dev/zero is refused at once, without reading it', () => {
    const onZero = refused().results.filter(({ args }) => args.includes('/dev/zero'));
    expect(onZero).toHaveLength(ZERO_COMMANDS.length);
    for (const result of onZero) {
      expect(result.code, `${result.args[0]}: ${result.err}`).toBe(2);
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
    // Read from the run's environment (Io), so in this process.
    const refused = await runCli(['validate', '--ledger', ledger], { env: { GONGKAI_MAX_FILE_MB: '0.01' } });
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('FILE_TOO_LARGE');
    expect(refused.err).toContain('GONGKAI_MAX_FILE_MB');
    expect((await runCli(['validate', '--ledger', ledger], { env: { GONGKAI_MAX_FILE_MB: '1' } })).code).toBe(0);
  });
});
