import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ROOT, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';
import { runTempDir } from '../helpers/temp.js';

/**
 * A deflate stream that inflates to `prefix` followed by `repeat` × 16 MiB of
 * one letter, built without ever holding the big part: one 16 MiB block
 * compressed once and repeated (it refers only to the byte before it), then
 * an empty final block. The block is compressed once per test file.
 */
let bombBlock: Buffer | undefined;
function bombStream(prefix: string, repeat: number): Buffer {
  const head = deflateRawSync(Buffer.from(prefix), { finishFlush: constants.Z_SYNC_FLUSH });
  bombBlock ??= deflateRawSync(Buffer.alloc(16 * 1024 * 1024, 'a'), { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  const block = bombBlock;
  return Buffer.concat([head, ...Array<Buffer>(repeat).fill(block), Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff])]);
}

/** A zip by hand, so a part can claim any size: each entry deflated as given. */
function zipOf(entries: { name: string; deflated: Buffer; size: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(Math.min(e.size, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(Math.min(e.size, 0xfffffffe), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const small = (name: string, text: string) => ({ name, deflated: deflateRawSync(Buffer.from(text)), size: Buffer.byteLength(text) });

interface Measured {
  code: number | null;
  stderr: string;
  /** User + system CPU seconds of the run, the process's start-up included. */
  cpuSeconds: number;
  /** Peak resident memory, MB. */
  peakMb: number;
}

/** Refused as input, within the bounds: exit 2, a message naming the limit, under 3 s of CPU and 300 MB. */
function expectRefused(result: Measured, limit: RegExp) {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(limit);
  expect(hasStackTrace(result.stderr)).toBe(false);
  expect(result.cpuSeconds, `${result.cpuSeconds} s CPU`).toBeLessThan(3);
  expect(result.peakMb, `${result.peakMb} MB`).toBeLessThan(300);
  if (process.env.GONGKAI_REPORT_BUDGETS) console.log(`${limit}: ${result.cpuSeconds.toFixed(2)} s CPU, ${result.peakMb.toFixed(0)} MB`);
}

async function formFor(dir: string): Promise<string> {
  writeFileSync(join(dir, 'ledger.yaml'), readFileSync(SHIPPED_LEDGER));
  writeFileSync(join(dir, 'departments.yaml'), readFileSync(SHIPPED_REGISTRY));
  const made = await runCli(['--ledger', join(dir, 'ledger.yaml'), 'forms', '-o', join(dir, 'forms'), '--dept', '信息中心'], { env: { HOME: dir } });
  expect(made.code, made.err).toBe(0);
  return join(dir, 'forms', '信息中心.xlsx');
}

/** Each hostile input in a folder of its own, and the command line that reads it there. */
const CASES: Record<string, () => Promise<{ dir: string; args: string[] }>> = {
  async docxBomb() {
    const dir = runTempDir('budget');
    const xml = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
    const docx = zipOf([small('[Content_Types].xml', '<Types/>'), { name: 'word/document.xml', deflated: bombStream(xml, 64), size: 64 * 16 * 1024 * 1024 }]);
    expect(docx.length).toBeLessThan(2 * 1024 * 1024);
    writeFileSync(join(dir, '通知.docx'), docx);
    return { dir, args: ['import', '通知.docx', '-o', 'ledger.yaml'] };
  },
  async deepHtml() {
    const dir = runTempDir('budget');
    writeFileSync(join(dir, '通知.html'), `<!doctype html><html><body>${'<div>'.repeat(200_000)}一、重点工作${'</div>'.repeat(200_000)}</body></html>`);
    return { dir, args: ['import', '通知.html', '-o', 'ledger.yaml'] };
  },
  async deepXml() {
    const dir = runTempDir('budget');
    const xml = `<w:document xmlns:w="x"><w:body>${'<w:sdt><w:sdtContent>'.repeat(50_000)}${'</w:sdtContent></w:sdt>'.repeat(50_000)}</w:body></w:document>`;
    writeFileSync(join(dir, '通知.docx'), zipSync({ 'word/document.xml': strToU8(xml) }));
    return { dir, args: ['import', '通知.docx', '-o', 'ledger.yaml'] };
  },
  async farCell() {
    const dir = runTempDir('budget');
    const form = await formFor(dir);
    const parts = unzipSync(readFileSync(form));
    const sheetName = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && strFromU8(parts[n]!).includes('<sheetData'))!;
    parts[sheetName] = strToU8(strFromU8(parts[sheetName]!).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'));
    writeFileSync(form, zipSync(parts));
    return { dir, args: ['--ledger', 'ledger.yaml', 'collect', form] };
  },
  async xlsxBomb() {
    const dir = runTempDir('budget');
    writeFileSync(join(dir, 'ledger.yaml'), readFileSync(SHIPPED_LEDGER));
    writeFileSync(join(dir, 'departments.yaml'), readFileSync(SHIPPED_REGISTRY));
    const bomb = zipOf([small('[Content_Types].xml', '<Types/>'), small('xl/workbook.xml', '<workbook/>'), { name: 'xl/media/image1.png', deflated: bombStream('', 128), size: 0xfffffffe }]);
    writeFileSync(join(dir, '信息中心.xlsx'), bomb);
    return { dir, args: ['--ledger', 'ledger.yaml', 'collect', '信息中心.xlsx'] };
  },
};

/**
 * Every case run by the built gongkai in one node process (tests/helpers/run-built.mjs), which reports
 * each run's CPU (with the start-up) and the peak memory so far: five start-ups would cost more than the runs.
 * No timers, no wall clock. Made by whichever test asks first.
 */
let measuredRuns: Promise<Record<string, Measured>> | undefined;
function measured(name: keyof typeof CASES): Promise<Measured> {
  measuredRuns ??= (async () => {
    const names = Object.keys(CASES);
    const runs = await Promise.all(names.map(async (n) => ({ ...(await CASES[n]!()), name: n })));
    const dir = runTempDir('budget-runs');
    writeFileSync(join(dir, 'runs.json'), JSON.stringify(runs.map(({ dir: cwd, args }) => ({ cwd, args, env: { GONGKAI_CACHE_DIR: join(cwd, 'cache') } }))));
    const done = spawnSync(process.execPath, [join(ROOT, 'tests', 'helpers', 'run-built.mjs'), join(dir, 'runs.json'), join(dir, 'results.json')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(done.status, done.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as (Omit<Measured, 'stderr'> & { err: string })[];
    return Object.fromEntries(results.map(({ err, ...rest }, i) => [runs[i]!.name, { ...rest, stderr: err }]));
  })();
  return measuredRuns.then((all) => all[name]!);
}

describe('every reader has a budget', () => {
  it('a 1 MB .docx whose document.xml inflates to 1 GB is refused by its decompressed size', async () => {
    expectRefused(await measured('docxBomb'), /解压后超过 \d+ MB（上限）/);
  });

  it('a web page nested 200,000 divs deep is refused by its depth, not by a stack overflow', async () => {
    expectRefused(await measured('deepHtml'), /嵌套超过 \d+ 层（上限）/);
  });

  it('an XML part nested too deep is refused the same way', async () => {
    expectRefused(await measured('deepXml'), /嵌套超过 \d+ 层（上限）/);
  });

  it('a returned form with one cell at XFD1048576 is refused by the sheet\'s extent', async () => {
    expectRefused(await measured('farCell'), /超过 \d+ (行|列)的上限/);
  });

  it('a zip bomb renamed .xlsx is refused by its decompressed size', async () => {
    expectRefused(await measured('xlsxBomb'), /解压后超过 \d+ MB（上限）/);
  });
});
