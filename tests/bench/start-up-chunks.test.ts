import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { LEAF_COMMANDS } from '../../src/cli/main.js';
import { buildProgram } from '../../src/cli/program.js';
import { memoryIo } from '../helpers/memory-io.js';
import { BIN, ROOT, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { FULL_SIZE, scaled } from '../helpers/scale.js';
import { runTempDir, tempDir } from '../helpers/temp.js';

/** A V8 flag that changes nothing gongkai does, but makes V8 refuse code made without it, as another node would. */
const OTHER_V8_FLAGS = ['--max-old-space-size=3000'];

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
  /** The pack file of each chunk (scripts/build.mjs). */
  packs: Record<string, string>;
}
/** Read once: each run's sources are looked up in it (a third of a megabyte of JSON). */
let readMetafile: Metafile | undefined;
const metafile = () => (readMetafile ??= JSON.parse(readFileSync(join(ROOT, 'dist', 'metafile.json'), 'utf8')) as Metafile);

/** The sources (paths from the repository root) held by each chunk of the bundle, from the build's metafile. */
let chunkSources: Map<string, string[]> | undefined;
function sourcesByChunk(): Map<string, string[]> {
  return (chunkSources ??= new Map(Object.entries(metafile().outputs).map(([output, { inputs }]) => [join(ROOT, output), Object.keys(inputs)])));
}

/** The sources held by each pack file: what reading (and compiling) that file costs. */
let packSources: Map<string, string[]> | undefined;
function sourcesByPack(): Map<string, string[]> {
  if (packSources) return packSources;
  const meta = metafile();
  const packs = new Map<string, string[]>();
  for (const [chunk, pack] of Object.entries(meta.packs)) packs.set(join(ROOT, pack), [...(packs.get(join(ROOT, pack)) ?? []), ...Object.keys(meta.outputs[chunk]!.inputs)]);
  return (packSources = packs);
}

const RECORD_BUILTINS = join(import.meta.dirname, 'record-builtins.cjs');
const TOP_LEVEL_CODE = join(import.meta.dirname, 'top-level-code.cjs');
const shippedFiles = () => ({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
const shippedCopy = () => tempDir(shippedFiles());

/**
 * Runs the built gongkai as a real process on a copy of the shipped ledger; returns the chunks that ran
 * and their sources, and the pack files it read and the sources those hold (the loader, src/cli/start.ts,
 * reports both to GONGKAI_MODULE_LOG; node's own modules are listed as the process ends). No module-loading hook
 * of node's is registered: it starts a thread of its own, about 0.1 s of CPU a run, and saw only bin/gongkai.js.
 */
function loadedBy(args: string[], env: Record<string, string> = {}, dir = shippedCopy(), nodeFlags: string[] = [], ledger = join(dir, 'ledger.yaml')) {
  const log = join(dir, 'modules.log');
  const builtins = join(dir, 'builtins.log');
  rmSync(log, { force: true });
  // node's own modules, as the process ends (record-builtins.cjs): whether a run loaded node:crypto, say.
  const result = spawnSync(process.execPath, [...nodeFlags, '-r', RECORD_BUILTINS, BIN, '--ledger', ledger, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GONGKAI_CACHE_DIR: join(dir, 'cache'), GONGKAI_MODULE_LOG: log, GONGKAI_TEST_BUILTINS_LOG: builtins, ...env },
  });
  expect(result.status, result.stderr).toBeLessThan(2);
  const chunks = sourcesByChunk();
  const packs = sourcesByPack();
  // No log at all: a run written again as it was kept (src/cache/replay.ts) loads no module of gongkai's.
  const loaded = (existsSync(log) ? readFileSync(log, 'utf8') : '')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url));
  const files = loaded.filter((file) => chunks.has(file));
  const packFiles = loaded.filter((file) => packs.has(file));
  return {
    out: result.stdout,
    err: result.stderr,
    status: result.status,
    builtins: new Set(readFileSync(builtins, 'utf8').split('\n').map((line) => line.replace(/^NativeModule /, ''))),
    files: new Set(files),
    sources: new Set(files.flatMap((file) => chunks.get(file)!)),
    packs: new Set(packFiles),
    packedSources: new Set(packFiles.flatMap((file) => packs.get(file)!)),
    /** The build's V8 code read for the packs (file names), in order. */
    code: loaded.filter((file) => file.endsWith('.code')).map((file) => basename(file)),
  };
}

