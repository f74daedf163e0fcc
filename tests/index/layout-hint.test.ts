import { Hash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CacheStore } from '../../src/cache/cache-store.js';
import { calendarFingerprint } from '../../src/cache/fingerprints.js';
import { readLedgerFile, scanLedgerBytes, type ScannedLedger } from '../../src/index/file-scan.js';
import { indexedLedger } from '../../src/index/item-index.js';
import { hintedScan, hintOf, type LayoutHint } from '../../src/index/layout-hint.js';
import { PREFIX_STEP } from '../../src/read/content-hash.js';
import { LayoutScan } from '../../src/read/ledger-layout.js';
// @ts-expect-error: a plain .mjs script shared with the benchmark
import { generate } from '../bench/generate-ledger.mjs';
import { runCli } from '../helpers/run-cli.js';
import { scaled } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';
import { EDITS, handEdited, randomFrom } from '../read/hand-edits.js';

const TODAY = '2026-06-01';
const facts = (scan: ScannedLedger) => ({ hash: scan.hash, size: scan.size, layout: scan.layout, skeleton: scan.skeleton, runs: scan.runs });

/** The text read as a view reads it (whole, not yet cut). */
function pending(dir: string, text: string): ScannedLedger {
  const file = join(dir, 'ledger.yaml');
  writeFileSync(file, text);
  const read = readLedgerFile(file)!;
  expect(read.pending).toBe(true);
  return read;
}

/** A generated ledger of `items` items in a folder of its own, its text and the hint of that text. */
function hintedLedger(items: number): { dir: string; text: string; hint: LayoutHint } {
  const dir = tempDir();
  generate(items, dir);
  const text = readFileSync(join(dir, 'ledger.yaml'), 'utf8');
  return { dir, text, hint: hintOf('s', scanLedgerBytes(Buffer.from(text), false))! };
}

/** Bytes the layout is given to cut while `run` runs. */
function bytesCut<T>(run: () => T): { result: T; cut: number } {
  let cut = 0;
  const lines = LayoutScan.prototype.lines;
  const spy = vi.spyOn(LayoutScan.prototype, 'lines').mockImplementation(function (this: LayoutScan, source, base) {
    cut += source.length;
    return lines.call(this, source, base);
  });
  try {
    return { result: run(), cut };
  } finally {
    spy.mockRestore();
  }
}

