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

/** The character (UTF-16 unit of a text, byte of UTF-8 bytes) at `i`; -1 past the end. */
function codeAt(bytes: Uint8Array | undefined, text: string, i: number): number {
  if (bytes) return i < bytes.length ? bytes[i]! : -1;
  return i < text.length ? text.charCodeAt(i) : -1;
}

/** The characters from `from` to `to`, decoded. */
function lineOf(bytes: Uint8Array | undefined, text: string, from: number, to: number): string {
  return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8') : text.slice(from, to);
}

/** Columns of spaces the line at `start` begins with. */
function indentAt(bytes: Uint8Array | undefined, text: string, start: number): number {
  let spaces = 0;
  if (bytes) while (bytes[start + spaces] === SPACE) spaces++;
  else while (text.charCodeAt(start + spaces) === SPACE) spaces++;
  return spaces;
}

/** Whether a line is blank given the character after its indentation (codeAt): nothing more, or a comment. */
const isBlank = (next: number) => next < 0 || next === LF || next === CR || next === HASH_SIGN;

/**
 * The start of the first line from `start` on that is neither blank nor indented deeper than `indent` (the
 * line that ends an open item), or the end of the piece; -1 at a line indented with a tab. The scan's own
 * rule (LayoutScan.lines), for the lines inside an item, which are most lines of a ledger.
 */
function pastItem(bytes: Uint8Array | undefined, text: string, start: number, indent: number, byStartsWith: boolean): number {
  if (byStartsWith) return pastItemInText(text, start, indent);
  const length = bytes ? bytes.length : text.length;
  while (start < length) {
    const spaces = indentAt(bytes, text, start);
    const next = codeAt(bytes, text, start + spaces);
    if (next === TAB) return -1;
    if (spaces <= indent && !isBlank(next)) return start;
    const newline: number = bytes ? byteIndexOf.call(bytes, LF, start + spaces) : text.indexOf('\n', start + spaces);
    if (newline < 0) return length;
    start = newline + 1;
  }
  return length;
}

/**
 * Texts shorter than this (in UTF-16 units: a ledger of a few hundred items) pass their items' lines by
 * pastItemInText. In a longer one the loop that counts spaces runs long enough for V8's optimised code to pay
 * for its compiling, and is then faster than a startsWith a line (5 ms more over a 10,000-item ledger).
 */
const BY_STARTS_WITH = 1 << 18;

/** `indent + 1` spaces, by `indent`: the start of a line inside an item at that column. */
const deeperThan: string[] = [];

/**
 * pastItem for a short text without a tab (BY_STARTS_WITH): a line that starts with more than `indent` spaces
 * is inside the item, known by one startsWith instead of counting its spaces a character at a time (that count
 * was the hottest function of a cold view of the shipped ledger, and V8 spent 1.5 ms of CPU optimising it);
 * only the lines at the item's column or left of it are looked at further. Without a tab, the only thing
 * pastItem's rule reads after the spaces is whether the line is blank.
 */
function pastItemInText(text: string, start: number, indent: number): number {
  const length = text.length;
  const deeper = (deeperThan[indent] ??= ' '.repeat(indent + 1));
  while (start < length) {
    let from = start + deeper.length;
    if (!text.startsWith(deeper, start)) {
      from = start + indentAt(undefined, text, start);
      if (!isBlank(codeAt(undefined, text, from))) return start;
    }
    const newline = text.indexOf('\n', from);
    if (newline < 0) return length;
    start = newline + 1;
  }
  return length;
}

/**
 * Whether a line of the piece ends in CR LF: looked for once a piece, not at every line, by node's own search
 * (the typed array's indexOf looks at one byte at a time, 25 ms over 58 MB that hold no CR).
 */
function hasCrlf(bytes: Uint8Array | undefined, text: string): boolean {
  return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes('\r\n') : text.includes('\r\n');
}

/**
 * The number on a dash line written the usual way, `- number: 22` or
 * `- number: "22"` (digits, nothing after), read off the characters without
 * decoding the line; null for any other line, which NUMBER_ON_DASH_LINE reads.
 */
function plainNumber(bytes: Uint8Array | undefined, text: string, from: number, to: number): string | null {
  let i = from;
  for (const code of NUMBER_KEY) if (codeAt(bytes, text, i++) !== code) return null;
  const quoted = codeAt(bytes, text, i) === QUOTE;
  if (quoted) i++;
  let digits = '';
  for (let code = codeAt(bytes, text, i); code >= 48 && code <= 57; code = codeAt(bytes, text, ++i)) digits += String.fromCharCode(code);
  if (!digits || (quoted && codeAt(bytes, text, i++) !== QUOTE)) return null;
  if (codeAt(bytes, text, i) === CR) i++;
  return i === to ? digits : null;
}

