import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

/** The sources (paths from the repository root) held by each output file of the bundle, from the build's metafile. */
function sourcesByChunk(): Map<string, string[]> {
  const meta = JSON.parse(readFileSync(join(ROOT, 'dist', 'metafile.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  return new Map(Object.entries(meta.outputs).map(([output, { inputs }]) => [join(ROOT, output), Object.keys(inputs)]));
}

/** Runs the built gongkai as a real process, cold (no cache), and returns the sources of every chunk it loaded. */
function sourcesLoadedBy(args: string[]): string[] {
  const dir = tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
  const log = join(dir, 'modules.log');
  const result = spawnSync(process.execPath, [BIN, ...args, '--ledger', join(dir, 'ledger.yaml')], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GONGKAI_CACHE: 'off', GONGKAI_MODULE_LOG: log },
  });
  expect(result.status, result.stderr).toBeLessThan(2);
  const chunks = sourcesByChunk();
  const loaded = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url));
  const ours = loaded.filter((file) => chunks.has(file));
  expect(ours.map((file) => relative(ROOT, file))).toContain('dist/gongkai.js');
  return ours.flatMap((file) => chunks.get(file)!);
}

describe('rules load by the scope a command asks for', () => {
  it('a cold status loads no module of src/notice/ (no notice grammar, no opencc tables)', () => {
    const sources = sourcesLoadedBy(['status']);
    expect(sources.some((s) => s.startsWith('src/check/rules/'))).toBe(true);
    expect(sources.filter((s) => s.startsWith('src/notice/') || s.includes('opencc'))).toEqual([]);
  });

  it('validate, which runs every rule, does load the clause grammar: the log of the loader names notice modules when they load', () => {
    const sources = sourcesLoadedBy(['validate']);
    expect(sources).toContain('src/notice/clause/grammar.ts');
    expect(sources).toContain('src/check/rules/due-text.ts');
  });
});
