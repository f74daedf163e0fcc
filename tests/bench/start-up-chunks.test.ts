import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

const RECORDER = join(ROOT, 'tests', 'helpers', 'record-modules.mjs');

/** The sources (paths from the repository root) held by each output file of the bundle, from the build's metafile. */
function sourcesByChunk(): Map<string, string[]> {
  const meta = JSON.parse(readFileSync(join(ROOT, 'dist', 'metafile.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  return new Map(Object.entries(meta.outputs).map(([output, { inputs }]) => [join(ROOT, output), Object.keys(inputs)]));
}

const shippedCopy = () => tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });

/** Runs the built gongkai as a real process on a copy of the shipped ledger and returns the files of the bundle it loaded and their sources. */
function loadedBy(args: string[], env: Record<string, string> = {}, dir = shippedCopy()) {
  const log = join(dir, 'modules.log');
  rmSync(log, { force: true });
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(RECORDER).href, BIN, '--ledger', join(dir, 'ledger.yaml'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GONGKAI_CACHE_DIR: join(dir, 'cache'), GONGKAI_MODULE_LOG: log, ...env },
  });
  expect(result.status, result.stderr).toBeLessThan(2);
  const chunks = sourcesByChunk();
  const files = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url))
    .filter((file) => chunks.has(file));
  return { files: new Set(files), sources: new Set(files.flatMap((file) => chunks.get(file)!)) };
}

describe('each command loads only what it runs', () => {
  it('--help, status and validate load different sets of modules; the help layout only where help is shown', () => {
    const help = loadedBy(['--help']);
    const statusHelp = loadedBy(['status', '--help']);
    const status = loadedBy(['status']);
    const validate = loadedBy(['validate']);
    expect(help.sources.has('src/cli/help.ts')).toBe(true);
    expect(statusHelp.sources.has('src/cli/help.ts')).toBe(true);
    expect(status.sources.has('src/cli/help.ts')).toBe(false);
    expect(validate.sources.has('src/cli/help.ts')).toBe(false);
    // Help reads no ledger: nothing of checking or counting.
    expect([...help.sources].filter((s) => s.startsWith('src/check/') || s.startsWith('src/query/'))).toEqual([]);
    // validate runs every rule, status only the view's; status counts, validate does not.
    expect(validate.sources.has('src/check/rules/due-text.ts')).toBe(true);
    expect(status.sources.has('src/check/rules/due-text.ts')).toBe(false);
    expect(status.sources.has('src/query/status-report.ts')).toBe(true);
    expect(validate.sources.has('src/query/status-report.ts')).toBe(false);
  });

  it('a warm status (answered from the cache) loads no ledger reader, model or count', () => {
    const dir = shippedCopy();
    loadedBy(['status'], {}, dir);
    const cold = loadedBy(['status'], { GONGKAI_CACHE: 'off' }, dir);
    const warm = loadedBy(['status'], {}, dir);
    expect(cold.sources.has('src/read/read-ledger.ts')).toBe(true);
    for (const source of ['src/read/read-ledger.ts', 'src/query/status-report.ts', 'src/check/index.ts', 'node_modules/js-yaml/dist/js-yaml.mjs']) expect(warm.sources.has(source), source).toBe(false);
    expect(warm.files.size).toBeLessThan(cold.files.size);
  });
});
