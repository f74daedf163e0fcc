import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/read/content-hash.js';
import { jsYamlValue } from '../../src/read/load-yaml-value.js';
import { loadLedger } from '../../src/read/load-ledger.js';
import { parseInChunks, splitAtItems, type ChunkTable } from '../../src/read/parse-yaml-chunks.js';
import type { ParseMemo, StoredParse } from '../../src/read/parse-memo.js';
import { SHIPPED_LEDGER } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';
import { allLedgerFixtures, EDITS, handEdited, randomFrom } from './hand-edits.js';
import { scaled } from '../helpers/scale.js';

/** The reference: the whole text through the whole-file parser, or 'error'. */
function wholeParse(text: string): unknown {
  try {
    return jsYamlValue(text);
  } catch {
    return 'error';
  }
}

describe('parsing a ledger item by item', () => {
  it('gives exactly the whole-file value on every fixture', () => {
    let chunked = 0;
    for (const file of allLedgerFixtures()) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const result = parseInChunks(text, contentHash);
      if (!result) continue;
      chunked++;
      expect(isDeepStrictEqual(result.value, wholeParse(text)), file).toBe(true);
    }
    // Most fixtures are in gongkai's own layout: the item-by-item path is the one taken.
    expect(chunked).toBeGreaterThan(20);
  });

  const ROUNDS = scaled(80, 600);
  it(`agrees with the whole-file parse on ${ROUNDS} random hand edits, reusing the items it parsed before`, () => {
    const base = readFileSync(SHIPPED_LEDGER, 'utf8');
    const first = parseInChunks(base, contentHash)!;
    expect(first).toBeDefined();
    // Edits that keep the file valid come up more often, as they do in life; the rest still come up.
    const names = [...Object.keys(EDITS), ...['status', 'text', 'duplicateItem', 'removeItem', 'addSection', 'comment', 'flowItem', 'indentSectionItems'].flatMap((n) => [n, n])];
    const r = randomFrom(20211008);
    const taken = { chunked: 0, refused: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      // One to three edits on top of each other, each named so a failure can be replayed.
      const { text, applied } = handEdited(base, r, names);
      const expected = wholeParse(text);
      const result = parseInChunks(text, contentHash, first.table);
      if (!result) {
        if (process.env.DEBUG_CHUNKS) console.log(applied.join('+'), wholeParse(text) === 'error');
        taken.refused++;
        continue;
      }
      taken.chunked++;
      expect(expected, `round ${round}: ${applied.join(' + ')} parsed item by item but the whole file does not parse`).not.toBe('error');
      expect(isDeepStrictEqual(result.value, expected), `round ${round}: ${applied.join(' + ')}`).toBe(true);
      // What it keeps for the next run stands for the same value.
      const again = parseInChunks(text, contentHash, result.table as ChunkTable)!;
      expect(isDeepStrictEqual(again.value, expected)).toBe(true);
    }
    // Both paths are exercised: most edits keep the layout, some need the whole-file parse.
    expect(taken.chunked).toBeGreaterThan(ROUNDS / 3);
    expect(taken.refused).toBeGreaterThan(ROUNDS / 30);
  });

  it('cuts the shipped ledger at its 35 items and nowhere else', () => {
    const split = splitAtItems(readFileSync(SHIPPED_LEDGER, 'utf8'))!;
    expect(split.chunks).toHaveLength(35);
    expect(split.chunks.every((c) => c.startsWith('      - number: '))).toBe(true);
  });
});

/** A memo kept in memory, as the cache keeps it on disk. */
function memoryMemo(): ParseMemo & { store: Map<string, StoredParse> } {
  const store = new Map<string, StoredParse>();
  return {
    store,
    previous: (file) => (store.has(file) ? structuredClone(store.get(file)) : undefined),
    remember: (file, parse) => void store.set(file, structuredClone(parse)),
    registryNamed: () => undefined,
  };
}

describe('loading with and without an earlier parse', () => {
  it('builds the same ledger and findings from every fixture, first run and after a hand edit', async () => {
    for (const file of allLedgerFixtures()) {
      if (!file.includes('ledgers') && file !== SHIPPED_LEDGER) continue;
      const memo = memoryMemo();
      const plain = await loadLedger(file, { cwd: process.cwd() });
      const first = await loadLedger(file, { cwd: process.cwd(), memo });
      const second = await loadLedger(file, { cwd: process.cwd(), memo });
      for (const loaded of [first, second]) {
        expect(loaded.ledger, file).toEqual(plain.ledger);
        expect(loaded.diagnostics, file).toEqual(plain.diagnostics);
      }
    }
  });

  it('re-reads an edited item from the file, not from what it kept', async () => {
    const dir = tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(join(SHIPPED_LEDGER, '..', 'departments.yaml')) });
    const file = join(dir, 'ledger.yaml');
    const memo = memoryMemo();
    await loadLedger(file, { cwd: process.cwd(), memo });
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('      - number: "22"');
    const edited = text.slice(0, at) + text.slice(at).replace('status: 未启动', 'status: 推进中');
    const loaded = await loadLedger(file, { cwd: process.cwd(), memo, override: () => Buffer.from(edited) });
    expect(loaded.ledger!.items.find((i) => i.number === '22')!.status).toBe('in_progress');
    expect(memo.store.get(file)!.table!.order).toHaveLength(35);
  });
});

