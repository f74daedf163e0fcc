import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { withDirectExports } from '../../scripts/direct-exports.mjs';

/**
 * The build turns each chunk into CommonJS as scripts/build.mjs does (esbuild, import() as a require) and gives it
 * its own exports object (withDirectExports). Chunks written here as esbuild's splitting writes them, run by a
 * loader of the same shape as src/cli/start.ts's: what one chunk sees of another must be what ES modules would see.
 */
async function asCommonJs(source: string, id: string): Promise<string> {
  const converted = await transform(source, { format: 'cjs', platform: 'node', target: 'node20', supported: { 'dynamic-import': false }, logLevel: 'silent' });
  return withDirectExports(converted.code, id);
}

type Body = (exports: object, require: (specifier: string) => unknown, module: { exports: unknown }) => void;

/** Runs chunks by name ('./a.js') with a require that answers from them, each module once, registered before it runs. */
async function loader(chunks: Record<string, string>) {
  const bodies = new Map<string, Body>();
  for (const [id, source] of Object.entries(chunks)) bodies.set(id, new Function('exports', 'require', 'module', await asCommonJs(source, id)) as Body);
  const modules = new Map<string, { exports: unknown }>();
  const load = (id: string): unknown => {
    const known = modules.get(id);
    if (known) return known.exports;
    const module = { exports: {} as unknown };
    modules.set(id, module);
    bodies.get(id)!(module.exports as object, load, module);
    return module.exports;
  };
  return load;
}

const COUNTER = `
let count = 0;
export function bump() { count++; return count; }
export { count };
export default 'the default';
`;

describe('a chunk as the build turns it into CommonJS', () => {
  it("keeps live bindings, default exports and import(), with one exports object a chunk's names are read from", async () => {
    const load = await loader({
      './counter.js': COUNTER,
      './user.js': `
import label, { bump, count } from './counter.js';
export const seen = () => [label, count];
export const next = () => bump();
export const later = () => import('./counter.js');
`,
    });
    const user = load('./user.js') as { seen(): [string, number]; next(): number; later(): Promise<Record<string, unknown>> };
    expect(user.seen()).toEqual(['the default', 0]);
    expect(user.next()).toBe(1);
    // A live binding: the importer sees the count the exporter changed.
    expect(user.seen()).toEqual(['the default', 1]);
    const counter = load('./counter.js') as Record<string, unknown>;
    // import() answers with the chunk's own exports object, not a copy of it.
    const imported = await user.later();
    expect(imported).toBe(counter);
    expect(imported.default).toBe('the default');
    expect(imported.count).toBe(1);
    expect((counter as { __esModule?: boolean }).__esModule).toBe(true);
    expect(Object.keys(counter).sort()).toEqual(['bump', 'count', 'default']);
    // Read through the getter esbuild defines on the binding, not through a second one over it.
    const getter = Object.getOwnPropertyDescriptor(counter, 'count')!.get!;
    expect(getter.toString()).toMatch(/=> count$/);
  });

  it('chunks that import each other see each other as ES modules would', async () => {
    const load = await loader({
      './a.js': `import { b } from './b.js'; export const a = () => 'a' + b(); export const name = 'A';`,
      './b.js': `import { name } from './a.js'; export const b = () => 'b' + name;`,
    });
    expect((load('./a.js') as { a(): string }).a()).toBe('abA');
  });

  it("stops the build when esbuild's form is not the one it changes", async () => {
    const converted = (await transform(COUNTER, { format: 'cjs', platform: 'node', logLevel: 'silent' })).code;
    expect(() => withDirectExports(converted.replace('module.exports = __toCommonJS(stdin_exports);', 'module.exports = __toCommonJS(stdin_exports, 1);'), 'x.js')).toThrow(/x\.js/);
    expect(() => withDirectExports(`${converted}\nmodule.exports = __toCommonJS(stdin_exports);`, 'y.js')).toThrow(/y\.js/);
  });
});
