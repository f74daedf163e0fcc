import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { BIN, ROOT, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { FULL_SIZE, scaled } from '../helpers/scale.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { toolAvailable } from '../helpers/tools.js';

interface Setup {
  dir: string;
  cache: string;
  ledger: string;
  run: (args: string[], options?: { bin?: string; env?: Record<string, string>; expect?: number }) => { out: string; err: string };
  /**
   * The same command in this process, with the same cache folder: for what is about the folder (its bound, what it
   * keeps, whether it is used at all), not about one process reading what another wrote. Its entries carry the
   * sources' build identity, not the bundle's: a process never reads them, nor they its.
   */
  inProcess: (args: string[], options?: { env?: Record<string, string>; expect?: number }) => Promise<{ out: string; err: string }>;
  /** What a run without the cache prints, made in this process: the reference the processes with the cache are held to. */
  cold: (args: string[], options?: { env?: Record<string, string>; expect?: number }) => Promise<{ out: string; err: string }>;
  /**
   * For what is about what the folder holds after an edit (never stale), not about which process wrote it: in this
   * process by default, a real process at full size. A process reading what another wrote is held to a cold run in
   * the overdue test below (by default its table), and a rebuilt gongkai's in the first.
   */
  gongkai: (args: string[], options?: { env?: Record<string, string>; expect?: number }) => Promise<{ out: string; err: string }>;
}

/** The shipped ledger in a temp folder, and gongkai run as a real process with its own cache folder. */
function setUp(extraEnv: Record<string, string> = {}): Setup {
  const dir = tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
  const cache = join(dir, 'cache');
  const ledger = join(dir, 'ledger.yaml');
  const run: Setup['run'] = (args, options = {}) => {
    const result = spawnSync(process.execPath, [options.bin ?? BIN, '--ledger', ledger, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', GONGKAI_CACHE_DIR: cache, GONGKAI_LEDGER: '', ...extraEnv, ...options.env },
    });
    expect(result.status, result.stderr).toBe(options.expect ?? 0);
    return { out: result.stdout, err: result.stderr };
  };
  const inProcess: Setup['inProcess'] = async (args, options = {}) => {
    const result = await runCli(['--ledger', ledger, ...args], { cwd: dir, env: { NO_COLOR: '1', GONGKAI_CACHE_DIR: cache, GONGKAI_LEDGER: '', ...extraEnv, ...options.env }, now: () => new Date() });
    expect(result.code, result.err).toBe(options.expect ?? 0);
    return { out: result.out, err: result.err };
  };
  const cold: Setup['cold'] = async (args, options = {}) => {
    const result = await runCli(['--ledger', ledger, ...args], { cwd: dir, env: { NO_COLOR: '1', ...extraEnv, ...options.env, GONGKAI_CACHE: 'off' }, now: () => new Date() });
    expect(result.code, result.err).toBe(options.expect ?? 0);
    return { out: result.out, err: result.err };
  };
  const gongkai: Setup['gongkai'] = async (args, options) => (FULL_SIZE ? run(args, options) : inProcess(args, options));
  return { dir, cache, ledger, run, inProcess, cold, gongkai };
}

const row = (out: string, item: string) => out.split('\n').find((l) => new RegExp(`^\\s+${item}\\s`).test(l));

/** Edits item N's lines of the ledger on disk, as a person in an editor would. */
function handEdit(ledger: string, item: string, from: string, to: string) {
  const text = readFileSync(ledger, 'utf8');
  const at = text.indexOf(`      - number: "${item}"`);
  writeFileSync(ledger, text.slice(0, at) + text.slice(at).replace(from, to));
}

const entries = (cache: string) => readdirSync(cache).filter((n) => n.endsWith('.entry'));
const folderBytes = (cache: string) => readdirSync(cache).reduce((sum, n) => sum + statSync(join(cache, n)).size, 0);

describe('a cache written by another gongkai', () => {
  it('is not read: a rebuilt gongkai with a changed check shows its own findings at once', () => {
    const { dir, run } = setUp();
    // A second gongkai, built from the same sources with one message changed, as after an upgrade.
    const other = join(dir, 'other-gongkai');
    for (const part of ['src', 'scripts', 'bin', 'package.json', 'package-lock.json', 'tsconfig.json']) cpSync(join(ROOT, part), join(other, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(other, 'node_modules'));
    const rule = join(other, 'src', 'check', 'rules', 'unresolved-group.ts');
    const source = readFileSync(rule, 'utf8');
    expect(source).toContain('未指明具体部门');
    writeFileSync(rule, source.replaceAll('未指明具体部门', '尚未写明具体部门'));
    execFileSync(process.execPath, [join(other, 'scripts', 'build.mjs')], { cwd: other, stdio: 'pipe' });

    expect(run(['validate']).out).toContain('未指明具体部门');
    // From the cache before the other build ran: the last run below reads it after, so this one only at full size.
    if (FULL_SIZE) expect(run(['validate']).out).toContain('未指明具体部门');
    const upgraded = run(['validate'], { bin: join(other, 'bin', 'gongkai.js') }).out;
    expect(upgraded).toContain('尚未写明具体部门');
    expect(upgraded).not.toContain('「制发司(局)」未指明具体部门');
    // And back: the first build still reads its own results, not the other's.
    expect(run(['validate']).out).toContain('未指明具体部门');
  });
});

describe('the cache is never stale', () => {
  it('follows an edit of gongkai.yaml (the due-soon threshold) on the next run', async () => {
    const { dir, gongkai } = setUp();
    const args = ['status', '--dept', '信息中心', '--as-of', '2021-12-20'];
    writeFileSync(join(dir, 'gongkai.yaml'), 'due_soon_days: 10\n');
    expect(row((await gongkai(args)).out, '20')).toContain('临期');
    // The same again, from the cache (warm runs are held to cold ones below): only at full size.
    if (FULL_SIZE) expect(row((await gongkai(args)).out, '20')).toContain('临期');
    writeFileSync(join(dir, 'gongkai.yaml'), 'due_soon_days: 3\n');
    expect(row((await gongkai(args)).out, '20')).not.toContain('临期');
  });

  it('names the ledger as the command line did: a warm run with a relative --ledger after one with the absolute path says what a cold run says', async () => {
    const { dir, ledger, cache } = setUp();
    handEdit(ledger, '22', 'cooperate: [', 'cooperate: [不存在的司, ');
    // The kept text is named by what the folder holds, not by which process wrote it: in this process by default,
    // as real processes at full size.
    const gongkai = async (file: string, args: string[]) => {
      if (!FULL_SIZE) {
        const result = await runCli(['--ledger', file, ...args], { cwd: dir, env: { NO_COLOR: '1', GONGKAI_CACHE_DIR: cache, GONGKAI_LEDGER: '' }, now: () => new Date() });
        return { code: result.code, out: result.out, err: result.err };
      }
      const result = spawnSync(process.execPath, [BIN, '--ledger', file, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GONGKAI_CACHE_DIR: cache, GONGKAI_LEDGER: '' } });
      return { code: result.status, out: result.stdout, err: result.stderr };
    };
    // By default the findings validate keeps and one view's kept text (status keeps its own as overdue does): all three at full size.
    const commands = scaled([['validate'], ['overdue', '--as-of', '2021-10-08']], [['validate'], ['status', '--as-of', '2021-10-08'], ['overdue', '--as-of', '2021-10-08']]);
    for (const args of commands) {
      await gongkai(ledger, args);
      const warm = await gongkai('ledger.yaml', args);
      expect(warm.out + warm.err).toContain('ledger.yaml');
      // The cold run in this process: the same command line from the same folder, without the cache.
      const cold = await runCli(['--ledger', 'ledger.yaml', ...args], { cwd: dir, env: { NO_COLOR: '1', GONGKAI_CACHE: 'off' }, now: () => new Date() });
      expect(warm, args.join(' ')).toEqual({ code: cold.code, out: cold.out, err: cold.err });
    }
  });

  it('writes overdue from the cache as a cold run writes it, in every form, colour and character width, and follows a hand edit', async () => {
    const { ledger, run, cold, gongkai } = setUp();
    // The cache folder is shared: a text kept for one form, colour or width must not be written for another.
    // By default a table, a format, and colour with the exit code; every form and width at full size. The table is
    // written and then read by real processes; by default the other forms run in this process (what is kept for
    // which form is the same code), at full size all as processes.
    const cases: [string[], Record<string, string>][] = scaled(
      [
        [[], {}],
        [['--format', 'json'], {}],
        [['--fail-on-overdue'], { FORCE_COLOR: '1' }],
      ],
      [
        [[], {}],
        [['--format', 'json'], {}],
        [['--format', 'md'], {}],
        [['--format', 'csv'], {}],
        [[], { FORCE_COLOR: '1' }],
        [[], { GONGKAI_AMBIGUOUS: 'wide' }],
        [['--fail-on-overdue'], {}],
      ],
    );
    // Nothing is overdue before the edit; item 22 is after it, and --fail-on-overdue says so from the cache too.
    const all = async (overdue: boolean, which: typeof cases, warmToo: boolean) => {
      const outs: string[] = [];
      for (const [form, env] of which) {
        const args = ['overdue', '--as-of', '2021-10-08', ...form];
        const expected = overdue && form[0] === '--fail-on-overdue' ? 1 : 0;
        const reference = await cold(args, { env, expect: expected });
        // The table always by real processes: the second reads what the first kept.
        const table = form.length === 0 && !Object.keys(env).length;
        const withCache = async () => (table ? run(args, { env, expect: expected }) : gongkai(args, { env, expect: expected }));
        // The first run with the cache makes the text and keeps it; the second writes it from the cache.
        const runs = [await withCache(), ...(warmToo ? [await withCache()] : [])];
        expect(runs, `${args.join(' ')} ${JSON.stringify(env)}`).toEqual(runs.map(() => reference));
        outs.push(runs.at(-1)!.out);
      }
      return outs;
    };
    const before = await all(false, cases, true);
    expect(before[cases.findIndex(([, env]) => env.FORCE_COLOR)]).toContain('\u001b[');
    handEdit(ledger, '22', 'due: 2021-12-31', 'due: 2021-09-30');
    // After the edit every form's kept text is of the ledger as it was. By default one run of the form whose exit code
    // the edit changes (with colour) must make its text anew; every form, and each twice, at full size.
    const edited = FULL_SIZE ? cases : cases.filter(([form]) => form[0] === '--fail-on-overdue');
    const after = await all(true, edited, FULL_SIZE);
    after.forEach((out, i) => expect(out).not.toBe(before[cases.indexOf(edited[i]!)]));
  });

  it('follows a one-item hand edit in validate, status and an edit command alike', async () => {
    const { ledger, cache, gongkai } = setUp();
    await gongkai(['validate']);
    expect(row((await gongkai(['status', '--dept', '信息中心', '--as-of', '2021-10-08'])).out, '22')).toContain('未启动');
    expect(entries(cache).length).toBeGreaterThan(0);
    handEdit(ledger, '22', 'cooperate: [', 'cooperate: [信息中新, ');
    // Located anew in the file as it is now: its line and column, and the line itself under the message.
    const found = (await gongkai(['validate'], { expect: 1 })).out;
    const line = readFileSync(ledger, 'utf8').split('\n').findIndex((l) => l.includes('cooperate: [信息中新, ')) + 1;
    expect(found).toMatch(new RegExp(`ledger\\.yaml:${line}:\\d+: 错误\\[UNKNOWN_DEPARTMENT\\] 第 \\d+ 项：部门名录中没有「信息中新」`));
    expect(found).toMatch(new RegExp(`${line} \\| +cooperate: \\[信息中新, `));
    handEdit(ledger, '22', 'cooperate: [信息中新, ', 'cooperate: [');
    handEdit(ledger, '22', 'status: 未启动', 'status: 推进中');
    handEdit(ledger, '22', 'due: 2021-12-31', 'due: 2021-09-30');
    const edited = row((await gongkai(['status', '--dept', '信息中心', '--as-of', '2021-10-08'])).out, '22');
    expect(edited).toContain('推进中・逾期');
    expect(edited).toContain('逾期 8 天（1 个工作日）');
    await gongkai(['set', '22', '--due', '2021-11-30', '--force']);
    expect(row((await gongkai(['status', '--dept', '信息中心', '--as-of', '2021-10-08'])).out, '22')).toContain('2021-11-30');
  });

  it('keeps one parsed copy per ledger, however often it is edited', async () => {
    // What the folder keeps, not what a process reads: run in this process.
    const { ledger, cache, inProcess } = setUp();
    for (const status of scaled(['推进中', '已完成', '持续推进'], ['推进中', '已完成', '持续推进', '推进中'])) {
      const text = readFileSync(ledger, 'utf8');
      const current = text.slice(text.indexOf('      - number: "5"')).match(/status: \S+/)![0];
      handEdit(ledger, '5', current, `status: ${status}`);
      await inProcess(['export', '--format', 'json']);
    }
    const parsed = entries(cache).filter((n) => readFileSync(join(cache, n), 'utf8').split('\n')[2]!.includes('|parsed|'));
    // One for the ledger, one for the registry.
    expect(parsed).toHaveLength(2);
  });

  it("keeps one copy of validate's findings per ledger, however often it is edited, each as a cold run finds them", async () => {
    // What the folder keeps, not what a process reads: run in this process.
    const { ledger, cache } = setUp();
    const keptFindings = () => entries(cache).filter((n) => /\|validate/.test(readFileSync(join(cache, n), 'latin1').split('\n')[2]!));
    const validate = async (env: Record<string, string>, now = new Date()) => {
      const result = await runCli(['--ledger', ledger, 'validate', '--format', 'json'], { cwd: dirname(ledger), env: { NO_COLOR: '1', GONGKAI_LEDGER: '', ...env }, now: () => now });
      return [result.code, result.out];
    };
    for (const status of scaled(['推进中', '已完成', '持续推进'], ['推进中', '已完成', '持续推进', '推进中'])) {
      const text = readFileSync(ledger, 'utf8');
      const current = text.slice(text.indexOf('      - number: "5"')).match(/status: \S+/)![0];
      handEdit(ledger, '5', current, `status: ${status}`);
      // The first run after the edit finds them (the per-item base), the second reads them back.
      for (let i = 0; i < 2; i++) expect(await validate({ GONGKAI_CACHE_DIR: cache })).toEqual(await validate({ GONGKAI_CACHE: 'off' }));
      expect(keptFindings()).toHaveLength(1);
    }
    // Another day's findings replace them too (a deadline passes overnight).
    await validate({ GONGKAI_CACHE_DIR: cache }, new Date(Date.now() + 24 * 3600 * 1000));
    expect(keptFindings()).toHaveLength(1);
  });
});

describe('the cache stays within its bound', () => {
  it('is never larger than GONGKAI_CACHE_MAX_MB after many edit and view rounds', async () => {
    // Small enough that the rounds fill it and entries must be dropped: the first round alone writes about
    // 48 KB, each later one about 14 KB more. The bound is kept by the folder's tally, which every run reads
    // and writes on disk: the runs are in this process.
    const { ledger, cache, inProcess } = setUp({ GONGKAI_CACHE_MAX_MB: '0.04' });
    const bound = 0.04 * 1024 * 1024;
    let peak = 0;
    for (let round = 0; round < scaled(2, 8); round++) {
      handEdit(ledger, String(1 + (round % 35)), /due: \d{4}-\d\d-\d\d/.exec(readFileSync(ledger, 'utf8'))![0], `due: 2021-12-${String(10 + round).padStart(2, '0')}`);
      await inProcess(['status', '--as-of', `2021-10-${String(10 + round).padStart(2, '0')}`]);
      await inProcess(['overdue', '--as-of', '2021-10-08']);
      await inProcess(['validate']);
      peak = Math.max(peak, folderBytes(cache));
    }
    expect(peak).toBeGreaterThan(bound / 4); // it was used
    expect(peak).toBeLessThanOrEqual(bound);
  });

  it.skipIf(!toolAvailable('strace', 'apt-get install strace'))('a write to a folder of thousands of entries within its bound looks at none of them', async () => {
    const { ledger, cache, inProcess, dir } = setUp();
    // The folder and its tally, as any earlier run leaves them (made here in this process).
    await inProcess(['status', '--as-of', '2021-10-08']);
    // A cache in use for months: thousands of entries, well within the bound.
    for (let i = 0; i < 2000; i++) writeFileSync(join(cache, `${String(i).padStart(32, '0')}.entry`), 'gongkai-cache-4\n');
    handEdit(ledger, '22', 'due: 2021-12-31', 'due: 2021-09-30');
    const trace = join(dir, 'trace');
    const traced = spawnSync('strace', ['-f', '-qq', '-o', trace, '-e', 'trace=statx,newfstatat,stat,lstat', process.execPath, BIN, '--ledger', ledger, 'status', '--as-of', '2021-10-08'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', GONGKAI_CACHE_DIR: cache, GONGKAI_LEDGER: '' },
    });
    expect(traced.status, traced.stderr).toBe(0);
    expect(traced.stdout).toContain('逾期');
    // It wrote entries (the edit is new to the cache), and looked at no other: the bytes written are counted as they go.
    const looked = readFileSync(trace, 'utf8').split('\n').filter((line) => line.includes(`${cache}/`) && /\/0{20}\d+\.entry/.test(line));
    expect(readdirSync(cache).filter((n) => n.endsWith('.entry')).length).toBeGreaterThan(2000);
    expect(looked).toHaveLength(0);
  });

  it('counts the folder again when the count is missing or spoilt, and never writes through a link planted at it', () => {
    const dir = tempDir();
    const store = new CacheStore(dir, 1024 * 1024);
    const tallyFile = join(dir, '.tally');
    const entriesBytes = () => folderBytes(dir) - (existsSync(tallyFile) ? lstatSync(tallyFile).size : 0);
    // Missing, not a number, negative, past its count of writes: the write after it counts the folder (the tally is then exact, 0 writes since).
    for (const [key, spoil] of [['a', () => rmSync(tallyFile, { force: true })], ['b', () => writeFileSync(tallyFile, 'garbage')], ['c', () => writeFileSync(tallyFile, '-5 0')], ['d', () => writeFileSync(tallyFile, '10 999')]] as const) {
      spoil();
      store.set(key, 'x'.repeat(1000));
      expect(readFileSync(tallyFile, 'latin1'), key).toBe(`${entriesBytes()} 0`);
    }
    // A link or a second name of another file planted at its name is never written through; a folder there
    // is left alone; the cache still works.
    const victim = join(tempDir(), 'victim');
    writeFileSync(victim, '7 0');
    for (const [key, plant] of [['e', () => symlinkSync(victim, tallyFile)], ['f', () => linkSync(victim, tallyFile)], ['g', () => mkdirSync(tallyFile)]] as const) {
      rmSync(tallyFile, { recursive: true, force: true });
      plant();
      store.set(key, 'x'.repeat(1000));
      expect(readFileSync(victim, 'utf8'), key).toBe('7 0');
      expect(store.get(key)).toEqual({ value: 'x'.repeat(1000) });
    }
    // Nothing left behind by the tally writes that could not replace the folder.
    expect(readdirSync(dir).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
  });

  it('keeps a head and bytes after it as one entry, and reads the head back without the bytes decoded', () => {
    const store = new CacheStore(tempDir(), 1024 * 1024);
    const bytes = Buffer.from([0xff, 0x0a, 0x00, 0xfe]);
    store.setHeaded('k', { notes: ['提示'], count: 2 }, [bytes, Buffer.from('文字')]);
    const entry = store.getHeaded<{ notes: string[]; count: number }>('k');
    expect(entry?.head).toEqual({ notes: ['提示'], count: 2 });
    expect(entry?.rest.equals(Buffer.concat([bytes, Buffer.from('文字')]))).toBe(true);
    // A head that is no object (a number, null) is no head of these entries: as if absent.
    for (const head of [5, null, 'text']) {
      store.setHeaded('odd', head);
      expect(store.getHeaded('odd')).toBeUndefined();
    }
    expect(store.getHeaded('missing')).toBeUndefined();
  });

  it('checks a small entry with sha256 when asked to, and reads each entry by the hash it names; a changed byte or hash is no entry', () => {
    const dir = tempDir();
    const store = new CacheStore(dir, 1024 * 1024);
    const fileOf = (key: string) => join(dir, readdirSync(dir).find((n) => n.endsWith('.entry') && readFileSync(join(dir, n), 'latin1').split('\n')[2] === key)!);
    const body = Buffer.from('{"starts":"AAAA"}'.repeat(100));
    store.setBytes('strong', body, { sha256: true });
    store.setBytes('summed', body);
    expect(readFileSync(fileOf('strong'), 'latin1').split('\n')[1]).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(fileOf('summed'), 'latin1').split('\n')[1]).toMatch(/^sum-[0-9a-f]{16}$/);
    for (const key of ['strong', 'summed']) {
      expect(store.getBytes(key)?.equals(body), key).toBe(true);
      const file = fileOf(key);
      const kept = readFileSync(file);
      // A byte of the body changed; then the hash line swapped for the other kind's (which the body does not match either).
      writeFileSync(file, Buffer.concat([kept.subarray(0, kept.length - 3), Buffer.from('x'), kept.subarray(kept.length - 2)]));
      expect(store.getBytes(key), key).toBeUndefined();
      const [format, , name] = kept.toString('latin1').split('\n');
      writeFileSync(file, Buffer.concat([Buffer.from(`${format}\n${key === 'strong' ? 'sum-0123456789abcdef' : '0'.repeat(64)}\n${name}\n`, 'latin1'), body]));
      expect(store.getBytes(key), key).toBeUndefined();
    }
  });

  it('writes the tally over itself while it is a plain file of one name, and replaces it by a new file otherwise', () => {
    const dir = tempDir();
    const store = new CacheStore(dir, 1024 * 1024);
    const tallyFile = join(dir, '.tally');
    const tally = () => readFileSync(tallyFile, 'latin1').split(' ').map(Number) as [number, number];
    const sizeOf = (key: string) => statSync(join(dir, readdirSync(dir).find((n) => n.endsWith('.entry') && readFileSync(join(dir, n), 'latin1').split('\n')[2] === key)!)).size;
    store.set('a', 'x'.repeat(1000));
    const inode = statSync(tallyFile).ino;
    const [bytes, writes] = tally();
    store.set('b', 'y'.repeat(10));
    // The same file, holding the count and the bytes written since.
    expect(statSync(tallyFile).ino).toBe(inode);
    expect(tally()).toEqual([bytes + sizeOf('b'), writes + 1]);
    // A second name given to it: not written in place any more (the other name keeps what it held), but replaced.
    const linked = join(dir, 'linked');
    linkSync(tallyFile, linked);
    const held = readFileSync(linked, 'latin1');
    store.set('c', 'z'.repeat(10));
    expect(readFileSync(linked, 'latin1')).toBe(held);
    expect(statSync(tallyFile).ino).not.toBe(inode);
    expect(tally()).toEqual([bytes + sizeOf('b') + sizeOf('c'), writes + 2]);
  });

  it('writes an entry again over itself while it is a plain file of one name: a shorter body reads back whole, a linked or planted name is replaced, not written through', () => {
    const dir = tempDir();
    const store = new CacheStore(dir, 1024 * 1024);
    const fileOf = (key: string) => join(dir, readdirSync(dir).find((n) => n.endsWith('.entry') && readFileSync(join(dir, n), 'latin1').split('\n')[2] === key)!);
    store.setBytes('delta', 'x'.repeat(5000));
    const file = fileOf('delta');
    const inode = statSync(file).ino;
    store.setBytes('delta', 'short');
    expect(statSync(file).ino).toBe(inode);
    expect(store.getBytes('delta')?.toString()).toBe('short');
    // Cut short as a write that died halfway leaves it: no entry, not a wrong one.
    writeFileSync(file, readFileSync(file).subarray(0, -2));
    expect(store.getBytes('delta')).toBeUndefined();
    // Another name of the same file keeps what it held; the entry becomes a file of its own.
    const linked = join(dir, 'linked');
    linkSync(file, linked);
    const held = readFileSync(linked);
    store.setBytes('delta', 'again');
    expect(readFileSync(linked)).toEqual(held);
    expect(store.getBytes('delta')?.toString()).toBe('again');
    // A symbolic link planted at the entry's name is replaced, and what it pointed to is untouched.
    const outside = join(tempDir(), 'outside');
    writeFileSync(outside, 'not the cache\n');
    rmSync(file);
    symlinkSync(outside, file);
    store.setBytes('delta', 'third');
    expect(readFileSync(outside, 'utf8')).toBe('not the cache\n');
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
    expect(store.getBytes('delta')?.toString()).toBe('third');
  });

  it('a FIFO planted at the tally or at an entry does not make a run wait for a writer', async () => {
    const { cache, cold: coldRun } = setUp();
    const args = ['status', '--as-of', '2021-10-08'];
    const cold = (await coldRun(args)).out;
    // Run with a time limit: a run that waits is killed, and fails here instead of hanging the suite.
    const timed = () => {
      const result = spawnSync(process.execPath, [BIN, '--ledger', join(cache, '..', 'ledger.yaml'), ...args], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: '1', GONGKAI_CACHE_DIR: cache, GONGKAI_LEDGER: '' },
      });
      expect(result.signal).toBeNull();
      expect(result.status, result.stderr).toBe(0);
      return result.stdout;
    };
    mkdirSync(cache, { recursive: true, mode: 0o700 });
    expect(spawnSync('mkfifo', [join(cache, '.tally')]).status).toBe(0);
    expect(timed()).toBe(cold);
    // Every entry the run wrote replaced by a FIFO of the same name.
    for (const name of entries(cache)) {
      rmSync(join(cache, name));
      expect(spawnSync('mkfifo', [join(cache, name)]).status).toBe(0);
    }
    expect(timed()).toBe(cold);
  });

  it('counts the folder again every 64 writes, so that a tally too low (writers at the same moment) is found', () => {
    const dir = tempDir();
    const store = new CacheStore(dir, 1024 * 1024);
    store.set('first', 'x'.repeat(3000));
    // As if two writers had read the same tally and the second had written over the first's sum.
    writeFileSync(join(dir, '.tally'), '0 0');
    const tally = () => readFileSync(join(dir, '.tally'), 'latin1').split(' ').map(Number);
    const seen: number[][] = [];
    for (let i = 0; i < 64; i++) {
      store.set(`k${i}`, 'y'.repeat(100));
      seen.push(tally());
    }
    // Far below the bound all along, yet counted anew within 64 writes: from then on the tally is the entries' size again.
    expect(seen.some(([, writes]) => writes === 0)).toBe(true);
    expect(tally()[0]).toBe(folderBytes(dir) - statSync(join(dir, '.tally')).size);
  });

  it('drops the least recently used entry first: reading an entry keeps it', () => {
    const dir = tempDir();
    const store = new CacheStore(dir, 3 * 1100);
    const big = 'x'.repeat(1000);
    store.set('a', big);
    store.set('b', big);
    store.set('c', big);
    // Make the order unambiguous on coarse clocks, then read 'a'.
    const names = readdirSync(dir);
    names.forEach((n, i) => utimesSync(join(dir, n), new Date(1000 + i * 1000), new Date(1000 + i * 1000)));
    expect(store.get('a')).toEqual({ value: big });
    store.set('d', big);
    expect(store.get('a')).toEqual({ value: big });
    expect([store.get('b'), store.get('c')].filter(Boolean)).toHaveLength(1);
    expect(store.get('d')).toEqual({ value: big });
  });
});

