import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const SRC = join(ROOT, 'src');

/** Every TypeScript file under src/ except the edge (cli/, commands/), as [path from src/, text]: read once for the tests below. */
let core: [string, string][] | undefined;
function coreFiles(): [string, string][] {
  return (core ??= sourceFiles().filter(([path]) => !path.startsWith('cli/') && !path.startsWith('commands/') && path !== 'command-context.ts'));
}

/** Every TypeScript file under src/ (or one folder of it), as [path from src/, text]. */
function sourceFiles(folder = ''): [string, string][] {
  const files: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push([relative(SRC, path).split('\\').join('/'), readFileSync(path, 'utf8')]);
    }
  };
  walk(join(SRC, folder));
  return files;
}

/** Lines matching `pattern`, as `file:line: text`, minus those the allowance explains. */
function offending(pattern: RegExp, allowed: (file: string, line: string) => boolean = () => false): string[] {
  return coreFiles().flatMap(([file, text]) =>
    text.split('\n').flatMap((line, index) => (pattern.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*') && !allowed(file, line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
  );
}

/**
 * What the process is, not what the run is given: whose lock a pid names, who
 * owns the cache folder, a new file's mode (umask), and the ages of lock and
 * cache files on disk (compared with their mtimes, so the real clock, never a
 * run's fake one). git children inherit the process's environment (HOME,
 * PATH, GIT_*) so that git behaves as the user's git does; a reader's budget counts the CPU the process itself spent.
 */
const PROCESS_IDENTITY = /process\.(pid|umask\(\)|getuid|kill\(|cpuUsage\()|typeof process\.getuid/;
const FILE_AGES = new Set(['edit/file-lock.ts', 'cache/cache-store.ts', 'cache/fingerprints.ts', 'read/read-regular-file.ts']);
const GIT_CHILD_ENV = (file: string, line: string) => file === 'git/git.ts' && /spawnSync\('git'.*process\.env/.test(line);

describe('the core knows no CLI', () => {
  it('nothing under src/ outside cli/ and commands/ imports command-context', () => {
    expect(offending(/command-context/)).toEqual([]);
  });

  it('nothing under src/ outside cli/ and commands/ writes to a stream or the console', () => {
    expect(offending(/\.(stdout|stderr)\s*\(|process\.(stdout|stderr)|console\.(log|error|warn|info)/)).toEqual([]);
  });

  it('nothing under src/ outside cli/ and commands/ reads the process: cwd, env, argv, stdin and the clock come through Io', () => {
    const reads = offending(/\bprocess\.[a-zA-Z]/, (file, line) => {
      const rest = line.replace(new RegExp(PROCESS_IDENTITY.source, 'g'), '');
      return !/\bprocess\.[a-zA-Z]/.test(rest) || GIT_CHILD_ENV(file, line);
    });
    expect(reads).toEqual([]);
    // The clock: no `new Date()` without an argument, no Date.now() but for the ages of files on disk.
    expect(offending(/new Date\(\)|Date\.now\(\)/, (file) => FILE_AGES.has(file))).toEqual([]);
    // Standard input only through Io: no read of file descriptor 0.
    expect(offending(/readBounded\(0\b|readFileSync\(0\b|readSync\(0\b|\/dev\/stdin/)).toEqual([]);
    // Relative names resolved against the process's folder without saying so.
    expect(offending(/\bresolve\(\)|path\.resolve\(\)/)).toEqual([]);
  });

  it('a name the user typed starts from the run\'s folder (Io\'s cwd) everywhere but cli/: no one-argument resolve()', () => {
    // resolve(name) alone is resolve(process.cwd(), name): commands and the core pass the run's folder instead.
    const oneArgument = /\bresolve\((?:[^,()]|\([^()]*\))*\)/;
    const files = [...coreFiles(), ...sourceFiles('commands')];
    const found = files.flatMap(([file, text]) => text.split('\n').flatMap((line, index) => (oneArgument.test(line) && !/^\s*(\/\/|\*)/.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])));
    expect(found).toEqual([]);
    expect(oneArgument.test('writeFileAtomic(resolve(file), bytes)')).toBe(true);
    expect(oneArgument.test('resolve(ctx.io.cwd, file)')).toBe(false);
    expect(files.some(([file]) => file === 'commands/write-output.ts')).toBe(true);
  });

  it('the checker sees a violation when there is one (the patterns are live)', () => {
    expect(/\bprocess\./.test('const here = process.cwd();')).toBe(true);
    expect(/\.(stdout|stderr)\s*\(/.test("ctx.io.stderr('x')")).toBe(true);
    expect(coreFiles().some(([file]) => file === 'open/open-ledger.ts')).toBe(true);
    expect(coreFiles().some(([file]) => file.startsWith('cli/'))).toBe(false);
  });
});
