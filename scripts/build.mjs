// Bundles the CLI into dist/ (one entry plus lazily loaded chunks), so that
// start-up reads a few files instead of hundreds of modules.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
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
  external: ['exceljs'],
  // CommonJS dependencies (commander, cli-table3) call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