/** Bytes hashed (by node's sha1 and sha256 hashes made step by step: the run and skeleton hashes) while `run` runs. */
function bytesHashed<T>(run: () => T): { result: T; hashed: number } {
  let hashed = 0;
  const update = Hash.prototype.update as (this: Hash, ...args: unknown[]) => Hash;
  const spy = vi.spyOn(Hash.prototype, 'update').mockImplementation(function (this: Hash, ...args: unknown[]) {
    const data = args[0] as string | NodeJS.ArrayBufferView;
    hashed += typeof data === 'string' ? Buffer.byteLength(data, args[1] as BufferEncoding | undefined) : data.byteLength;
    return update.apply(this, args);
  } as Hash['update']);
  try {
    return { result: run(), hashed };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('a layout hint stands in for cutting the whole file', () => {
  it('after random hand edits, one after another: the same items, skeleton and runs as the whole cut, or no answer', () => {
    const dir = tempDir();
    generate(700, dir);
    const original = readFileSync(join(dir, 'ledger.yaml'), 'utf8');
    const r = randomFrom(4711);
    const kinds = Object.keys(EDITS);
    let answered = 0;
    let text = original;
    let hint: LayoutHint | undefined = hintOf('s', scanLedgerBytes(Buffer.from(text), false));
    for (let round = 0; round < scaled(60, 600); round++) {
      // Mostly the edits a person makes to an item's words; now and then any edit there is, even ones that break the layout.
      const names = r.next() < 0.7 ? [r.pick(['text', 'status', 'comment'])] : [r.pick(kinds), ...(r.next() < 0.5 ? [r.pick(kinds)] : [])];
      const edited = handEdited(text, r, names);
      if (r.next() < 0.1) edited.text = original;
      const read = pending(dir, edited.text);
      const hinted = hint && hintedScan(read, hint);
      const whole = scanLedgerBytes(Buffer.from(edited.text), false);
      if (hinted) {
        answered++;
        expect(facts(hinted), `round ${round}: ${edited.applied.join(', ')}`).toEqual(facts(whole));
        // The breaks between items, found anew only around the edit, are those of the whole text (the next hint keeps them).
        expect(hintOf('s', hinted)!.breaks, `round ${round}: ${edited.applied.join(', ')}`).toEqual(hintOf('s', whole)!.breaks);
      }
      // The next text is found from this one's layout (as the index keeps it), or from scratch when it has none to give.
      text = edited.text;
      hint = hintOf('s', hinted ?? whole) ?? hintOf('s', scanLedgerBytes(Buffer.from(original), false));
      if (!hint || !whole.layout) text = original;
    }
    expect(answered).toBeGreaterThan(scaled(30, 300));
  });

  it('an edit of one item cuts only the lines of its run, and the runs before and after are found where they stand', () => {
    const { dir, text, hint } = hintedLedger(1000);
    const at = text.indexOf('text: ', text.length >> 1) + 6;
    const read = pending(dir, `${text.slice(0, at)}（改）${text.slice(at)}`);
    const { result, cut } = bytesCut(() => hintedScan(read, hint));
    expect(facts(result!)).toEqual(facts(scanLedgerBytes(read.whole!, false)));
    // One run of 64 items of the 16 (and the `items:` line it is cut under).
    expect(cut).toBeGreaterThan(0);
    expect(cut).toBeLessThan(read.size / 8);
  });

  it('in a long ledger the runs before an edit stand by the hashes of the text beginnings, not hashed again: the same as the whole cut', () => {
    const dir = tempDir();
    generate(3000, dir);
    const file = join(dir, 'ledger.yaml');
    let text = readFileSync(file, 'utf8');
    // The hint as a view keeps it: of a text read whole, with the hashes of its beginnings taken in the same pass.
    let hint = hintOf('s', readLedgerFile(file)!)!;
    expect(hint.prefixes.length).toBeGreaterThan(3 * 40);
    const r = randomFrom(6389);
    for (let round = 0; round < scaled(6, 40); round++) {
      // Words inserted into one item's text, anywhere in the file (now and then in the first or last item).
      const starts = [...text.matchAll(/^ {6}- number:/gm)].map((m) => m.index);
      const item = r.pick([0, starts.length - 1, ...Array.from({ length: 8 }, () => r.int(starts.length))]);
      const at = text.indexOf('text: ', starts[item]) + 'text: '.length;
      text = `${text.slice(0, at)}（改${round}）${text.slice(at)}`;
      const read = pending(dir, text);
      const { result, hashed } = bytesHashed(() => hintedScan(read, hint));
      expect(facts(result!), `round ${round}`).toEqual(facts(scanLedgerBytes(read.whole!, false)));
      expect(hintOf('s', result!)!.breaks, `round ${round}`).toEqual(hintOf('s', scanLedgerBytes(read.whole!, false))!.breaks);
      // Hashed again: from at most a step before the edit on; besides, the runs' bounds, the text between the items and the edited run (found changed from both ends, then hashed as it is).
      const edit = Buffer.byteLength(text.slice(0, at));
      expect(hashed, `round ${round}`).toBeLessThan(read.size - edit + PREFIX_STEP + read.size / 10);
      // Without the hashes of the beginnings and the breaks (a hint kept before it had them) every run is hashed up to the edit too.
      const { breaks: _breaks, ...older } = hint;
      const without = bytesHashed(() => hintedScan(pending(dir, text), { ...older, prefixes: '' }));
      expect(facts(without.result!)).toEqual(facts(result!));
      expect(without.hashed).toBeGreaterThan(read.size * 0.9);
      hint = hintOf('s', result!)!;
      expect(hint.prefixes).toBe(read.prefixes);
    }
  });

  it('no answer when the text between the items changed, or the items were moved, added or removed around the edit', () => {
    const { dir, text, hint } = hintedLedger(300);
    const dash = text.indexOf('\n      - number:', text.length >> 1) + 1;
    const changed = {
      'a section heading': text.replace(/^( {4}title: )/m, '$1改'),
      'an item removed': text.slice(0, dash) + text.slice(text.indexOf('\n      - number:', dash) + 1),
      'an item indented deeper': text.slice(0, dash) + '  ' + text.slice(dash),
      'a blank line before an item': `${text.slice(0, dash)}\n${text.slice(dash)}`,
      'CR LF line ends in the item': text.slice(0, dash) + text.slice(dash, text.indexOf('\n', dash)) + '\r' + text.slice(text.indexOf('\n', dash)),
    };
    for (const [name, edited] of Object.entries(changed)) {
      const read = pending(dir, edited);
      const hinted = hintedScan(read, hint);
      // A blank line before an item belongs to the item above it: the same items, cut again around it.
      if (hinted) expect(facts(hinted), name).toEqual(facts(scanLedgerBytes(read.whole!, false)));
      else expect(hinted, name).toBeUndefined();
    }
    expect(hintedScan(pending(dir, text.replace(/^( {4}title: )/m, '$1改')), hint)).toBeUndefined();
    // Every run where it stood and the file as long, but a section's list is no longer one (its key renamed): the whole cut has fewer items.
    const unlisted = pending(dir, text.replace(/^( {4})items:$/m, '$1itemz:'));
    expect(scanLedgerBytes(unlisted.whole!, false).layout!.items.length).toBeLessThan(300);
    expect(hintedScan(unlisted, hint)).toBeUndefined();
    // A text already cut is not cut again.
    expect(hintedScan(scanLedgerBytes(Buffer.from(text), false), hint)).toBeUndefined();
  });

  it('the index after hand edits answers from a hinted read exactly as from the whole bytes', async () => {
    const dir = tempDir();
    generate(300, dir);
    const ledger = join(dir, 'ledger.yaml');
    const cache = join(dir, 'cache');
    const run = (args: string[]) => runCli(['--ledger', ledger, ...args], { cwd: dir, now: () => new Date(`${TODAY}T02:00:00Z`), env: { ...process.env, NO_COLOR: '1', GONGKAI_LEDGER: '', GONGKAI_CACHE_DIR: cache } });
    expect((await run(['status'])).code).toBe(0);
    const store = new CacheStore(cache, 200 * 1024 * 1024);
    const calendar = calendarFingerprint(ledger, dir);
    const r = randomFrom(99);
    let text = readFileSync(ledger, 'utf8');
    let hinted = 0;
    for (let round = 0; round < scaled(6, 24); round++) {
      const name = r.pick(['text', 'text', 'status', 'comment']);
      text = EDITS[name]!(text, r);
      writeFileSync(ledger, text);
      const { result: read, cut } = bytesCut(() => readLedgerFile(ledger)!);
      expect(cut).toBe(0);
      const viaHint = bytesCut(() => indexedLedger(store, ledger, calendar, TODAY, dir, read));
      const fromHint = await viaHint.result;
      if (viaHint.cut < read.size / 4) hinted++;
      const whole = await indexedLedger(store, ledger, calendar, TODAY, dir, readFileSync(ledger));
      expect(fromHint === undefined, `round ${round}: ${name}`).toBe(whole === undefined);
      if (!fromHint || !whole) continue;
      expect(fromHint.contentKey).toBe(whole.contentKey);
      expect(fromHint.chunkHashes).toEqual(whole.chunkHashes);
      expect({ items: fromHint.items, obligations: fromHint.obligations, errors: fromHint.errors, summary: fromHint.summary }).toEqual({ items: whole.items, obligations: whole.obligations, errors: whole.errors, summary: whole.summary });
    }
    // Each run after the first kept the layout it found: most later runs cut only around their edit.
    expect(hinted).toBeGreaterThan(0);
  });
});
