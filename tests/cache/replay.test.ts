import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { keepRun, keptRun, replayKey, RunInputs, SHELL_BOOKKEEPING, type Written } from '../../src/cache/replay.js';
import type { Io } from '../../src/io.js';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Runs kept to be written again (src/cache/replay.ts), made in-process: the run notes what it read, and is kept and
 * looked up with the clock ten seconds ahead, so that files written by the test count as settled, as a ledger checked
 * out long ago does. (That the built command writes a kept run again without loading the program, byte for byte and
 * with its exit code, is tests/bench/start-up-chunks.test.ts.)
 */
const LATER = () => Date.now() + 10_000;
const DAY = new Date('2021-10-08T04:00:00Z');

interface Made {
  facts: Pick<Io, 'cwd' | 'env' | 'stdoutIsTty' | 'stderrIsTty' | 'columns' | 'now'>;
  argv: string[];
  inputs: RunInputs;
  code: number;
  writes: Written[];
}

function shippedFolder(): { dir: string; cache: CacheStore; env: Record<string, string> } {
  const dir = tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
  const cacheDir = join(dir, '.cache');
  return { dir, cache: new CacheStore(cacheDir, 200 * 1024 * 1024), env: { NO_COLOR: '1', GONGKAI_CACHE_DIR: cacheDir } };
}

async function made(view: string[], dir: string, env: Record<string, string>, facts: Partial<Made['facts']> = {}): Promise<Made> {
  const argv = view.includes('--ledger') ? view : [...view, '--ledger', 'ledger.yaml'];
  const inputs = new RunInputs();
  const all = { cwd: dir, env, stdoutIsTty: false, stderrIsTty: false, now: () => DAY, ...facts };
  const { code, out, err } = await runCli(argv, { ...all, inputs });
  return { facts: all, argv, inputs, code, writes: [[1, Buffer.from(out)], [2, Buffer.from(err)]] };
}

/** A run made twice (the first learns which registry the ledger names), the second kept. */
async function keptAfterTwo(argv: string[], dir: string, env: Record<string, string>, cache: CacheStore): Promise<Made> {
  await made(argv, dir, env);
  const run = await made(argv, dir, env);
  expect(run.code, run.writes.map(([, b]) => Buffer.from(b).toString()).join('')).toBeLessThan(2);
  expect(run.inputs.replayable, argv.join(' ')).toBe(true);
  keepRun(cache, replayKey(run.argv, run.facts), run.inputs, run.code, run.writes, LATER());
  return run;
}

const lookUp = (cache: CacheStore, run: Made, facts: Partial<Made['facts']> = {}, argv = run.argv, now = LATER()) => keptRun(cache, replayKey(argv, { ...run.facts, ...facts }), now);
const text = (writes: readonly Written[]) => writes.map(([fd, bytes]) => `${fd}:${Buffer.from(bytes).toString('utf8')}`).join('|');