/**
 * Cuts a ledger text at its items, read piece by piece: each piece is whole
 * lines (the last may end the text without a line break), so a reader can
 * pass a large file through one buffer without holding it whole. An item is
 * an entry of a block list under an `items:` key, at the column of that list's
 * first dash; it runs to the next line that is neither blank nor a comment and
 * is indented no deeper. The layout is undefined for texts whose lines cannot
 * be trusted to say that (directives, several documents, tab indentation):
 * readers then take the file whole. Given UTF-8 bytes instead of text, offsets
 * are byte offsets (every character the rule looks at is ASCII, which UTF-8
 * never uses inside another character), so a reader can hash items without
 * decoding the file. Without `numbers`, the number on each dash line is not
 * read (a reader that parses the items anyway saves reading 100,000 lines twice).
 */
export class LayoutScan {
  /** Items so far, in file order; the last is still open (its end not yet known) while `open` says so. */
  readonly items: ItemExtent[] = [];
  /** Column at or after which entries of the current `items:` list may stand; -1 outside a list. */
  private listFrom = -1;
  /** Column of the current list's dashes, once its first entry is seen. */
  private listIndent = -1;
  private openItem: ItemExtent | undefined;
  private crlf = false;
  /** False once a line shows the text cannot be cut. */
  private cuttable = true;

  constructor(private readonly numbers = true) {}

  /** Whether the last item may still grow: the lines after it so far are its own, or blank. */
  get open(): boolean {
    return this.openItem !== undefined;
  }

  /**
   * Reads the lines of one piece, which stands at `base` in the whole text:
   * offsets found are `base` plus the offset in the piece. False once the text
   * cannot be cut (further pieces need not be read).
   */
  lines(source: string | Uint8Array, base = 0): boolean {
    if (!this.cuttable) return false;
    const bytes = typeof source === 'string' ? undefined : source;
    const text = typeof source === 'string' ? source : '';
    const length = source.length;
    const numbers = this.numbers;
    const items = this.items;
    let { listFrom, listIndent, openItem: open } = this;
    this.crlf ||= hasCrlf(bytes, text);
    const byStartsWith = !bytes && text.length < BY_STARTS_WITH && !text.includes('\t');
    for (let start = 0; start < length; ) {
      if (open) {
        // Most lines of a ledger are inside an item: passed over by a loop of their own, small enough to be compiled at once.
        start = pastItem(bytes, text, start, open.indent, byStartsWith);
        if (start < 0) return (this.cuttable = false);
        if (start >= length) break;
      }
      // The typed array's own indexOf: a Buffer's goes through a JavaScript wrapper, slow in a process's first 100,000 calls.
      const newline: number = bytes ? byteIndexOf.call(bytes, LF, start) : text.indexOf('\n', start);
      const end = newline < 0 ? length : newline + 1;
      const lineEnd = newline < 0 ? length : newline;
      const first = codeAt(bytes, text, start);
      // A directive or a document marker: the file is not one plain document.
      if (first === PERCENT || ((first === DASH || first === DOT) && codeAt(bytes, text, start + 1) === first && codeAt(bytes, text, start + 2) === first)) return (this.cuttable = false);
      const spaces = indentAt(bytes, text, start);
      const next = codeAt(bytes, text, start + spaces);
      if (next === TAB) return (this.cuttable = false);
      if (!isBlank(next)) {
        // Not deeper than an open item (pastItem passed those): it ends the item.
        if (open) {
          open.end = base + start;
          open = undefined;
        }
        const after = codeAt(bytes, text, start + spaces + 1);
        const dash = next === DASH && (after === SPACE || after === LF || after === CR || after < 0);
        if (listFrom >= 0 && dash && (listIndent < 0 ? spaces >= listFrom : spaces === listIndent)) {
          listIndent = spaces;
          open = { start: base + start, end: base + length, indent: spaces, number: numbers ? (plainNumber(bytes, text, start + spaces, lineEnd) ?? numberOf(lineOf(bytes, text, start, lineEnd))) : undefined };
          items.push(open);
        } else {
          if (listFrom >= 0 && (listIndent < 0 || spaces <= listIndent)) listFrom = listIndent = -1;
          const key = ITEMS_KEY.exec(lineOf(bytes, text, start, lineEnd));
          if (key) {
            // Entries of a block list stand at the key's column or deeper (a key after `- ` counts from its own column).
            listFrom = key[1]!.length;
            listIndent = -1;
          }
        }
      }
      start = end;
    }
    this.listFrom = listFrom;
    this.listIndent = listIndent;
    this.openItem = open;
    return true;
  }

  /** The layout once every piece is read; `length`: the whole text's. */
  finish(length: number): LedgerLayout | undefined {
    if (!this.cuttable) return undefined;
    if (this.openItem) this.openItem.end = length;
    this.openItem = undefined;
    return { items: this.items, eol: this.crlf ? '\r\n' : '\n' };
  }
}

/** Cuts a whole ledger text (or its UTF-8 bytes) at its items (LayoutScan). */
export function ledgerLayout(source: string | Uint8Array, { numbers = true }: { numbers?: boolean } = {}): LedgerLayout | undefined {
  const scan = new LayoutScan(numbers);
  scan.lines(source);
  return scan.finish(source.length);
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