type Loaded = ReturnType<typeof loadedBy>;

/**
 * The runs of the tests below that only view the shipped ledger where it is (checked out long before the
 * tests run, so a warm view finds it unchanged), each run once in one folder with one cache and shared
 * between them (a run is a node start-up, a quarter of a second): `first` is a view's first run with the
 * cache on, which computes and keeps its result; `warm` a later one, answered from the cache (the first
 * of them hashes the files and remembers them with their identity on disk); `cold` one with the cache off.
 * Whichever test asks first makes the run, so each test still runs alone.
 */
const viewed = (() => {
  let made: string | undefined;
  const dir = () => (made ??= runTempDir('start-up-views'));
  const runs = new Map<string, Loaded>();
  // Each run has an environment of its own (GONGKAI_TEST_RUN), so none is answered by writing an earlier run again
  // (src/cache/replay.ts, whose key holds the environment): each goes through the program, as its name says.
  const once = (kind: string, env: Record<string, string>, args: string[]): Loaded => {
    const key = `${kind} ${JSON.stringify(args)}`;
    if (!runs.has(key)) runs.set(key, loadedBy(args, { GONGKAI_TEST_RUN: key, ...env }, dir(), [], SHIPPED_LEDGER));
    return runs.get(key)!;
  };
  const first = (args: string[]) => once('first', {}, args);
  /** The `nth` run after the first (each a run of its own, made in turn). */
  const warm = (args: string[], nth = 1): Loaded => (nth > 1 ? warm(args, nth - 1) : first(args), once(`warm ${nth}`, {}, args));
  /** The second warm run made again exactly as it was (its arguments, folder and environment): written again as kept. */
  const again = (args: string[]): Loaded => (warm(args, 2), loadedBy(args, { GONGKAI_TEST_RUN: `warm 2 ${JSON.stringify(args)}` }, dir(), [], SHIPPED_LEDGER));
  return { dir, first, warm, again, cold: (args: string[]) => once('cold', { GONGKAI_CACHE: 'off' }, args) };
})();

/**
 * A copy of the shipped ledger viewed once with `status` under a node that refuses the build's code
 * (OTHER_V8_FLAGS), which keeps V8 code for the two packs it read in the cache folder; shared by the two
 * tests of that code, whichever comes first making it.
 */
let otherFlagsFolder: string | undefined;
function keptCodeFolder(): string {
  if (otherFlagsFolder) return otherFlagsFolder;
  const dir = runTempDir('start-up-other-flags');
  for (const [name, content] of Object.entries(shippedFiles())) writeFileSync(join(dir, name), content);
  loadedBy(['status'], {}, dir, OTHER_V8_FLAGS);
  return (otherFlagsFolder = dir);
}

/** The entries of a cache folder: file and key (an entry's third line), V8's code or results. */
function cacheEntries(cache: string, code: boolean): { file: string; key: string }[] {
  return readdirSync(cache)
    .filter((name) => name.endsWith('.entry'))
    .map((name) => ({ file: join(cache, name), key: readFileSync(join(cache, name)).toString('latin1').split('\n')[2]! }))
    .filter(({ key }) => key.includes('|code|') === code);
}
const codeEntries = (cache: string) => cacheEntries(cache, true);
/** Removes the cached results and keeps the code: the next view reads both packs. */
const forgetResults = (cache: string) => cacheEntries(cache, false).forEach(({ file }) => rmSync(file));

