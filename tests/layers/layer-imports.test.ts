import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const SRC = join(ROOT, 'src');

/** Every TypeScript file under src/, with the src/ folders (or root files) it imports from: read once for the tests below. */
let read: { file: string; text: string; targets: string[] }[] | undefined;
function imports(): { file: string; text: string; targets: string[] }[] {
  return (read ??= readImports());
}

function readImports(): { file: string; text: string; targets: string[] }[] {
  const found: { file: string; text: string; targets: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => relative(SRC, resolve(dirname(path), m[1]!)).split('\\').join('/'));
        found.push({ file: relative(SRC, path).split('\\').join('/'), text, targets });
      }
    }
  };
  walk(SRC);
  return found;
}

/** `file → target` for each import of a file under `from` into one of `forbidden` (folders as `merge/`, root files as `io.ts` without .ts). */
function crossings(from: (file: string) => boolean, forbidden: string[]): string[] {
  return imports()
    .filter(({ file }) => from(file))
    .flatMap(({ file, targets }) => targets.filter((t) => forbidden.some((f) => t.startsWith(f))).map((t) => `${file} → ${t}`));
}

describe('layers import downwards only', () => {
  it('render/ knows reports and the model, not merging, permissions, editing, opening or the edge', () => {
    expect(crossings((f) => f.startsWith('render/'), ['merge/', 'permissions/', 'edit/', 'open/', 'sync/', 'git/', 'commands/', 'cli/', 'command-context'])).toEqual([]);
  });

  it('errors.ts, io.ts and diagnostic.ts import nothing from read/ (or any folder)', () => {
    const roots = new Set(['errors.ts', 'io.ts', 'diagnostic.ts']);
    expect(crossings((f) => roots.has(f), ['read/', 'model/', 'render/', 'open/', 'query/'])).toEqual([]);
  });

  it('model/ imports only model/ and the root types', () => {
    const outside = imports()
      .filter(({ file }) => file.startsWith('model/'))
      .flatMap(({ file, targets }) => targets.filter((t) => !t.startsWith('model/') && t.includes('/')).map((t) => `${file} → ${t}`));
    expect(outside).toEqual([]);
  });

  it('the shared types are declared once, in model/: the draft, the edit, the plan, merge conflicts and policy findings', () => {
    const declared = (name: string) =>
      imports()
        .filter(({ text }) => new RegExp(`^export (interface|type) ${name}\\b`, 'm').test(text))
        .map(({ file }) => file);
    for (const name of ['LedgerDraft', 'DraftItem', 'LedgerEdit', 'Plan', 'MergeConflict', 'Violation', 'RefRefusal']) {
      const where = declared(name);
      expect(where, name).toHaveLength(1);
      expect(where[0]!.startsWith('model/'), `${name} in ${where[0]}`).toBe(true);
    }
  });

  it('the checker sees a crossing when there is one', () => {
    expect(crossings((f) => f === 'commands/import.ts', ['render/'])).not.toEqual([]);
  });
});
