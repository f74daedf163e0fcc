import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { calendarFingerprint } from '../../src/cache/fingerprints.js';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { hasStackTrace } from '../helpers/run-cli.js';
import { FULL_SIZE, scaled } from '../helpers/scale.js';
import { git, gitRepo, runTempDir, tempDir } from '../helpers/temp.js';
// @ts-expect-error: a plain script without types
import { generate } from '../bench/generate-ledger.mjs';

/** The work of a run, counted instead of timed: characters handed to either YAML parser, and items modelled. */
const work = vi.hoisted(() => ({ chars: 0, items: 0 }));
vi.mock('js-yaml', async (original) => {
  const real = await original<typeof import('js-yaml')>();
  return { ...real, load: (text: string, options?: object) => ((work.chars += text.length), real.load(text, options)) };
});
vi.mock('yaml', async (original) => {
  const real = await original<typeof import('yaml')>();
  return { ...real, parseDocument: (text: string, options?: object) => ((work.chars += text.length), real.parseDocument(text, options)) };
});
vi.mock('../../src/read/read-ledger.js', async (original) => {
  const real = await original<typeof import('../../src/read/read-ledger.js')>();
  return {
    ...real,
    ledgerFromValue: (...args: Parameters<typeof real.ledgerFromValue>) => {
      const ledger = real.ledgerFromValue(...args);
      work.items += ledger.items.length;
      return ledger;
    },
  };
});

const NOW = '2021-10-08T04:00:00Z';

// Files of a worker share one import of src/ (vitest.config.ts, isolate: false): imported afresh here, so the counting modules above are the ones gongkai uses.
let runCli: typeof import('../helpers/run-cli.js').runCli;
let indexedLedger: typeof import('../../src/index/item-index.js').indexedLedger;
beforeAll(async () => {
  vi.resetModules();
  ({ runCli } = await import('../helpers/run-cli.js'));
  ({ indexedLedger } = await import('../../src/index/item-index.js'));
});

/** Runs gongkai in `dir` with the cache in `dir/cache`, or with the cache off; counts its work. */
async function gongkai(dir: string, cached: boolean, args: string[]) {
  work.chars = work.items = 0;
  const result = await runCli(['--ledger', 'ledger.yaml', ...args], {
    cwd: dir,
    now: () => new Date(NOW),
    env: { NO_COLOR: '1', GONGKAI_CACHE_DIR: join(dir, 'cache'), ...(cached ? {} : { GONGKAI_CACHE: 'off' }) },
  });
  expect(hasStackTrace(result.out + result.err)).toBe(false);
  return { ...result, parsedChars: work.chars, modelled: work.items, written: readFileSync(join(dir, 'ledger.yaml'), 'utf8') };
}