describe('each command loads only what it runs', () => {
  it('--help, status and validate load different sets of modules; the help layout only where help is shown', () => {
    const help = viewed.first(['--help']);
    const status = viewed.first(['status']);
    const validate = viewed.first(['validate']);
    expect(help.sources.has('src/cli/help.ts')).toBe(true);
    // A command's own help too, at full size (the same layout, loaded the same way as the program's; a start-up each).
    if (FULL_SIZE) expect(viewed.first(['status', '--help']).sources.has('src/cli/help.ts')).toBe(true);
    expect(status.sources.has('src/cli/help.ts')).toBe(false);
    expect(validate.sources.has('src/cli/help.ts')).toBe(false);
    // Nor any other command without subcommands (git runs some at every commit and push): another one at full size
    // (which commands are leaves is checked against the program below).
    if (FULL_SIZE) expect(viewed.first(['schema', 'ledger']).sources.has('src/cli/help.ts')).toBe(false);
    // Help reads no ledger: nothing of checking or counting.
    expect([...help.sources].filter((s) => s.startsWith('src/check/') || s.startsWith('src/query/'))).toEqual([]);
    // validate runs every rule, status only the view's; status counts, validate does not.
    expect(validate.sources.has('src/check/rules/due-text.ts')).toBe(true);
    expect(status.sources.has('src/check/rules/due-text.ts')).toBe(false);
    expect(status.sources.has('src/query/status-report.ts')).toBe(true);
    expect(validate.sources.has('src/query/status-report.ts')).toBe(false);
  });

  it('a warm status (answered from the cache) loads no ledger reader, model or count', () => {
    const cold = viewed.cold(['status']);
    const warm = viewed.warm(['status']);
    expect(cold.sources.has('src/read/read-ledger.ts')).toBe(true);
    for (const source of ['src/read/read-ledger.ts', 'src/query/status-report.ts', 'src/check/index.ts', 'node_modules/js-yaml/dist/js-yaml.mjs']) expect(warm.sources.has(source), source).toBe(false);
    expect(warm.files.size).toBeLessThan(cold.files.size);
    // It writes the text kept from the last run: nothing of the table's layout is loaded, nor even read with the start.
    for (const source of ['src/render/table.ts', 'src/render/status-doc.ts']) {
      expect(cold.sources.has(source), source).toBe(true);
      expect(warm.packedSources.has(source), source).toBe(false);
    }
    // Nor is git: a view runs none without --since, and node's child_process was a tenth of a cold start.
    for (const run of [cold, warm]) expect(run.builtins.has('child_process')).toBe(false);
  });

  it('a warm view of a ledger nobody changed lately, and a run without the cache, load no node:crypto; a ledger changed since is hashed', () => {
    // The shipped ledger where it is, checked out long before the tests run: a copy would be new, and hashed.
    expect(Date.now() - statSync(SHIPPED_LEDGER).ctimeMs, 'data/ledger.yaml changed within the last seconds').toBeGreaterThan(3_000);
    // A view and a check by default; every kind of view at full size.
    const views = scaled([['status'], ['validate']], [['status'], ['status', '--dept', '信息中心'], ['overdue'], ['checklist', '--dept', '信息中心'], ['validate']]);
    // The first run computes; the second hashes the files and remembers them with their identity on disk; the third hashes nothing.
    for (const view of views) expect(viewed.warm(view, 2).builtins.has('crypto'), view.join(' ')).toBe(false);
    // Without the cache nothing is kept, so nothing is hashed (src/read/load-ledger.ts): a view by default, a check too at full size.
    for (const view of scaled([['status']], [['status'], ['validate']])) expect(viewed.cold(view).builtins.has('crypto'), `${view[0]}, cache off`).toBe(false);
    // A ledger that must be hashed loads node:crypto for it. A copy made seconds ago is not settled, so every run hashes
    // it (that a settled file changed since it was hashed is hashed again is tests/cache/settled-files.test.ts): by
    // default its first run; at full size the run after two others and a hand edit.
    const copy = shippedCopy();
    if (FULL_SIZE) {
      loadedBy(['status'], {}, copy);
      loadedBy(['status'], {}, copy);
      appendFileSync(join(copy, 'ledger.yaml'), '# 手工加的一行注释\n');
    }
    expect(loadedBy(['status'], {}, copy).builtins.has('crypto')).toBe(true);
  });
});

