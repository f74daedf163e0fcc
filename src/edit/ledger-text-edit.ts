import { itemShape } from '../schema/ledger-shape.js';
import { afterLine, lineStart } from './line-offsets.js';
import { itemNumbered, ledgerLayout } from '../read/ledger-layout.js';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { yamlFlowList, yamlFlowScalar, yamlScalar } from '../render/yaml-scalar.js';
import type { LedgerEdit } from '../model/ledger-edit.js';
import { cancellationValue, postponementValue, rejectionValue, repeatsNote } from './ledger-edit.js';
import { fastItemView, NOT_SCALAR, type ItemView, type PairView, type ValueView } from './item-text-view.js';
import { yamlLibrary } from './yaml-library.js';

/** Item keys in the order gongkai writes them; a new key goes after the last one present before it. */
const KEY_ORDER = Object.keys(itemShape.properties);

interface Splice {
  start: number;
  end: number;
  text: string;
}

function nodeEnd(node: Node | null | undefined, fallback: number): number {
  return node?.range?.[2] ?? node?.range?.[1] ?? fallback;
}

const parsed = (text: string): Document.Parsed => yamlLibrary().parseDocument(text, { keepSourceTokens: true });

/** Finds the item's mapping by its number; undefined when the ledger has no such item. */
export function findItemMap(doc: Document.Parsed, number: string): YAMLMap | undefined {
  const { isMap, isSeq } = yamlLibrary();
  const sections = doc.get('sections');
  if (!isSeq(sections)) return undefined;
  for (const section of sections.items) {
    if (!isMap(section)) continue;
    const items = section.get('items');
    if (!isSeq(items)) continue;
    for (const item of items.items) if (isMap(item) && String(item.get('number')) === number) return item;
  }
  return undefined;
}

/** The view of an item's mapping as the library's nodes give it (item-text-view.ts): each place read where the edit asks for it. */
function libraryItemView(text: string, item: YAMLMap): ItemView {
  const { isMap, isScalar, isSeq } = yamlLibrary();
  const pairView = (pair: Pair): PairView => {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    return {
      key: isScalar(key) ? key.value : NOT_SCALAR,
      keyEnd: () => key!.range![1],
      after: () => afterLine(text, nodeEnd(value, key!.range![2])),
      value: valueView(value),
    };
  };
  const valueView = (node: Node | null): ValueView | undefined => {
    const range: [number, number] | undefined = node?.range ? [node.range[0], node.range[1]] : undefined;
    if (isScalar(node)) return { kind: 'scalar', range, isNull: node.value === null };
    if (isSeq(node)) {
      return {
        kind: 'seq',
        flow: !!node.flow,
        range,
        size: node.items.length,
        firstStart: () => (node.items[0] as Node).range![0],
        lastAfter: () => afterLine(text, nodeEnd(node.items[node.items.length - 1] as Node, node.range![1])),
      };
    }
    if (isMap(node)) {
      return {
        kind: 'map',
        flow: !!node.flow,
        range,
        pairs: node.items.map(pairView),
        firstKey: () => (node.items[0]!.key as Node).range![0],
        lastAfter: () => afterLine(text, nodeEnd(node.items[node.items.length - 1]!.value as Node | null, node.range![1])),
      };
    }
    return node ? { kind: 'other', range } : undefined;
  };
  return {
    firstKey: (item.items[0]!.key as Node).range![0],
    pairs: item.items.map(pairView),
    progress: () => (item.get('progress', true) as { toJSON?: () => unknown } | undefined)?.toJSON?.(),
  };
}

class ItemEditor {
  readonly splices: Splice[] = [];
  readonly indent: number;

  constructor(
    private readonly text: string,
    private readonly item: ItemView,
    private readonly eol: string,
  ) {
    this.indent = item.firstKey - lineStart(text, item.firstKey);
  }

  private pair(key: string): PairView | undefined {
    return this.item.pairs.find((p) => p.key === key);
  }

  /** Inserts whole lines after the last key that comes before `key` in KEY_ORDER. */
  private insertLines(key: string, lines: string[]): void {
    const rank = KEY_ORDER.indexOf(key);
    let anchor = this.item.pairs[0]!;
    for (const p of this.item.pairs) {
      const name = p.key === NOT_SCALAR ? '' : String(p.key);
      const r = KEY_ORDER.indexOf(name);
      if (r >= 0 && r < rank) anchor = p;
    }
    const at = anchor.after();
    const prefix = at === this.text.length && !this.text.endsWith('\n') ? this.eol : '';
    this.splices.push({ start: at, end: at, text: prefix + lines.map((l) => ' '.repeat(this.indent) + l + this.eol).join('') });
  }