/** A folder with the given files that lasts until the run ends (for a set-up shared by several tests). */
function lastingDir(files: Record<string, string | Buffer>): string {
  const dir = runTempDir('edit-through-item');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** The shipped ledger with a finding in item 1 (an unknown department), in two folders: one warm (index built by a view), one always cold. */
async function setUp(folder: (files: Record<string, string | Buffer>) => string = tempDir) {
  const text = readFileSync(SHIPPED_LEDGER, 'utf8').replace('cooperate: [信息中心]', 'cooperate: [不存在的司]');
  const files = { 'ledger.yaml': text, 'departments.yaml': readFileSync(SHIPPED_REGISTRY) };
  const warm = folder(files);
  const cold = folder(files);
  expect((await gongkai(warm, true, ['status'])).code).toBeLessThan(2);
  return { warm, cold, text };
}

/**
 * One set-up for every refusal below, made by whichever asks first: a refusal leaves both files as they were
 * (each test checks it), so the next one starts from the same ledger and the same warm index.
 */
let refusalSetUp: ReturnType<typeof setUp> | undefined;

/** What an edit says and writes, whichever way it read the ledger. */
const answer = (r: { code: number; out: string; err: string; written: string }) => ({ code: r.code, out: r.out, err: r.err, written: r.written });

describe('an edit through its item alone says and writes what an edit reading the whole ledger does', () => {
  it.each([
    [['set', '7', '--due', '2021-12-20']],
    [['set', '7', '--status', '已完成', '--done-on', '2021-10-01']],
    [['done', '3', '--on', '2021-10-02']],
    [['note', '5', '--dept', '规划财务司', '--on', '2021-10-01', '已报送初稿']],
    [['postpone', '7', '--to', '2022-01-15', '--reason', '等待上级部署', '--on', '2021-10-08']],
    [['set', '4', '--resolve', '各有关司(局)=社会救助司,养老服务司']],
    [['set', '6', '--status', '已取消', '--reason', '并入第 5 项', '--on', '2021-10-01']],
    // An item with a finding of its own, kept as it was: edited all the same.
    [['set', '1', '--due', '2021-12-20']],
  ])('%j: the same output and bytes, having read the item and not the ledger', async (args) => {
    const { warm, cold, text } = await setUp();
    const fast = await gongkai(warm, true, args);
    const whole = await gongkai(cold, false, args);
    expect(fast.code).toBe(0);
    expect(answer(fast)).toEqual(answer(whole));
    // The item before and after the edit, and its new row in the index: of the ledger's 35 items, that one alone.
    const items = text.match(/^ {6}- number:/gm)!.length;
    expect(fast.modelled).toBeLessThanOrEqual(3);
    expect(fast.parsedChars).toBeLessThan(text.length / 10);
    expect(whole.modelled).toBeGreaterThanOrEqual(2 * items);
  });

  it('edits in a row with no view before: the first reads the whole ledger and keeps its index, the next ones read one item', async () => {
    const text = readFileSync(SHIPPED_LEDGER, 'utf8');
    const files = { 'ledger.yaml': text, 'departments.yaml': readFileSync(SHIPPED_REGISTRY) };
    const fresh = tempDir(files);
    const cold = tempDir(files);
    const items = text.match(/^ {6}- number:/gm)!.length;
    for (const [i, args] of [['set', '7', '--due', '2021-12-20'], ['note', '5', '--dept', '规划财务司', '--on', '2021-10-01', '已报送初稿'], ['set', '7', '--due', '2021-12-21']].entries()) {
      const fast = await gongkai(fresh, true, args);
      expect(answer(fast)).toEqual(answer(await gongkai(cold, false, args)));
      if (i === 0) expect(fast.modelled).toBeGreaterThanOrEqual(2 * items);
      else expect(fast.modelled, args.join(' ')).toBeLessThanOrEqual(3);
    }
  });

  it.each([
    [['set', '1', '--due', '2021-12-31']], // already so: nothing written
    [['set', '99', '--status', '推进中']],
    [['set', '2', '--due', '2021-02-30']],
    [['note', '2', '--dept', '信息中新', '进展']],
    [['done', '2', '--on', '2099-01-01']],
    [['set', '2', '--due', '2020-01-01']], // a new error: refused, with where it is
    [['set', '1', '--resolve', '各有关司(局)=社会救助司']], // item 1 names no such group
    [['set', '4', '--resolve', '各有关司(局)=信息中心']],
    [['postpone', '2', '--to', '2021-06-01', '--reason', '提前']],
    [['postpone', '2', '--rejected-by', '张三', '--reason', '不同意']],
    [['set', '6', '--status', '已取消']],
  ])('%j: the same refusal or answer, the file left alone', async (args) => {
    const { warm, cold, text } = await (refusalSetUp ??= setUp(lastingDir));
    const fast = await gongkai(warm, true, args);
    const whole = await gongkai(cold, false, args);
    expect(answer(fast)).toEqual(answer(whole));
    expect(fast.written).toBe(text);
  });

  it('--commit: the same commit, with the same message, from the item alone', async () => {
    const files = { 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY), '.gitignore': 'cache/\n' };
    const warm = gitRepo(files);
    const cold = gitRepo(files);
    expect((await gongkai(warm, true, ['status'])).code).toBeLessThan(2);
    const withoutHash = (text: string) => text.replace(/已提交 [0-9a-f]+/, '已提交 …');
    for (const args of [
      ['done', '22', '--on', '2021-10-02', '--commit'],
      ['note', '12', '--dept', '国际合作司', '--on', '2021-10-08', '平台改版上线', '--commit'],
    ]) {
      const fast = await gongkai(warm, true, args);
      const whole = await gongkai(cold, false, args);
      expect(fast.code).toBe(0);
      expect(fast.modelled).toBeLessThanOrEqual(3);
      expect({ ...answer(fast), out: withoutHash(fast.out) }).toEqual({ ...answer(whole), out: withoutHash(whole.out) });
      const committed = (dir: string) => ({ message: git(dir, 'log', '-1', '--format=%B'), files: git(dir, 'show', '--name-only', '--format=', 'HEAD'), left: git(dir, 'status', '--porcelain') });
      expect(committed(warm)).toEqual(committed(cold));
    }
  });

  it('one edit after another, with hand edits between, each the same as cold; views after them the same too', async () => {
    const { warm, cold } = await setUp();
    const steps: (string[] | ((text: string) => string))[] = [
      ['set', '7', '--due', '2021-12-20'],
      ['note', '7', '--dept', '社会救助司', '--on', '2021-10-02', '已部署'],
      ['postpone', '7', '--to', '2022-01-10', '--reason', '等待部署', '--on', '2021-10-08'],
      (text) => text.replace('status: 未启动', 'status: 推进中'),
      ['set', '9', '--status', '推进中'],
      ['status', '--format', 'json'],
      ['set', '7', '--due', '2022-01-20'], // postponed before: refused without --force
      ['set', '7', '--due', '2022-01-20', '--force'],
      ['overdue', '--format', 'json'],
      ['validate', '--format', 'json'],
    ];
    for (const step of steps) {
      if (typeof step === 'function') {
        const edited = step(readFileSync(join(warm, 'ledger.yaml'), 'utf8'));
        writeFileSync(join(warm, 'ledger.yaml'), edited);
        writeFileSync(join(cold, 'ledger.yaml'), edited);
        continue;
      }
      expect(answer(await gongkai(warm, true, step)), step.join(' ')).toEqual(answer(await gongkai(cold, false, step)));
    }
  });
});

