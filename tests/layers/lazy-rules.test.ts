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
function sourcesLoadedBy(args: string[], ledger: string | Buffer = readFileSync(SHIPPED_LEDGER)): { sources: string[]; findings: string } {
  const dir = tempDir({ 'ledger.yaml': ledger, 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
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
  return { sources: ours.flatMap((file) => chunks.get(file)!), findings: result.stdout };
}

/**
 * `validate` of the shipped ledger, cold: one process whose findings and loaded sources two tests below read (the
 * same command on the same files loads the same chunks whichever test asks).
 */
let validateShipped: ReturnType<typeof sourcesLoadedBy> | undefined;
const validatedShipped = () => (validateShipped ??= sourcesLoadedBy(['validate']));

describe('rules load by the scope a command asks for', () => {
  it('a cold status loads no module of src/notice/ (no notice grammar, no opencc tables)', () => {
    const { sources } = sourcesLoadedBy(['status']);
    expect(sources.some((s) => s.startsWith('src/check/rules/'))).toBe(true);
    expect(sources.filter((s) => s.startsWith('src/notice/') || s.includes('opencc'))).toEqual([]);
  });

  it('validate, which runs every rule, does load the clause grammar: the log of the loader names notice modules when they load', () => {
    const { sources } = validatedShipped();
    expect(sources).toContain('src/notice/clause/grammar.ts');
    expect(sources).toContain('src/check/rules/due-text.ts');
  });
});

describe('pointing at a finding loads the YAML parser only when reading line by line cannot', () => {
  it('validate of the shipped ledger points at its 13 warnings without it; a comment inside an item brings it in, at the right line', () => {
    const plain = validatedShipped();
    expect(plain.findings.match(/ledger\.yaml:\d+:\d+: 警告/g)).toHaveLength(13);
    expect(plain.findings).toContain('ledger.yaml:29:21: 警告[UNRESOLVED_GROUP] 第 2 项');
    expect(plain.sources).toContain('src/read/locate-diagnostics.ts');
    expect(plain.sources.filter((s) => s.startsWith('node_modules/yaml/'))).toEqual([]);
    // A comment line above the finding: the line-by-line reading gives up on this item, the parser answers.
    const text = readFileSync(SHIPPED_LEDGER, 'utf8');
    const finding = '          - { dept: 制发司(局), scope: 规范性文件 }\n';
    expect(text).toContain(finding);
    const commented = sourcesLoadedBy(['validate'], text.replace(finding, `          # 由办公厅补充\n${finding}`));
    expect(commented.findings).toContain('ledger.yaml:30:21: 警告[UNRESOLVED_GROUP] 第 2 项');
    expect(commented.sources.some((s) => s.startsWith('node_modules/yaml/'))).toBe(true);
  });
});