  /** Inserts a line after the line of a key that has no value yet. */
  private insertAfterKeyLine(pair: PairView, line: string): void {
    const at = afterLine(this.text, pair.keyEnd());
    const prefix = at === this.text.length && !this.text.endsWith('\n') ? this.eol : '';
    this.splices.push({ start: at, end: at, text: `${prefix}${line}${this.eol}` });
  }

  /** Sets a scalar field, replacing only the value's characters (in the same quoting style) when the key exists. */
  setScalar(key: string, source: string, plain: string): void {
    const pair = this.pair(key);
    const value = pair?.value;
    if (pair && value?.kind === 'scalar' && value.range && !value.isNull) {
      const quote = this.text[value.range[0]];
      const styled = quote === "'" ? `'${plain.replace(/'/g, "''")}'` : quote === '"' ? JSON.stringify(plain) : source;
      this.splices.push({ start: value.range[0], end: value.range[1], text: styled });
    } else if (pair && (value?.kind === 'map' || value?.kind === 'seq') && value.flow && value.range) {
      // `due: { after: …, working_days: 10 }` replaced whole by a date, or `cancelled: {…}` by a new record.
      this.splices.push({ start: value.range[0], end: value.range[1], text: source });
    } else if (pair) {
      // `done_on:` with no value (perhaps a comment): the value goes right after the colon.
      const colon = this.text.indexOf(':', pair.keyEnd());
      this.splices.push({ start: colon + 1, end: colon + 1, text: ` ${source}` });
    } else {
      this.insertLines(key, [`${key}: ${source}`]);
    }
  }

  appendProgress(entry: { date: string; dept: string; note: string }): void {
    this.appendEntry('progress', flowMap({ date: entry.date, dept: entry.dept, note: entry.note }));
  }

  /** Appends `{ … }` to the list under `key` in the list's own style (flow or block), creating the key if needed. */
  appendEntry(key: string, flow: string): void {
    const pair = this.pair(key);
    const seq = pair?.value;
    if (seq?.kind === 'seq' && seq.flow && seq.range) {
      const close = this.text.lastIndexOf(']', seq.range[1]);
      this.splices.push({ start: close, end: close, text: seq.size ? `, ${flow}` : flow });
    } else if (seq?.kind === 'seq' && seq.size) {
      const dashLine = lineStart(this.text, seq.firstStart());
      const dash = this.text.indexOf('-', dashLine);
      const at = seq.lastAfter();
      this.splices.push({ start: at, end: at, text: `${' '.repeat(dash - dashLine)}- ${flow}${this.eol}` });
    } else if (pair) {
      // `progress:` with no entries (perhaps a comment): the first one goes on the next line.
      this.insertAfterKeyLine(pair, `${' '.repeat(this.indent + 2)}- ${flow}`);
    } else {
      this.insertLines(key, [`${key}:`, `  - ${flow}`]);
    }
  }

  setResolution(group: string, departments: string[]): void {
    const list = yamlFlowList(departments);
    const pair = this.pair('resolve');
    const map = pair?.value;
    const existing = map?.kind === 'map' ? map.pairs.find((p) => p.key !== NOT_SCALAR && String(p.key) === group) : undefined;
    const existingValue = existing?.value;
    if (existingValue?.range) {
      this.splices.push({ start: existingValue.range[0], end: existingValue.range[1], text: list });
    } else if (map?.kind === 'map' && map.flow && map.range) {
      const close = this.text.lastIndexOf('}', map.range[1]);
      this.splices.push({ start: close, end: close, text: `${map.pairs.length ? ', ' : ''}${yamlFlowScalar(group)}: ${list}` });
    } else if (map?.kind === 'map' && map.pairs.length) {
      const firstKey = map.firstKey();
      const indent = firstKey - lineStart(this.text, firstKey);
      const at = map.lastAfter();
      this.splices.push({ start: at, end: at, text: `${' '.repeat(indent)}${yamlScalar(group)}: ${list}${this.eol}` });
    } else if (pair) {
      // `resolve:` with nothing after it (perhaps a comment).
      this.insertAfterKeyLine(pair, `${' '.repeat(this.indent + 2)}${yamlScalar(group)}: ${list}`);
    } else {
      this.insertLines('resolve', ['resolve:', `  ${yamlScalar(group)}: ${list}`]);
    }
  }
}

/**
 * Applies an edit to the ledger's text, changing only the characters it must:
 * comments, quoting, key order, line ends and long lines elsewhere stay as they
 * are. (Splicing source ranges, not doc.toString(), which re-spaces untouched lines.)
 */