describe('a cache that cannot be trusted', () => {
  // Entries are checked, and written, by the same code whichever process wrote them: these run in this process by
  // default, as real processes at full size.
  it('ignores an entry whose body was changed, keeping its key', async () => {
    const { ledger, cache, gongkai } = setUp();
    const args = ['status', '--dept', '信息中心', '--as-of', '2021-10-08'];
    const first = (await gongkai(args)).out;
    for (const name of entries(cache)) {
      const file = join(cache, name);
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replaceAll('未启动', '已完成').replaceAll('not_started', 'done'));
    }
    expect((await gongkai(args)).out).toBe(first);
    expect(readFileSync(ledger, 'utf8')).toContain('status: 未启动');
  });

  it('never writes through a symlink planted at an entry', async () => {
    const { dir, cache, gongkai } = setUp();
    await gongkai(['status', '--as-of', '2021-10-08']);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, '别人的文件\n');
    for (const name of entries(cache)) {
      const file = join(cache, name);
      rmSync(file);
      symlinkSync(victim, file);
    }
    // Another view over the same parse at full size; by default the same view again, which reads and writes the very
    // entries that are links now.
    if (FULL_SIZE) await gongkai(['status', '--as-of', '2021-10-09']);
    await gongkai(['status', '--as-of', '2021-10-08']);
    expect(readFileSync(victim, 'utf8')).toBe('别人的文件\n');
  });

  it('creates its folder private (0700) even under umask 000', async () => {
    const { dir, inProcess } = setUp();
    const cache = join(dir, 'fresh', 'gongkai');
    if (FULL_SIZE) {
      const result = spawnSync('sh', ['-c', `umask 000 && exec "$0" "$@"`, process.execPath, BIN, '--ledger', join(dir, 'ledger.yaml'), 'status'], {
        encoding: 'utf8',
        env: { ...process.env, GONGKAI_CACHE_DIR: cache },
      });
      expect(result.status, result.stderr).toBe(0);
    } else {
      // The umask is the process's: by default set for this one while gongkai runs in it (a real process at full size).
      const umask = process.umask(0);
      try {
        await inProcess(['status'], { env: { GONGKAI_CACHE_DIR: cache } });
      } finally {
        process.umask(umask);
      }
    }
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    expect(entries(cache).length).toBeGreaterThan(0);
  });

  it('refuses a folder others can write, or another user owns, with one warning, and still answers', async () => {
    for (const spoil of ['world-writable', 'other-owner', 'symlink'] as const) {
      const { dir, run, inProcess } = setUp();
      const cache = join(dir, 'shared-cache');
      mkdirSync(cache);
      if (spoil === 'world-writable') chmodSync(cache, 0o777);
      if (spoil === 'other-owner') {
        if (process.getuid?.() !== 0) continue; // only root can give a folder away
        chownSync(cache, 65534, 65534);
        chmodSync(cache, 0o755);
      }
      let used = cache;
      if (spoil === 'symlink') {
        used = join(dir, 'link-to-cache');
        symlinkSync(cache, used);
      }
      // The check of the folder is the same in a process and in this one: a real process for the first (its one warning
      // on its own stderr, where the process also looks for a run to write again and records this one); the others here.
      const args = ['status', '--dept', '信息中心', '--as-of', '2021-10-08'];
      const { out, err } = spoil === 'world-writable' ? run(args, { env: { GONGKAI_CACHE_DIR: used } }) : await inProcess(args, { env: { GONGKAI_CACHE_DIR: used } });
      expect(row(out, '22'), spoil).toContain('未启动');
      expect(err.split('\n').filter((l) => l.includes('缓存目录'))).toHaveLength(1);
      expect(readdirSync(cache), spoil).toEqual([]);
    }
  });
});