describe('the packs: what a start reads and compiles', () => {
  it('a warm view reads one pack, a cold one two; neither holds help, notice or document code, which other runs read', () => {
    // By default the views the other tests run anyway (a view and a check warm, a view cold); overdue too at full size.
    const warm = scaled(['status', 'validate'], ['status', 'overdue', 'validate']).map((view) => viewed.warm([view]));
    const cold = scaled(['status'], ['status', 'overdue']).map((view) => viewed.cold([view]));
    for (const run of warm) expect(run.packs.size).toBe(1);
    // The same pack every time: the start, which also holds the views' commands.
    expect(new Set(warm.flatMap((run) => [...run.packs])).size).toBe(1);
    for (const run of cold) expect(run.packs.size).toBe(2);
    const hot = new Set([...warm, ...cold].flatMap((run) => [...run.packedSources]));
    const rare = [...hot].filter((s) => s === 'src/cli/help.ts' || s.startsWith('src/notice/') || s.includes('opencc') || s.startsWith('node_modules/docx/') || s.startsWith('src/render/docx/'));
    expect(rare).toEqual([]);
    // The patterns are live: help and a document read packs that hold them.
    expect(viewed.first(['--help']).packedSources.has('src/cli/help.ts')).toBe(true);
    expect(viewed.first(['checklist', '--dept', '信息中心', '-o', join(viewed.dir(), 'c.docx')]).packedSources.has('src/render/docx/checklist-doc.ts')).toBe(true);
  });

  it('a view run again exactly as before, with its files as they were, is written again as kept: the same bytes and exit code, no pack read', () => {
    // A view and a check that has findings (warnings under --strict: exit 1) by default; every everyday view at full size.
    const views = scaled([['status'], ['validate', '--strict']], [['status'], ['status', '--dept', '信息中心'], ['overdue'], ['checklist', '--dept', '信息中心'], ['validate'], ['validate', '--strict']]);
    for (const view of views) {
      const kept = viewed.warm(view, 2);
      const again = viewed.again(view);
      expect(again.packs.size, view.join(' ')).toBe(0);
      expect(again.files.size).toBe(0);
      expect(again.builtins.has('crypto')).toBe(false);
      expect([again.out, again.err, again.status]).toEqual([kept.out, kept.err, kept.status]);
      // And it is the answer: what a run without the cache prints.
      expect(again.out).toBe(viewed.cold(view).out);
    }
    expect(viewed.again(['validate', '--strict']).status).toBe(1);
  });

  it('the packs every view reads are ASCII, read without decoding UTF-8, and show the same text', () => {
    const meta = metafile();
    const everyday = [...new Set(Object.values(meta.packs))].filter((pack) => /\/(start|views)-/.test(pack));
    expect(everyday).toHaveLength(2);
    for (const pack of everyday) expect(readFileSync(join(ROOT, pack)).every((byte) => byte < 0x80), pack).toBe(true);
    // Their Chinese (messages, labels, patterns) is written as escapes and shown as it was.
    expect(viewed.cold(['status']).out).toMatch(/项任务，逾期 \d+ 项/);
  });

  it("reads OpenCC's tables from node_modules only for Traditional text: the built command imports a Traditional notice", () => {
    const dir = shippedCopy();
    const notice = join(ROOT, 'tests', 'fixtures', 'notices', '13_mca-2022-yaodian-fengong-TRADITIONAL.txt');
    const imported = loadedBy(['import', notice, '--format', 'json'], {}, dir);
    // 政策法規司 (Traditional in the notice) named as the registry names it.
    const names = (JSON.parse(imported.out) as { departments: { departments: { name: string }[] } }).departments.departments.map((d) => d.name);
    expect(names).toContain('政策法规司');
    expect([...imported.packedSources].filter((s) => s.includes('opencc'))).toEqual([]);
  });

  it('starts from the code the build made for the packs, with the cache on or off, and keeps none of its own', () => {
    const meta = metafile();
    // The build made code for the packs every view reads.
    const built = [...new Set(Object.values(meta.packs))].filter((pack) => /\/(start|views)-/.test(pack));
    for (const pack of built) expect(statSync(join(ROOT, pack.replace(/\.js$/, '.code'))).size, pack).toBeGreaterThan(0);
    const expected = viewed.cold(['status']).out;
    expect(viewed.first(['status']).out).toBe(expected);
    expect(viewed.warm(['status']).out).toBe(expected);
    expect(viewed.warm(['status'], 2).out).toBe(expected);
    // V8 took the build's code: had it refused it, the loader would have kept code for those packs in the cache
    // folder (next test). (The help and the document run in the same folder keep code for packs the build made none for.)
    const kept = codeEntries(join(viewed.dir(), 'cache')).filter(({ key }) => built.some((pack) => key.includes(`|code|${basename(pack)}|`)));
    expect(kept).toEqual([]);
  });

  it("a view reads code made by running that view alone (with the cache off, alone so), well under the code of every view, and V8 takes it; other commands read every view's", () => {
    const views = [['status'], ['overdue'], ['checklist', '--dept', '信息中心'], ['validate']];
    const viewsPack = [...new Set(Object.values(metafile().packs))].find((pack) => /\/views-/.test(pack))!;
    const startPack = [...new Set(Object.values(metafile().packs))].find((pack) => /\/start-/.test(pack))!;
    const codeOf = (suffix: string) => basename(viewsPack).replace(/\.js$/, suffix);
    const every = statSync(join(ROOT, 'dist', 'packs', codeOf('.code'))).size;
    for (const args of views) {
      const view = args[0]!;
      // The first run with the cache on, which computes; the options before the command, as loadedBy writes them.
      const run = viewed.first(args);
      expect(run.code, view).toContain(codeOf(`.${view}.code`));
      expect(run.code, view).not.toContain(codeOf('.code'));
      // V8 deserializes all of the code it is given: a view's own is at most four fifths of every view's (about half, or less).
      const own = statSync(join(ROOT, 'dist', 'packs', codeOf(`.${view}.code`))).size;
      expect(own, view).toBeLessThan(0.8 * every);
      // With the cache off, the code of the view run so (no index, no results kept), smaller again; the start pack's
      // too, smaller than the warm views' code it reads otherwise.
      const cold = viewed.cold(args);
      expect(cold.code, view).toContain(codeOf(`.${view}.off.code`));
      expect(statSync(join(ROOT, 'dist', 'packs', codeOf(`.${view}.off.code`))).size, view).toBeLessThan(own);
      const startCode = (suffix: string) => basename(startPack).replace(/\.js$/, suffix);
      expect(cold.code, view).toContain(startCode(`.${view}.off.code`));
      expect(statSync(join(ROOT, 'dist', 'packs', startCode(`.${view}.off.code`))).size, view).toBeLessThan(statSync(join(ROOT, 'dist', 'packs', startCode('.code'))).size);
      expect(run.code, view).toContain(startCode('.code'));
      expect(cold.out, view).toBe(run.out);
    }
    // What validate runs beyond the views (the clause grammar, the locator of its findings) is one pack.
    const validate = viewed.cold(['validate']);
    expect(validate.packs.size).toBe(3);
    for (const source of ['src/notice/clause/grammar.ts', 'src/read/locate-diagnostics.ts']) expect(validate.packedSources.has(source), source).toBe(true);
    // Taken by V8: had it been refused, the loader would have kept code of its own for the pack in the cache folder.
    expect(codeEntries(join(viewed.dir(), 'cache')).filter(({ key }) => key.includes(`|code|${basename(viewsPack)}|`))).toEqual([]);
    // A command that reads the views' pack but has no code of its own (`export`) reads every view's.
    const exported = loadedBy(['export'], { GONGKAI_CACHE: 'off' });
    expect(exported.packs).toContain(join(ROOT, viewsPack));
    expect(exported.code).toContain(codeOf('.code'));
  });

  it('under a node that refuses the build\'s code (other V8 flags), keeps V8 code for the packs it read, and a later start uses it as it is', () => {
    const dir = keptCodeFolder();
    const code = codeEntries(join(dir, 'cache'));
    // The start pack and the views' pack (the first status had no cached result).
    expect(code).toHaveLength(2);
    const inodes = code.map(({ file }) => statSync(file).ino);
    // A view the folder has no result for reads both packs; at full size a view answered from the cache (the start pack alone) first.
    if (FULL_SIZE) loadedBy(['status'], {}, dir, OTHER_V8_FLAGS);
    expect(loadedBy(['status', '--dept', '信息中心'], {}, dir, OTHER_V8_FLAGS).packs.size).toBe(2);
    expect(codeEntries(join(dir, 'cache')).map(({ file }) => statSync(file).ino)).toEqual(inodes);
  });

  it("V8 code for a pack holds the pack's top level: running it compiles nothing, in the build's code and in code kept in the cache folder", () => {
    const dir = runTempDir('top-level-code');
    /** Bytes of bytecode V8 makes while a pack's top level runs with `code` (top-level-code.cjs, a node with the default flags). */
    const compiledWith = (pack: string, code: string) => {
      const result = spawnSync(process.execPath, [TOP_LEVEL_CODE, 'measure', pack, code], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      const { rejected, compiled } = JSON.parse(result.stdout) as { rejected: boolean; compiled: number };
      expect(rejected, code).toBe(false);
      return compiled;
    };
    const made = (mode: 'fresh' | 'dropped', pack: string) => {
      const file = join(dir, `${mode}-${basename(pack)}.code`);
      expect(spawnSync(process.execPath, [TOP_LEVEL_CODE, mode, pack, file]).status).toBe(0);
      return file;
    };
    const packs = [...new Set(Object.values(metafile().packs))].filter((pack) => /\/(start|views)-/.test(pack)).map((pack) => join(ROOT, pack));
    expect(packs).toHaveLength(2);
    const views = packs.find((pack) => basename(pack).startsWith('views-'))!;
    const withTopLevel = new Map(packs.map((pack) => [pack, compiledWith(pack, made('fresh', pack))]));
    // Each view's own code of the views pack, and its code with the cache off, hold it too and are taken by V8
    // (validate's by default; every view's at full size).
    const start = packs.find((pack) => basename(pack).startsWith('start-'))!;
    for (const view of FULL_SIZE ? ['status', 'overdue', 'checklist', 'validate'] : ['validate']) {
      for (const own of [`.${view}.code`, `.${view}.off.code`]) expect(compiledWith(views, views.replace(/\.js$/, own)), own).toBeLessThanOrEqual(withTopLevel.get(views)!);
      expect(compiledWith(start, start.replace(/\.js$/, `.${view}.off.code`)), view).toBeLessThanOrEqual(withTopLevel.get(start)!);
    }
    for (const pack of packs) {
      // The measure tells them apart: code whose top level V8 dropped makes V8 parse the whole pack to run it
      // (6.7 ms of the views pack's 8.5 before the build kept it). Shown on the views pack; on both at full size.
      if (FULL_SIZE || pack === views) expect(compiledWith(pack, made('dropped', pack)), pack).toBeGreaterThan(withTopLevel.get(pack)!);
      expect(compiledWith(pack, pack.replace(/\.js$/, '.code')), pack).toBeLessThanOrEqual(withTopLevel.get(pack)!);
    }
    // Code the loader keeps in the cache folder (for a node that refuses the build's), taken at the end of a run in
    // which V8 dropped the top level's bytecode.
    const cache = join(dir, 'cache');
    const kept = spawnSync(process.execPath, [TOP_LEVEL_CODE, 'kept', views, basename(views)], { env: { ...process.env, GONGKAI_CACHE_DIR: cache, GONGKAI_CACHE: '' } });
    expect(kept.status, kept.stderr?.toString()).toBe(0);
    const [entry] = codeEntries(cache);
    const keptCode = join(dir, 'kept.code');
    writeFileSync(keptCode, new CacheStore(cache, 200 * 1024 * 1024).getBytes(entry!.key)!);
    expect(compiledWith(views, keptCode)).toBeLessThanOrEqual(withTopLevel.get(views)!);
  });

  it("the loader is compiled with V8 code the build made by running it, which node's default flags take", () => {
    // As bin/gongkai.js compiles it: the loader's text in a CommonJS function.
    const probe = `
      const { readFileSync } = require('node:fs');
      const { Script } = require('node:vm');
      const file = ${JSON.stringify(join(ROOT, 'dist', 'gongkai.cjs'))};
      const source = '(function (exports, require, module, __filename, __dirname) {' + readFileSync(file, 'utf8') + '\\n})';
      const shipped = new Script(source, { filename: file, cachedData: readFileSync(file + '.code') });
      const fresh = new Script(source, { filename: file + '-fresh' }).createCachedData();
      process.stdout.write(JSON.stringify({ rejected: shipped.cachedDataRejected, shipped: readFileSync(file + '.code').length, fresh: fresh.length }));`;
    const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const { rejected, shipped, fresh } = JSON.parse(result.stdout) as { rejected: boolean; shipped: number; fresh: number };
    expect(rejected).toBe(false);
    // It holds the functions the runs compiled, not only the top level that compiling alone makes.
    expect(shipped).toBeGreaterThan(fresh * 1.5);
  });

  it('code in the cache folder that is spoilt or belongs to another pack changes no answer, and is replaced', async () => {
    // The code kept for the start pack and the views' pack by a view under other flags.
    const dir = keptCodeFolder();
    const cache = join(dir, 'cache');
    // The answer as computed without the cache, in this process (the same code; a run of its own would be one more start-up).
    const reference = await runCli(['--ledger', join(dir, 'ledger.yaml'), 'overdue'], { cwd: dir, env: { NO_COLOR: '1', GONGKAI_CACHE: 'off' }, now: () => new Date() });
    expect(reference.code).toBeLessThan(2);
    const expected = reference.out;
    const [first, second] = codeEntries(cache);
    const store = new CacheStore(cache, 200 * 1024 * 1024);
    const [firstCode, secondCode] = [store.getBytes(first!.key)!, store.getBytes(second!.key)!];
    /** Gives a key the other pack's code, under a correct hash: only V8 can tell, and it refuses. */
    const swap = () => {
      store.setBytes(first!.key, secondCode);
      store.setBytes(second!.key, firstCode);
    };
    /** Changes bytes on disk: the entry fails its hash and is not offered to V8. */
    const spoil = (entries: { file: string }[]) => {
      for (const { file } of entries) {
        const bytes = readFileSync(file);
        bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
        rmSync(file);
        writeFileSync(file, bytes);
      }
    };
    // Each kind of spoilt code on both packs, a run for each kind, at full size; by default one run with one pack's code
    // given the other's and the other pack's bytes changed (each kind once, a start-up fewer).
    if (FULL_SIZE) {
      swap();
      forgetResults(cache);
      expect(loadedBy(['overdue'], {}, dir, OTHER_V8_FLAGS).out).toBe(expected);
      expect(store.getBytes(first!.key)!.equals(secondCode)).toBe(false);
      expect(store.getBytes(second!.key)!.equals(firstCode)).toBe(false);
      spoil(codeEntries(cache));
    } else {
      store.setBytes(first!.key, secondCode);
      spoil(codeEntries(cache).filter(({ key }) => key === second!.key));
    }
    forgetResults(cache);
    expect(loadedBy(['overdue'], {}, dir, OTHER_V8_FLAGS).out).toBe(expected);
    if (!FULL_SIZE) expect(store.getBytes(first!.key)!.equals(secondCode)).toBe(false);
    // Replaced: a spoilt entry would fail its hash and read as nothing.
    for (const { key } of [first!, second!]) expect(store.getBytes(key), key).toBeDefined();
  });
});

describe('the commands that run without the help layout', () => {
  it('are every command without subcommands the program declares', () => {
    const program = buildProgram(memoryIo(), () => {});
    const leaves = program.commands.filter((c) => c.commands.length === 0 && c.name() !== 'help').map((c) => c.name());
    expect([...LEAF_COMMANDS].sort()).toEqual(leaves.sort());
  });
});