export function applyEditToText(text: string, edit: LedgerEdit, statusWord: string | undefined): { text: string } | { missing: true } {
  // The item's lines, when exactly one item carries the number on its dash line; else the whole file is parsed.
  const layout = ledgerLayout(text);
  const eol = layout?.eol ?? (text.includes('\r\n') ? '\r\n' : '\n');
  const region = layout && itemNumbered(layout, edit.item);
  if (region) {
    // Only the item's own lines go through the position-keeping parser (it takes ~2 s on 10,000 items).
    const edited = applyEditToItemText(text.slice(region.start, region.end), edit, statusWord, eol);
    if (edited !== undefined) return { text: text.slice(0, region.start) + edited + text.slice(region.end) };
  }
  const item = findItemMap(parsed(text), edit.item);
  if (!item || !item.items.length) return { missing: true };
  return { text: editItem(text, libraryItemView(text, item), edit, statusWord, eol) };
}

/**
 * Applies an edit to one item's text as the layout cuts it (its dash line and
 * the lines under it); undefined when that text does not parse as one item.
 * An item laid out as gongkai writes it is edited where the fast item parser
 * finds its nodes, without the `yaml` library (fastItemEdit); any other, by
 * the library's nodes.
 */
export function applyEditToItemText(itemText: string, edit: LedgerEdit, statusWord: string | undefined, eol: string): string | undefined {
  const fast = fastItemEdit(itemText, edit, statusWord, eol);
  if (fast !== undefined) return fast;
  return libraryItemEdit(itemText, edit, statusWord, eol);
}

/** The edit made on the library's nodes of the item's text (what applyEditToItemText does without the fast view). */
export function libraryItemEdit(itemText: string, edit: LedgerEdit, statusWord: string | undefined, eol: string): string | undefined {
  const item = firstSequenceItem(parsed(itemText));
  return item?.items.length ? editItem(itemText, libraryItemView(itemText, item), edit, statusWord, eol) : undefined;
}

/**
 * The edit made on the fast parser's view of the item's text, or undefined to leave it to the library: an item
 * outside that view (fastItemView), a resolve edit (it reads the pairs of a map inside the item), and a note on an
 * item whose progress has an entry of the note's day or a date that is not text (whether the note repeats one
 * then turns on how each library types the entry's scalars; otherwise neither finds it repeated).
 */
export function fastItemEdit(itemText: string, edit: LedgerEdit, statusWord: string | undefined, eol: string): string | undefined {
  if (edit.resolve || eol !== '\n') return undefined;
  const fast = fastItemView(itemText);
  if (!fast) return undefined;
  const progress = fast.value.progress;
  if (edit.note && Array.isArray(progress) && progress.some((entry) => entry !== null && typeof entry === 'object' && (typeof (entry as { date?: unknown }).date !== 'string' || (entry as { date: string }).date === edit.note!.date))) {
    return undefined;
  }
  return editItem(itemText, fast.view, edit, statusWord, eol);
}

function firstSequenceItem(doc: Document.Parsed): YAMLMap | undefined {
  const { isMap, isSeq } = yamlLibrary();
  if (doc.errors.length || !isSeq(doc.contents)) return undefined;
  const first = doc.contents.items[0];
  return doc.contents.items.length === 1 && isMap(first) ? first : undefined;
}

/** `{ on: 2021-10-08, reason: … }`: values in the order given. */
function flowMap(entries: Record<string, string>): string {
  return `{ ${Object.entries(entries)
    .map(([k, v]) => `${k}: ${yamlFlowScalar(v)}`)
    .join(', ')} }`;
}

/** Applies the edit to one item of `text`, splicing only the characters that change. */
function editItem(text: string, item: ItemView, edit: LedgerEdit, statusWord: string | undefined, eol: string): string {
  const editor = new ItemEditor(text, item, eol);
  if (statusWord) editor.setScalar('status', yamlScalar(statusWord), statusWord);
  if (edit.due) editor.setScalar('due', edit.due, edit.due);
  if (edit.doneOn) editor.setScalar('done_on', edit.doneOn, edit.doneOn);
  if (edit.resolve) editor.setResolution(edit.resolve.group, edit.resolve.departments);
  if (edit.postpone) {
    editor.setScalar('due', edit.postpone.to, edit.postpone.to);
    editor.appendEntry('postponements', flowMap(postponementValue(edit.postpone)));
  }
  if (edit.requestPostponement) editor.appendEntry('postponement_requests', flowMap({ ...edit.requestPostponement }));
  if (edit.rejectPostponement) editor.appendEntry('postponement_rejections', flowMap(rejectionValue(edit.rejectPostponement)));
  if (edit.cancel) editor.setScalar('cancelled', flowMap(cancellationValue(edit.cancel)), '');
  if (edit.note && !repeatsNote(item.progress(), edit.note)) editor.appendProgress(edit.note);
  // Apply from the end so earlier offsets stay valid; equal offsets keep their call order.
  const ordered = editor.splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.start - a.start || b.i - a.i);
  let out = text;
  for (const s of ordered) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}
