/**
 * Where each work item of a ledger text lies, found from its lines alone (no
 * YAML parse): the parse item by item, the merge, the edit and the per-item
 * index all ask here, so they agree on where an item starts and ends.
 */

/** One entry of an `items:` list. */
export interface ItemExtent {
  /** Offset of the first character of the item's dash line. */
  start: number;
  /** Offset just past its last line (blank and comment lines after it belong to it). */
  end: number;
  /** Column of the item's dash. */
  indent: number;
  /** The number written on the dash line (`- number: "22"`), when it is written there. */
  number?: string;
}

/** A ledger text cut at its items; the text between them (plan, section headings) is the gaps. */
export interface LedgerLayout {
  /** Items in file order. */
  items: ItemExtent[];
  /** The line end the file uses. */
  eol: '\n' | '\r\n';
}

const SPACE = 32;
const TAB = 9;
const HASH_SIGN = 35;
const DASH = 45;
const LF = 10;
const CR = 13;
const PERCENT = 37;
const DOT = 46;
const byteIndexOf = Uint8Array.prototype.indexOf;

/** `items:` (or `- items:`) ending its line: a block list follows. Group 1 is the text before the key. */
const ITEMS_KEY = /^( *(?:- +)?)items:[ \t]*(?:#.*)?\r?$/;

/** `- number: "22"   # comment` → the number, in any of YAML's three plain styles. */
const NUMBER_ON_DASH_LINE = /^ *-[ \t]+number:[ \t]*(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"][^#\r\n]*?))[ \t]*(?:#.*)?\r?$/;

function numberOf(line: string): string | undefined {
  const match = NUMBER_ON_DASH_LINE.exec(line);
  if (!match) return undefined;
  if (match[1] !== undefined) {
    try {
      return JSON.parse(`"${match[1]}"`) as string;
    } catch {
      return undefined;
    }
  }
  return match[2] !== undefined ? match[2].replace(/''/g, "'") : match[3];
}

const QUOTE = 34;
const NUMBER_KEY = [DASH, SPACE, ...Array.from('number: ', (c) => c.charCodeAt(0))];

/**
 * The number on a dash line written the usual way, `- number: 22` or
 * `- number: "22"` (digits, nothing after), read off the characters without
 * decoding the line; null for any other line, which NUMBER_ON_DASH_LINE reads.
 */
function plainNumber(at: (i: number) => number, from: number, to: number): string | null {
  let i = from;
  for (const code of NUMBER_KEY) if (at(i++) !== code) return null;
  const quoted = at(i) === QUOTE;
  if (quoted) i++;
  let digits = '';
  for (let code = at(i); code >= 48 && code <= 57; code = at(++i)) digits += String.fromCharCode(code);
  if (!digits || (quoted && at(i++) !== QUOTE)) return null;
  if (at(i) === CR) i++;
  return i === to ? digits : null;
}

/**
 * Cuts a ledger text at its items. An item is an entry of a block list under
 * an `items:` key, at the column of that list's first dash; it runs to the
 * next line that is neither blank nor a comment and is indented no deeper.
 * Undefined for texts whose lines cannot be trusted to say that (directives,
 * several documents, tab indentation): readers then take the file whole.
 * Given the file's UTF-8 bytes instead of its text, offsets are byte offsets
 * (every character the rule looks at is ASCII, which UTF-8 never uses inside
 * another character), so a reader can hash items without decoding the file.
 * Without `numbers`, the number on each dash line is not read (a reader that
 * parses the items anyway saves reading 100,000 lines twice).
 */
export function ledgerLayout(source: string | Uint8Array, { numbers = true }: { numbers?: boolean } = {}): LedgerLayout | undefined {
  const bytes = typeof source === 'string' ? undefined : source;
  const text = typeof source === 'string' ? source : '';
  const length = bytes ? bytes.length : text.length;
  const at = bytes ? (i: number) => (i < length ? bytes[i]! : NaN) : (i: number) => text.charCodeAt(i);
  // The typed array's own indexOf: a Buffer's goes through a JavaScript wrapper, slow in a process's first 100,000 calls.
  const newlineFrom = bytes ? (from: number) => byteIndexOf.call(bytes, LF, from) : (from: number) => text.indexOf('\n', from);
  const lineOf = bytes ? (from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8') : (from: number, to: number) => text.slice(from, to);
  const items: ItemExtent[] = [];
  /** Column at or after which entries of the current `items:` list may stand; -1 outside a list. */
  let listFrom = -1;
  /** Column of the current list's dashes, once its first entry is seen. */
  let listIndent = -1;
  let open: ItemExtent | undefined;
  let crlf = false;
  for (let start = 0; start < length; ) {
    const newline = newlineFrom(start);
    const end = newline < 0 ? length : newline + 1;
    const lineEnd = newline < 0 ? length : newline;
    if (newline > 0 && at(newline - 1) === CR) crlf = true;
    const first = at(start);
    // A directive or a document marker: the file is not one plain document.
    if (first === PERCENT || ((first === DASH || first === DOT) && at(start + 1) === first && at(start + 2) === first)) return undefined;
    let spaces = 0;
    while (at(start + spaces) === SPACE) spaces++;
    const next = at(start + spaces);
    if (next === TAB) return undefined;
    const blank = start + spaces >= end || next === LF || next === CR || next === HASH_SIGN;
    if (!blank) {
      if (open && spaces > open.indent) {
        start = end;
        continue;
      }
      if (open) {
        open.end = start;
        open = undefined;
      }
      const after = at(start + spaces + 1);
      const dash = next === DASH && (after === SPACE || after === LF || after === CR || Number.isNaN(after));
      if (listFrom >= 0 && dash && (listIndent < 0 ? spaces >= listFrom : spaces === listIndent)) {
        listIndent = spaces;
        open = { start, end: length, indent: spaces, number: numbers ? (plainNumber(at, start + spaces, lineEnd) ?? numberOf(lineOf(start, lineEnd))) : undefined };
        items.push(open);
      } else {
        if (listFrom >= 0 && (listIndent < 0 || spaces <= listIndent)) listFrom = listIndent = -1;
        const key = ITEMS_KEY.exec(lineOf(start, lineEnd));
        if (key) {
          // Entries of a block list stand at the key's column or deeper (a key after `- ` counts from its own column).
          listFrom = key[1]!.length;
          listIndent = -1;
        }
      }
    }
    start = end;
  }
  if (open) open.end = length;
  return { items, eol: crlf ? '\r\n' : '\n' };
}

/** The one item written with this number on its dash line; undefined when none or several are. */
export function itemNumbered(layout: LedgerLayout, number: string): ItemExtent | undefined {
  let found: ItemExtent | undefined;
  for (const item of layout.items) {
    if (item.number !== number) continue;
    if (found) return undefined;
    found = item;
  }
  return found;
}

/** The text before item `index` and after the one before it (the plan and headings before the first; `index === items.length` gives the tail). */
export function gapBefore(text: string, layout: LedgerLayout, index: number): string {
  const from = index === 0 ? 0 : layout.items[index - 1]!.end;
  const to = index < layout.items.length ? layout.items[index]!.start : text.length;
  return text.slice(from, to);
}
