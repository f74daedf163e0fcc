/**
 * An edit made through its item alone: the item's text is edited, read and
 * checked on its own, the rest of the ledger is not parsed, modelled or
 * checked. It only ever says yes: whenever it cannot vouch that the whole
 * ledger path (edit-ledger.ts) would write the same bytes without a word, it
 * steps aside, and that path decides (and words any refusal).
 */
import type { Diagnostic } from '../diagnostic.js';
import type { Ledger } from '../model/ledger.js';
import type { LedgerEdit } from '../model/ledger-edit.js';
import { STATUS_LABELS } from '../model/status.js';
import { applyEditToItemValue } from './ledger-edit.js';
import { applyEditToItemText } from './ledger-text-edit.js';
import { samePlainValue } from './same-plain-value.js';

/** One text of an item, read: a ledger of the item alone, its plain value, and what every check finds in it. */
export interface ItemReading {
  /** The item under the plan, registry and section it has in the file, as the only item. */
  ledger: Ledger;
  value: unknown;
  /** Findings of the shape check and every check, on this one-item ledger. */
  diagnostics: Diagnostic[];
}

/** The item an edit is about, as found in the ledger's bytes without reading the rest (open/open-item.ts). */
export interface OpenedItem {
  /** The item's text as the layout cuts it, and where it lies in the bytes (byte offsets). */
  text: string;
  start: number;
  end: number;
  /** The line end the file uses. */
  eol: string;
  before: ItemReading;
  /** Reads another text for the item in its place; undefined unless it still stands alone as the same one item. */
  reread(text: string): Promise<ItemReading | undefined>;
  /**
   * Keeps what the cache knows of the new content, so the next edit and view start warm. Called while the new
   * bytes are synced to disk, before the rename: it reads nothing of the file, only what it is given.
   */
  remember(newContent: readonly Buffer[], text: string, after: ItemReading): Promise<void>;
}

/** What the edit-ledger.ts path counts as a finding an edit may not bring. */
export type RefusedFinding = (d: Diagnostic) => boolean;

const findingKey = (d: Diagnostic) => `${d.code} ${d.message}`;

/**
 * The file's new content and the item before and after, or undefined to
 * leave the decision to the whole-ledger path. Yes only when the edited text
 * reads as exactly the intended change and brings no finding the item did not
 * have: then, as the findings of one item depend on the item, the plan, the
 * registry and today alone (the numbering aside, which an edit does not
 * touch), the whole-ledger path would find nothing new either.
 */
export async function editOneItem(
  bytes: Buffer,
  item: OpenedItem,
  makeEdit: (ledger: Ledger) => LedgerEdit,
  refused: RefusedFinding,
): Promise<{ newContent: readonly Buffer[]; edit: LedgerEdit; text: string; after: ItemReading } | undefined> {
  // Called on the item alone: what it reads of the ledger (plan year, registry, the item) is all there.
  const edit = makeEdit(item.before.ledger);
  if (!item.before.ledger.items.some((i) => i.number === edit.item)) return undefined;
  const text = applyEditToItemText(item.text, edit, edit.status ? STATUS_LABELS[edit.status] : undefined, item.eol);
  if (text === undefined) return undefined;
  const after = await item.reread(text);
  if (!after || !samePlainValue(after.value, applyEditToItemValue(item.before.value, edit, (s) => STATUS_LABELS[s]))) return undefined;
  const had = new Set(item.before.diagnostics.filter(refused).map(findingKey));
  if (after.diagnostics.some((d) => refused(d) && !had.has(findingKey(d)))) return undefined;
  // The file's new content in pieces: the bytes around the item are the old ones, not copied.
  const newContent = [bytes.subarray(0, item.start), Buffer.from(text, 'utf8'), bytes.subarray(item.end)];
  return { newContent, edit, text, after };
}
