import { calendarFingerprint } from '../cache/fingerprints.js';
import { checkLedger } from '../check/index.js';
import type { ItemReading, OpenedItem } from '../edit/edit-one-item.js';
import { baseAfterEdit, holdsFor, keepEditBase, partHashes, positionOf, sectionOfItem, storedEditBase, type EditBase } from '../index/edit-base.js';
import { indexedLedger, itemTextValue, keepEditedRow } from '../index/item-index.js';
import { beijingToday } from '../model/dates.js';
import { checkShape } from '../read/check-shape.js';
import { contentHash } from '../read/content-hash.js';
import { ledgerLayout, type ItemExtent } from '../read/ledger-layout.js';
import { readSourceFile } from '../read/read-file.js';
import { ledgerFromValue } from '../read/read-ledger.js';
import { registryFromValue } from '../read/read-registry.js';
import { resolveRelativeDues } from '../read/resolve-relative-dues.js';
import { itemShape } from '../schema/ledger-shape.js';
import { resolve } from 'node:path';
import { cacheOf } from './cache-of.js';
import type { OpenContext } from './open-context.js';

/** Text before an item's own lines that makes them a list the layout cuts (read/ledger-layout.ts). */
const ITEMS_KEY = 'items:\n';

/**
 * The item numbered `number` in the ledger's bytes, for an edit, with the rest
 * of the file vouched for without reading it: by the edit base kept for these
 * very bytes (the last edit wrote them), or else by the per-item index (which
 * reads only the items changed since it last saw the file). Undefined when
 * neither can vouch — no cache, never indexed, the plan, sections or registry
 * changed, the item not found by its dash line — and the edit then reads the
 * whole ledger, as it always did.
 */
export async function openItem(ctx: OpenContext, file: string, graceDays: number | undefined, bytes: Buffer, number: string): Promise<OpenedItem | undefined> {
  const cache = cacheOf(ctx);
  if (!cache) return undefined;
  const { cwd } = ctx.io;
  const today = beijingToday(ctx.io.now());
  const calendar = calendarFingerprint(file, cwd);
  let base = storedEditBase(cache, file, cwd);
  if (!base || base.cwd !== cwd || !holdsFor(base, bytes) || base.registryHash !== registryHashOf(base, file, cwd)) {
    // Changed by hand since (or never edited): the index reads the items that changed and vouches for the rest.
    const indexed = (await indexedLedger(cache, file, calendar, today, cwd, bytes))?.editBase();
    // Hashed part by part here: the index knows the file by its hash whole.
    const parts = indexed && partHashes(bytes, indexed.starts);
    if (!indexed || parts === undefined) return undefined;
    base = { ...indexed, parts, size: bytes.length };
  }
  // Where the base says the item starts; the layout finds where it ends, among the lines up to the next item.
  const position = positionOf(base, number);
  const place = sectionOfItem(base, position);
  const start = base.starts[position]!;
  const upToNext = place && bytes.subarray(start, base.starts[position + 1] ?? bytes.length).toString('utf8');
  const item = upToNext === undefined ? undefined : firstItemOf(upToNext);
  if (!place || !item || item.number !== number) return undefined;
  const registry = registryFromValue(base.registryValue);
  const found = base;

  /** One text of the item read under the plan, registry and section it has in the file. */
  const read = async (text: string): Promise<ItemReading | undefined> => {
    const value = itemTextValue(text);
    if (value === undefined) return undefined;
    // Every section kept (the others empty), so a section without a number is numbered by its place as in a whole load.
    const sections = found.sections.map((section, s) => ({ ...section, items: s === place.section ? [value] : [] }));
    const ledger = ledgerFromValue({ plan: found.planValue, sections }, found.displayFile, registry, found.registryFile, today);
    await resolveRelativeDues(ledger, cwd);
    if (ledger.items.length !== 1 || ledger.items[0]!.number !== number) return undefined;
    const shape = checkShape(value, itemShape, found.displayFile, ['sections', place.section, 'items', 0]);
    return { ledger, value, diagnostics: [...shape, ...(await checkLedger({ ledger, today, graceDays }, 'all'))] };
  };
  const text = upToNext!.slice(0, item.end);
  const end = start + Buffer.byteLength(text, 'utf8');
  const before = await read(text);
  if (!before) return undefined;
  return {
    text,
    start,
    end,
    eol: base.eol,
    before,
    reread: async (edited) => (standsAlone(edited, text, number) ? read(edited) : undefined),
    remember: async (newContent, edited, after) => {
      try {
        // The new bytes keep every promise of the base: the same items in the same order, this one still one item of its number.
        keepEditBase(cache, file, cwd, baseAfterEdit(found, newContent, position, Buffer.byteLength(edited, 'utf8') - (end - start)));
        await keepEditedRow(cache, file, found, calendar, { old: contentHash(Buffer.from(text, 'utf8')), hash: contentHash(Buffer.from(edited, 'utf8')), value: after.value, section: place.section }, today, cwd);
      } catch {
        // What the cache knows is derived: the next run works it out again.
      }
    },
  };
}

/** The registry's content hash now ('' when inline), for comparing with the base's. */
function registryHashOf(base: EditBase, file: string, cwd: string): string | undefined {
  if (resolve(cwd, base.registryFile) === resolve(cwd, file)) return '';
  const registry = readSourceFile(base.registryFile, { allowLegacy: false, cwd });
  return registry.bytes === undefined ? undefined : contentHash(registry.bytes);
}

/**
 * The item a text starts with, as the layout cuts it (offsets in the text):
 * an item's dash line and what follows it, up to the next item's, make a list
 * of their own under an `items:` key.
 */
function firstItemOf(text: string): ItemExtent | undefined {
  const item = ledgerLayout(ITEMS_KEY + text)?.items[0];
  return item?.start === ITEMS_KEY.length ? { ...item, start: 0, end: item.end - ITEMS_KEY.length } : undefined;
}

/**
 * An edited item's text cuts as exactly one item, of the same number, from
 * its own dash line (unchanged) to its end: put back in the file, the layout
 * finds the same items in the same places, and the text after it still
 * follows it as before (a line end stays a line end).
 */
function standsAlone(edited: string, original: string, number: string): boolean {
  const firstLine = (text: string) => text.slice(0, text.indexOf('\n') + 1 || text.length);
  if (firstLine(edited) !== firstLine(original) || (original.endsWith('\n') && !edited.endsWith('\n'))) return false;
  const item = firstItemOf(edited);
  return item?.end === edited.length && item.number === number;
}
