import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

/** The codes of the DiagnosticCode union, as declared in src/diagnostic.ts. */
function declaredCodes(): string[] {
  const source = readFileSync(join(ROOT, 'src', 'diagnostic.ts'), 'utf8');
  const union = /export type DiagnosticCode =([\s\S]*?);/.exec(source)![1]!;
  return [...union.matchAll(/'([A-Z][A-Z0-9_]*)'/g)].map((m) => m[1]!);
}

/** The codes named in the first column of the README's code table (rows under `| 代码 | 级别 | 含义 |`). */
function documentedCodes(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('| 代码 | 级别 | 含义 |');
  expect(start).toBeGreaterThan(0);
  const rows = readme.slice(start).split('\n').slice(2);
  const table = rows.slice(0, rows.findIndex((row) => !row.startsWith('|')));
  return table.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!));
}

describe('the README code table and the codes gongkai reports', () => {
  it('list the same codes, each once', () => {
    const declared = declaredCodes();
    const documented = documentedCodes();
    expect(declared.length).toBeGreaterThan(60);
    expect(new Set(documented).size, 'a code documented twice').toBe(documented.length);
    expect([...documented].sort()).toEqual([...new Set(declared)].sort());
  });

  it('every code in the union is reported somewhere in src/ (no code nothing can report)', () => {
    const uses = new Map<string, number>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts') && path !== join(ROOT, 'src', 'diagnostic.ts')) {
          for (const m of readFileSync(path, 'utf8').matchAll(/'([A-Z][A-Z0-9_]+)'/g)) uses.set(m[1]!, (uses.get(m[1]!) ?? 0) + 1);
        }
      }
    };
    walk(join(ROOT, 'src'));
    expect(declaredCodes().filter((code) => !uses.has(code))).toEqual([]);
  });
});
