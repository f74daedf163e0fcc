import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script without types
import { buildIdentity, madeFrom } from '../../scripts/build-inputs.mjs';
import { ROOT } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

/** A copy of what a build reads: sources, package files, build scripts, the shipped data. */
function sources(): string {
  const dir = tempDir();
  for (const part of ['src', 'scripts', 'data', 'package.json', 'package-lock.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

describe('what npm test builds from', () => {
  it('builds again after a change to a source, a build script or the trained ledger, not after a change to the tests', () => {
    const dir = sources();
    const key = () => ({ identity: buildIdentity(dir), made: madeFrom(dir, { minify: true }) });
    const before = key();
    expect(madeFrom(dir, { minify: false })).not.toBe(before.made);
    mkdirSync(join(dir, 'tests'));
    writeFileSync(join(dir, 'tests', 'new.test.ts'), 'export {};\n');
    writeFileSync(join(dir, 'README.md'), '# 改了说明\n');
    expect(key()).toEqual(before);
    let last = before;
    for (const file of ['scripts/train-code.mjs', 'scripts/build-inputs.mjs', 'data/ledger.yaml', 'src/cli/main.ts']) {
      appendFileSync(join(dir, file), '\n');
      const now = key();
      expect(now.made, file).not.toBe(last.made);
      // Results in the cache are keyed by the sources alone: a changed build script or ledger does not discard them.
      expect(now.identity === last.identity, file).toBe(!file.startsWith('src/'));
      last = now;
    }
  });

  it('with --if-changed, leaves dist/ as it is when it was made from the same', () => {
    const dir = sources();
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    mkdirSync(join(dir, 'dist'));
    // Not a real build: a run that built anything would replace it.
    writeFileSync(join(dir, 'dist', 'gongkai.cjs'), '// left alone\n');
    writeFileSync(join(dir, 'dist', 'made-from'), madeFrom(dir, { minify: true }));
    execFileSync(process.execPath, [join(dir, 'scripts', 'build.mjs'), '--if-changed'], { cwd: dir, stdio: 'pipe', env: { ...process.env, GONGKAI_NO_MINIFY: '' } });
    expect(readFileSync(join(dir, 'dist', 'gongkai.cjs'), 'utf8')).toBe('// left alone\n');
  });
});
