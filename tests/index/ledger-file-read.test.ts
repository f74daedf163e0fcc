import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUP, readLedgerFile, scanLedgerBytes, type ScannedLedger } from '../../src/index/file-scan.js';
import { contentHash, contentHashWithPrefixes, PREFIX_STEP } from '../../src/read/content-hash.js';
import { ledgerLayout, type LedgerLayout } from '../../src/read/ledger-layout.js';
// @ts-expect-error: a plain .mjs script shared with the benchmark
import { generate } from '../bench/generate-ledger.mjs';
import { runCli } from '../helpers/run-cli.js';
import { FULL_SIZE } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';

const TODAY = '2026-06-01';

/** The skeleton and run hashes computed the plain way, over the whole bytes: what the pass must give. */
function expectedOf(bytes: Buffer, layout: LedgerLayout): { skeleton: string; runs: string[] } {
  const skeleton = createHash('sha1');
  let from = 0;
  for (const item of layout.items) {
    skeleton.update(bytes.subarray(from, item.start)).update(`\0${item.indent}\0`);
    from = item.end;
  }
  const runs: string[] = [];
  for (let g = 0; g * GROUP < layout.items.length; g++) {
    const items = layout.items.slice(g * GROUP, (g + 1) * GROUP);
    const first = items[0]!.start;
    const bounds = new Uint32Array(items.flatMap((item) => [item.start - first, item.end - first]));
    runs.push(createHash('sha1').update(bytes.subarray(first, items.at(-1)!.end)).update(new Uint8Array(bounds.buffer)).digest('hex'));
  }
  return { skeleton: skeleton.update(bytes.subarray(from)).digest('hex'), runs };
}

const facts = (scan: ScannedLedger) => ({ hash: scan.hash, size: scan.size, layout: scan.layout, skeleton: scan.skeleton, runs: scan.runs });

function ledgerText(items: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
  try {
    generate(items, dir);
    return readFileSync(join(dir, 'ledger.yaml'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the per-item index reads a ledger file whole, and cuts it at its items only when asked', () => {
  const base = ledgerText(150);
  const variants: Record<string, string> = {
    plain: base,
    'CR LF line ends': base.replace(/\n/g, '\r\n'),
    'no line break at the end': base.replace(/\n$/, ''),
    // Blank and comment lines inside and between items, a section heading between runs, a long line.
    'blank and comment lines': base.replace(/\n( {6}- number: "(?:3|64|65|100)")/g, '\n\n      # 注释：说明\n   \n$1'),
    'a long line': base.replace(/text: /, `text: ${'很长的文字'.repeat(900)}`),
    // Four-byte characters (a surrogate pair in JavaScript) in item texts.
    'four-byte characters': base.replace(/text: /g, 'text: 𠀀𪚥'),
  };

  for (const [name, text] of Object.entries(variants)) {
    it(`${name}: the file's read finds what the pass over the bytes finds`, () => {
      const dir = tempDir();
      const file = join(dir, 'ledger.yaml');
      writeFileSync(file, text);
      const bytes = readFileSync(file);
      const layout = ledgerLayout(bytes)!;
      expect(layout.items.length).toBe(150);
      const whole = scanLedgerBytes(bytes);
      expect(facts(whole)).toEqual({ hash: contentHash(bytes), size: bytes.length, layout, ...expectedOf(bytes, layout) });
      // Without the numbers on the dash lines (a view does not need them), the same but for them.
      const unnumbered = { ...facts(whole), layout: { ...layout, items: layout.items.map((item) => ({ ...item, number: undefined })) } };
      expect(facts(readLedgerFile(file)!)).toEqual(unnumbered);
    });
  }

  it('the hash taken with the hashes of the text beginnings is the content hash, and each of those the hash of its beginning', () => {
    const dir = tempDir();
    const file = join(dir, 'ledger.yaml');
    const long = `${base}${'#'.repeat(3 * PREFIX_STEP)}\n`;
    // Shorter than a step, a step long to the byte (a beginning as long as the whole is not taken), a byte more, several steps.
    for (const bytes of [Buffer.alloc(0), Buffer.from(base), Buffer.from(long).subarray(0, PREFIX_STEP), Buffer.from(long).subarray(0, PREFIX_STEP + 1), Buffer.from(long)]) {
      const { hash, prefixes } = contentHashWithPrefixes(bytes);
      expect(hash).toBe(createHash('sha1').update(bytes).digest('hex'));
      expect(hash).toBe(contentHash(Buffer.from(bytes)));
      const expected = Array.from({ length: Math.max(0, Math.ceil(bytes.length / PREFIX_STEP) - 1) }, (_, k) => createHash('sha1').update(bytes.subarray(0, (k + 1) * PREFIX_STEP)).digest('hex'));
      expect(prefixes).toBe(expected.join(''));
    }
    writeFileSync(file, long);
    const read = readLedgerFile(file)!;
    expect({ hash: read.hash, prefixes: read.prefixes }).toEqual(contentHashWithPrefixes(readFileSync(file)));
    expect(read.prefixes!.length).toBe(3 * 40);
  });

  it('a text the layout cannot cut (a tab, a second document) has no layout, and the same hash', () => {
    const dir = tempDir();
    const file = join(dir, 'ledger.yaml');
    for (const text of [base.replace('        status:', '\t status:'), `${base}---\nplan: {}\n`]) {
      writeFileSync(file, text);
      const scan = readLedgerFile(file)!;
      expect(scan.layout).toBeUndefined();
      expect(scan.hash).toBe(contentHash(readFileSync(file)));
    }
  });

  it('a NUL, bytes that are not UTF-8 or a byte-order mark anywhere: the index gives way to the whole load, and every view reports as a cold run', async () => {
    const dir = tempDir();
    generate(150, dir);
    const file = join(dir, 'ledger.yaml');
    const good = readFileSync(file);
    const late = good.lastIndexOf('text: ') + 6;
    const spoilt: Record<string, Buffer> = {
      'NUL late in the file': Buffer.concat([good.subarray(0, late), Buffer.from([0]), good.subarray(late)]),
      'a lone continuation byte': Buffer.concat([good.subarray(0, late), Buffer.from([0x80]), good.subarray(late)]),
      'a character cut at the end': Buffer.concat([good, Buffer.from('中').subarray(0, 2)]),
      'GB18030 text': Buffer.concat([good.subarray(0, late), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), good.subarray(late)]),
      'a byte-order mark': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good]),
    };
    const cache = join(dir, 'cache');
    const run = (args: string[], cached: boolean) =>
      runCli(['--ledger', file, ...args], { cwd: dir, now: () => new Date(`${TODAY}T02:00:00Z`), env: { ...process.env, NO_COLOR: '1', GONGKAI_LEDGER: '', GONGKAI_CACHE_DIR: cache, ...(cached ? {} : { GONGKAI_CACHE: 'off' }) } });
    const views = [['status'], ['overdue'], ['validate']];
    for (const [i, [name, bytes]] of Object.entries(spoilt).entries()) {
      writeFileSync(file, good);
      expect((await run(['status'], true)).code, name).toBe(0);
      writeFileSync(file, bytes);
      expect(readLedgerFile(file), name).toBeUndefined();
      // By default one view for each spoilt file, in turn (each view after one or two of them); every view at full size.
      for (const args of FULL_SIZE ? views : [views[i % views.length]!]) expect(await run(args, true), `${name}: ${args.join(' ')}`).toEqual(await run(args, false));
    }
  });
});