/** Items of the large ledger: more than a hundred times the four items an edit after a hand edit may read, and item 500 among them. */
const LARGE = scaled(400, 1000);

describe('the work of a one-item edit follows the item, not the ledger', () => {
  it(`on ${LARGE.toLocaleString('en')} items, each edit reads only its item, one after another and after a hand edit elsewhere; the next view parses nothing`, async () => {
    const dir = tempDir();
    generate(LARGE, dir);
    const ledger = readFileSync(join(dir, 'ledger.yaml'), 'utf8');
    const itemText = (text: string, number: string) => {
      const start = text.indexOf(`      - number: "${number}"\n`);
      return text.slice(start, text.indexOf('      - number:', start + 1));
    };
    expect((await gongkai(dir, true, ['status'])).code).toBe(0);
    // Read, parsed for editing, and read again once edited: three times the item, whatever the size of the ledger.
    const first = await gongkai(dir, true, ['note', '7', '--dept', '信息中心', '--on', '2021-10-01', '已报送']);
    expect(first.code).toBe(0);
    expect(first.modelled).toBeLessThanOrEqual(3);
    expect(first.parsedChars).toBeLessThanOrEqual(3 * itemText(first.written, '7').length + 100);
    // The next item, moved by the first edit: found where that edit left it.
    const second = await gongkai(dir, true, ['set', '8', '--due', '2021-12-20', '--force']);
    expect(second.code).toBe(0);
    expect(second.modelled).toBeLessThanOrEqual(3);
    expect(second.parsedChars).toBeLessThanOrEqual(3 * itemText(second.written, '8').length + 100);
    // A hand edit of item 500: the index reads that item again, and the edit its own.
    const handEdited = second.written.replace(itemText(second.written, '500'), itemText(second.written, '500').replace('text: ', 'text: （改）'));
    writeFileSync(join(dir, 'ledger.yaml'), handEdited);
    const third = await gongkai(dir, true, ['set', '7', '--status', '推进中']);
    expect(third.code).toBe(0);
    expect(third.modelled).toBeLessThanOrEqual(4);
    expect(third.parsedChars).toBeLessThanOrEqual(3 * itemText(third.written, '7').length + itemText(handEdited, '500').length + 100);
    expect(third.parsedChars * 100).toBeLessThan(ledger.length);
    // The edit left its item's row in the index: the next view parses no item.
    const store = new CacheStore(join(dir, 'cache'), 200 * 1024 * 1024);
    const indexed = await indexedLedger(store, join(dir, 'ledger.yaml'), calendarFingerprint('ledger.yaml', dir), '2021-10-08', dir);
    expect(indexed).toMatchObject({ parsed: 0 });
    // The same edits reading the whole ledger each time: the same words, the same bytes. At full size only: by default
    // the same comparison is made on the shipped ledger by the tests above (an edit of an item the edit before it moved,
    // an edit after a hand edit elsewhere), and here the work is counted; four cold runs on the large ledger cost more
    // than the rest of this test.
    if (!FULL_SIZE) return;
    const cold = tempDir({ 'ledger.yaml': ledger, 'departments.yaml': readFileSync(join(dir, 'departments.yaml')) });
    expect(answer(await gongkai(cold, false, ['note', '7', '--dept', '信息中心', '--on', '2021-10-01', '已报送']))).toEqual(answer(first));
    expect(answer(await gongkai(cold, false, ['set', '8', '--due', '2021-12-20', '--force']))).toEqual(answer(second));
    writeFileSync(join(cold, 'ledger.yaml'), handEdited);
    expect(answer(await gongkai(cold, false, ['set', '7', '--status', '推进中']))).toEqual(answer(third));
    expect(answer(await gongkai(cold, false, ['status', '--format', 'json']))).toEqual(answer(await gongkai(dir, true, ['status', '--format', 'json'])));
  });
});
