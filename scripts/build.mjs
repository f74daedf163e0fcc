// Bundles the CLI into dist/ (one entry plus lazily loaded chunks), so that
// start-up reads a few files instead of hundreds of modules.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A hash of everything the bundle is made from: cached results carry it, so a rebuilt gongkai never reads an older one's. */
function buildIdentity() {
  const root = new URL('..', import.meta.url).pathname;
  const hash = createHash('sha256');
  const files = ['package.json', 'package-lock.json', ...readdirSync(join(root, 'src'), { recursive: true }).map((f) => join('src', String(f)))].sort();
  for (const file of files) {
    if (!/\.(ts|json)$/.test(file)) continue;
    hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const built = await build({
  entryPoints: { gongkai: 'src/cli/main.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  // Less source for V8 to parse at every start; stack traces are never shown to users.
  minify: !process.env.GONGKAI_NO_MINIFY,
  legalComments: 'none',
  // exceljs is CommonJS with its own lazy requires: loaded from node_modules, and only by the xlsx commands.
  external: ['exceljs', 'exceljs/*'],
  define: { __GONGKAI_BUILD__: JSON.stringify(buildIdentity()) },
  logLevel: 'warning',
  // Which sources each chunk holds: tests check what a command loads (a cold status loads no notice code).
  metafile: true,
});
writeFileSync(new URL('../dist/metafile.json', import.meta.url), JSON.stringify(built.metafile));
// CommonJS dependencies (commander) call require() for Node built-ins through esbuild's one require shim:
// only the file holding that shim gets a real require, so the other chunks skip createRequire's path work at start.
const REQUIRE = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);\n";
for (const output of Object.keys(built.metafile.outputs)) {
  if (!output.endsWith('.js')) continue;
  const path = new URL(`../${output}`, import.meta.url);
  const code = readFileSync(path, 'utf8');
  if (/typeof require\b/.test(code)) writeFileSync(path, REQUIRE + code);
}
