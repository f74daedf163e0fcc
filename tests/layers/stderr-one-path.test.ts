import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

/**
 * Where src/ may mention a stderr write: the Io that is stderr (its interface and the process's), the one
 * rendering path (showDiagnostics, which every diagnostic, info line and usage error goes through),
 * commander's help output when a command is missing, and the process's Io that records a run's writes and writes
 * a kept run again (cli/replay-run.ts: bytes that went through that path when the run was made).
 */
const ALLOWED = new Set(['io.ts', 'cli/process-io.ts', 'command-context.ts', 'cli/program.ts', 'cli/replay-run.ts']);

function writesToStderr(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const file = relative(join(ROOT, 'src'), path).split('\\').join('/');
        readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
          if (/\bstderr(\.write)?\(/.test(line) && !/^\s*(\/\/|\*)/.test(line) && !ALLOWED.has(file)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
      }
    }
  };
  walk(join(ROOT, 'src'));
  return found;
}

describe('stderr has one way in', () => {
  it('no module under src/ writes to stderr but the diagnostics renderer path (and commander help)', () => {
    expect(writesToStderr()).toEqual([]);
  });
});