describe('a run kept to be written again', () => {
  it('notes the ledger, its registry, the calendar folder and every place gongkai.yaml was looked for, and is written again as it was', async () => {
    const { dir, cache, env } = shippedFolder();
    const run = await keptAfterTwo(['status'], dir, env, cache);
    const paths = [...run.inputs.paths.keys()];
    for (const path of [join(dir, 'ledger.yaml'), join(dir, 'departments.yaml'), join(dir, 'calendar'), join(dir, 'gongkai.yaml'), join(dirname(dir), 'gongkai.yaml'), '/gongkai.yaml']) expect(paths, path).toContain(path);
    const kept = lookUp(cache, run);
    expect(kept?.exit).toBe(0);
    expect(text(kept!.writes)).toBe(text(run.writes));
    expect(text(kept!.writes)).toMatch(/项任务/);
  });

  it('is not written again once anything it was made from differs: a file, a new gongkai.yaml or calendar, the arguments, folder, environment, terminal or day', async () => {
    const { dir, cache, env } = shippedFolder();
    const run = await keptAfterTwo(['status'], dir, env, cache);
    expect(lookUp(cache, run)).toBeDefined();
    // What the key holds.
    expect(lookUp(cache, run, {}, [...run.argv, '--as-of', '2021-10-09'])).toBeUndefined();
    expect(lookUp(cache, run, { now: () => new Date('2021-10-09T04:00:00Z') })).toBeUndefined();
    expect(lookUp(cache, run, { cwd: join(dir, '..') })).toBeUndefined();
    expect(lookUp(cache, run, { stdoutIsTty: true, columns: 80 })).toBeUndefined();
    expect(lookUp(cache, run, { env: { ...env, GONGKAI_AMBIGUOUS: 'wide' } })).toBeUndefined();
    // A name no run reads, never seen before: the whole environment counts, not a list that could miss one.
    expect(lookUp(cache, run, { env: { ...env, SOME_LIBRARY_SETTING: '1' } })).toBeUndefined();
    // The shell's own bookkeeping does not count.
    expect(lookUp(cache, run, { env: { ...env, OLDPWD: '/elsewhere', SHLVL: '3', _: '/usr/bin/gongkai' } })).toBeDefined();
    // Files and places, each in turn (each change is kept: the next is looked up against all of them).
    const changes: [string, () => void][] = [
      ['a hand edit of the ledger', () => appendFileSync(join(dir, 'ledger.yaml'), '# 手工加的一行注释\n')],
      ['the registry', () => appendFileSync(join(dir, 'departments.yaml'), '# 注释\n')],
      ['a calendar folder beside the ledger', () => mkdirSync(join(dir, 'calendar'))],
      ['a gongkai.yaml in the folder', () => writeFileSync(join(dir, 'gongkai.yaml'), 'due_soon_days: 3\n')],
    ];
    for (const [what, change] of changes) {
      const again = await keptAfterTwo(['status'], dir, env, cache);
      expect(lookUp(cache, again), `before ${what}`).toBeDefined();
      change();
      expect(lookUp(cache, again), what).toBeUndefined();
    }
    // A gongkai.yaml in a folder above, where it was looked for.
    const nested = join(dir, 'sub');
    mkdirSync(nested);
    const below = await keptAfterTwo(['status', '--ledger', join(dir, 'ledger.yaml')], nested, env, cache);
    expect(lookUp(cache, below)).toBeDefined();
    writeFileSync(join(dir, 'gongkai.yaml'), 'due_soon_days: 5\n');
    expect(lookUp(cache, below)).toBeUndefined();
  });

  it('is neither kept nor written again while a file it was made from changed lately (its bytes could change within one tick of the clock)', async () => {
    const { dir, cache, env } = shippedFolder();
    await made(['status'], dir, env);
    const run = await made(['status'], dir, env);
    // Started now: the ledger was written a moment ago.
    keepRun(cache, replayKey(run.argv, run.facts), run.inputs, run.code, run.writes, Date.now());
    expect(lookUp(cache, run)).toBeUndefined();
    keepRun(cache, replayKey(run.argv, run.facts), run.inputs, run.code, run.writes, LATER());
    expect(lookUp(cache, run, {}, run.argv, Date.now())).toBeUndefined();
    expect(lookUp(cache, run)).toBeDefined();
  });

  it('is not kept when a path it read leads to another file by the time the run ends (a link re-pointed, a folder renamed)', async () => {
    const { dir, cache, env } = shippedFolder();
    const text = readFileSync(SHIPPED_LEDGER, 'utf8');
    writeFileSync(join(dir, 'v1.yaml'), text);
    writeFileSync(join(dir, 'v2.yaml'), text.replace('行政法规文本', '行政法规原件'));
    rmSync(join(dir, 'ledger.yaml'));
    symlinkSync('v1.yaml', join(dir, 'ledger.yaml'));
    await made(['overdue'], dir, env);
    const run = await made(['overdue'], dir, env);
    expect(run.inputs.replayable).toBe(true);
    // Re-pointed after the run read v1 and before it is kept: v2's identity must not be kept with v1's answer.
    rmSync(join(dir, 'ledger.yaml'));
    symlinkSync('v2.yaml', join(dir, 'ledger.yaml'));
    keepRun(cache, replayKey(run.argv, run.facts), run.inputs, run.code, run.writes, LATER());
    expect(lookUp(cache, run)).toBeUndefined();
    // The same with the ledger's folder renamed away and another put in its place.
    const moved = join(dir, 'sub');
    mkdirSync(moved);
    writeFileSync(join(moved, 'ledger.yaml'), text);
    writeFileSync(join(moved, 'departments.yaml'), readFileSync(SHIPPED_REGISTRY));
    const inSub = ['overdue', '--ledger', join(moved, 'ledger.yaml')];
    await made(inSub, dir, env);
    const second = await made(inSub, dir, env);
    const other = join(dir, 'sub2');
    mkdirSync(other);
    writeFileSync(join(other, 'ledger.yaml'), text.replace('行政法规文本', '行政法规原件'));
    writeFileSync(join(other, 'departments.yaml'), readFileSync(SHIPPED_REGISTRY));
    renameSync(moved, join(dir, 'old'));
    renameSync(other, moved);
    keepRun(cache, replayKey(second.argv, second.facts), second.inputs, second.code, second.writes, LATER());
    expect(lookUp(cache, second)).toBeUndefined();
    // Left as it was, the same run is kept.
    const third = await made(inSub, dir, env);
    keepRun(cache, replayKey(third.argv, third.facts), third.inputs, third.code, third.writes, LATER());
    expect(lookUp(cache, third)).toBeDefined();
  });

  it('is kept only when its output is small: a long list is answered from the view\'s own entry, not stored twice', async () => {
    const { dir, cache, env } = shippedFolder();
    await made(['overdue'], dir, env);
    const run = await made(['overdue'], dir, env);
    const long = Buffer.alloc(64 * 1024 + 1, 0x41);
    keepRun(cache, replayKey(run.argv, run.facts), run.inputs, run.code, [[1, long]], LATER());
    expect(lookUp(cache, run)).toBeUndefined();
    keepRun(cache, replayKey(run.argv, run.facts), run.inputs, run.code, [[1, long.subarray(1)]], LATER());
    expect(lookUp(cache, run)?.writes[0]![1].length).toBe(64 * 1024);
  });

  it('is made of views and checks alone: not of a view with --since (git history), written to a file, read from stdin, or a first run', async () => {
    const { dir, env } = shippedFolder();
    // A first run knows no registry yet: what it read is not all it depends on.
    expect((await made(['status'], dir, env)).inputs.replayable).toBe(false);
    for (const argv of [['status'], ['overdue'], ['status', '--dept', '信息中心'], ['checklist', '--dept', '信息中心'], ['validate'], ['validate', '--format', 'json']]) {
      expect((await made(argv, dir, env)).inputs.replayable, argv.join(' ')).toBe(true);
    }
    for (const argv of [['status', '--since', '2021-10-01'], ['status', '-o', join(dir, 'out.md')], ['checklist', '--all', '-o', join(dir, 'lists')], ['validate', '--staged'], ['set', '7', '--due', '2021-12-01', '--force'], ['export']]) {
      expect((await made(argv, dir, env)).inputs.replayable, argv.join(' ')).toBe(false);
    }
    const fromStdin = new RunInputs();
    await runCli(['status', '--ledger', '-'], { cwd: dir, env, now: () => DAY, stdinBytes: readFileSync(SHIPPED_LEDGER), inputs: fromStdin });
    expect(fromStdin.replayable).toBe(false);
  });

  it("reads none of the environment's names that the key leaves out", async () => {
    const { dir, env } = shippedFolder();
    const read = new Set<string>();
    const watched = new Proxy(env, {
      get: (target, name) => {
        if (typeof name === 'string') read.add(name);
        return Reflect.get(target, name);
      },
    });
    for (const argv of [['status'], ['overdue'], ['status', '--dept', '信息中心'], ['checklist', '--dept', '信息中心'], ['validate']]) {
      await made(argv, dir, watched);
      await made(argv, dir, watched, { stdoutIsTty: true, stderrIsTty: true, columns: 100 });
    }
    expect(read.size).toBeGreaterThan(3);
    expect([...read].filter((name) => SHELL_BOOKKEEPING.has(name))).toEqual([]);
  });
});