describe('locating findings item by item', () => {
  it('gives the same line and column as locating in the whole file, on every fixture and hand-edited ledgers', async () => {
    const { locateDiagnostics } = await import('../../src/read/locate-diagnostics.js');
    const { checkLedger } = await import('../../src/check/index.js');
    const dir = tempDir();
    const base = readFileSync(SHIPPED_LEDGER, 'utf8');
    const r = randomFrom(7);
    // Hand-edited ledgers: each kind of edit in turn, twice by default, at random places; 40 at full size.
    const kinds = ['status', 'duplicateItem', 'removeItem', 'addSection', 'comment', 'indentSectionItems'];
    const edited = Array.from({ length: scaled(kinds.length * 2, 40) }, (_, i) => {
      const file = join(dir, `edited-${i}.yaml`);
      let text = base.replace('departments: departments.yaml', `departments: ${join(SHIPPED_LEDGER, '..', 'departments.yaml')}`);
      text = EDITS[kinds[i % kinds.length]!]!(text, r);
      // And words typed into one item's text that keep the YAML valid (EDITS.text may not: a quote, `- `): findings to locate need a ledger.
      const texts = [...text.matchAll(/\n\s+text: /g)];
      const typedAt = texts[r.int(texts.length)]!;
      text = text.slice(0, typedAt.index + typedAt[0].length) + '手改的字' + text.slice(typedAt.index + typedAt[0].length);
      // Findings to locate in every item: an unknown department in the roles.
      text = text.replace(/cooperate: \[/g, 'cooperate: [不存在的司, ');
      // And outside the items, before and after them (located in the skeleton alone): an unknown key in the plan and in the last section.
      text = text.replace('plan:\n', 'plan:\n  made_by: 某人\n');
      const lastTitle = text.lastIndexOf('\n    title: ');
      if (lastTitle >= 0) text = `${text.slice(0, lastTitle)}\n    titel: 拼错的键${text.slice(lastTitle)}`;
      writeFileSync(file, text);
      return file;
    });
    let compared = 0;
    let outsideItems = 0;
    let loadedEdits = 0;
    for (const file of [...allLedgerFixtures(), ...edited]) {
      const loaded = await loadLedger(file, { cwd: process.cwd() });
      const found = loaded.ledger ? [...loaded.diagnostics, ...(await checkLedger({ ledger: loaded.ledger, today: '2021-11-01' }))] : loaded.diagnostics;
      const byItem = await locateDiagnostics(found, loaded.texts);
      const whole = await locateDiagnostics(found, loaded.texts, { itemByItem: false });
      expect(byItem.map((d) => `${d.line}:${d.col} ${d.code}`), file).toEqual(whole.map((d) => `${d.line}:${d.col} ${d.code}`));
      compared += byItem.length;
      if (loaded.ledger && edited.includes(file)) loadedEdits++;
      outsideItems += found.filter((d) => d.path && !(d.path[0] === 'sections' && d.path[2] === 'items' && d.path.length > 3)).length;
    }
    expect(compared).toBeGreaterThan(scaled(200, 300));
    // Every edited ledger is one to locate findings in (the edits keep the YAML valid), inside and outside its items.
    expect(loadedEdits).toBe(edited.length);
    expect(outsideItems).toBeGreaterThanOrEqual(edited.length * 2);
  });
});

describe('loading after hand edits, reusing the last parse', () => {
  it('gives the ledger and shape findings a fresh load gives, edit after edit', async () => {
    const dir = tempDir({ 'departments.yaml': readFileSync(join(SHIPPED_LEDGER, '..', 'departments.yaml')) });
    const file = join(dir, 'ledger.yaml');
    const memo = memoryMemo();
    const r = randomFrom(99);
    // Shape problems to carry from run to run: a wrong status and an unknown key in some items.
    let text = readFileSync(SHIPPED_LEDGER, 'utf8').replace(/status: 未启动\n(\s+)due: 2021-12-31/g, (m, pad, at) => (at % 3 ? m : `status: 进行中\n${pad}stauts: x\n${pad}due: 2021-12-31`));
    const start = text;
    let compared = 0;
    // The first sixteen rounds have every kind of edit (and one that breaks the YAML): by default those, 60 at full size.
    for (let round = 0; round < scaled(16, 60); round++) {
      text = EDITS[r.pick(['status', 'text', 'duplicateItem', 'removeItem', 'addSection', 'comment', 'flowItem', 'indentSectionItems'])]!(text, r);
      writeFileSync(file, text);
      const fresh = await loadLedger(file, { cwd: process.cwd() });
      const reused = await loadLedger(file, { cwd: process.cwd(), memo });
      expect(reused.diagnostics, `round ${round}`).toEqual(fresh.diagnostics);
      expect(reused.ledger, `round ${round}`).toEqual(fresh.ledger);
      compared += fresh.diagnostics.length;
      // A file that no longer parses stays broken under further edits: the next round starts again from the first text.
      if (!fresh.ledger) text = start;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
