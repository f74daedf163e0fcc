/**
 * Parses one item chunk (parse-yaml-chunks.ts) laid out the way gongkai writes
 * items (render/ledger-yaml.ts, edit/ledger-text-edit.ts): one key a line, plain
 * and quoted scalars on one line, flow lists of names, flow maps of scalars,
 * block lists (of those, or of mappings) and maps indented under their key.
 * The same reading gives where each node starts (itemShape), as the
 * position-keeping parser gives its ranges: read/item-offsets.ts finds a
 * finding's line and column with it. js-yaml spent most of a
 * 100,000-item ledger's parse on such chunks. Anything outside that grammar
 * (comments inside the item, anchors, tags, single quotes, multi-line scalars,
 * escapes JSON does not have, odd indentation, duplicate keys, tabs, CR) makes it
 * give up, and js-yaml parses the chunk as before; what it accepts must parse
 * to exactly what js-yaml gives (tests/read/parse-item-fast.test.ts).
 */
import { jsYaml } from './js-yaml-library.js';

/** A js-yaml type: whether a plain scalar is of it (its `resolve`), and the value it then stands for. */
interface ImplicitType {
  resolve: (data: string) => boolean;
  construct: (data: string) => unknown;
}

/** The core schema's implicit types (null, bool, int, float), which js-yaml tries in this order on a plain scalar. */
let implicit: { matches: (data: string) => boolean; construct: (data: string) => unknown }[] | undefined;
const implicitTypes = () =>
  (implicit ??= (jsYaml().CORE_SCHEMA as unknown as { compiledImplicit: ImplicitType[] }).compiledImplicit.map((type) => ({
    matches: type.resolve.bind(type),
    construct: type.construct.bind(type),
  })));

/** A decimal integer as gongkai writes item numbers and years: the core schema's int, whose value is the number it spells. */
const PLAIN_DECIMAL = /^(?:0|[1-9][0-9]{0,14})$/;

/**
 * The words the core schema reads as null or a boolean (null, true, false in three cases each): of the plain
 * scalars that start with a letter, only these may be other than a string (every other typed scalar starts with
 * ~, a digit, a sign or a dot). The words themselves are left to js-yaml's types.
 */
const TYPED_WORD = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const isLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;

/**
 * A document whose block collections nest deeper than this is left to js-yaml: it refuses a structure a thousand
 * or so levels deep (it runs out of stack, and the careful parser then says 嵌套过深), which this parser would
 * read; gongkai's files nest a handful of levels.
 */
const MAX_DEPTH = 100;

/** Thrown to give up; caught once, at the top. */
const GIVE_UP = new Error('not in the fast grammar');

/**
 * Characters js-yaml refuses in a scalar (its PATTERN_NON_PRINTABLE), and the ones
 * this parser leaves to it: tab, CR, NEL and the Unicode line separators, BOM, and
 * every surrogate (rare in a ledger; one character class is a much faster scan
 * than js-yaml's test for lone ones).
 */
const LEFT_TO_JS_YAML = /[\t\r\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF\uD800-\uDFFF]/;

/** An anchor, as load-yaml-value.ts looks for it: such a chunk goes where it went before. */
const ANCHOR = /(?:^|[\s[{,])&[^\s,[\]{}]/m;

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const QUOTE = 34;
const APOSTROPHE = 39;
const COLON = 58;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const BACKSLASH = 92;

/** Characters a plain scalar may not start with (YAML's indicators), by code. */
const INDICATOR = new Uint8Array(128);
for (const c of '-?:,[]{}#&*!|>\'"%@` ') INDICATOR[c.charCodeAt(0)] = 1;

/** First characters of the plain scalars the core schema reads as other than a string (~, null, true, false, numbers, .inf). */
const MAY_BE_TYPED = new Uint8Array(128);
for (const c of '~nNtTfF+-.0123456789') MAY_BE_TYPED[c.charCodeAt(0)] = 1;

/** Characters a plain scalar inside a flow collection may not hold here (js-yaml would end it there or read a pair). */
const FLOW_STOP = new Uint8Array(128);
for (const c of ',[]{}:#"\'') FLOW_STOP[c.charCodeAt(0)] = 1;

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Short strings cut from the text, by a hash of their characters: a ledger repeats the same keys, names,
 * statuses and dates on every item, and a short slice is a copy. One string for each saves a few hundred
 * thousand copies that would all live to the end of the run (the garbage collector's work), and lookups
 * by these strings later find their hash already computed.
 */
const SHORT = 24;
const interned: (string | undefined)[] = new Array<string | undefined>(8192).fill(undefined);

function cut(s: string, from: number, to: number): string {
  const length = to - from;
  if (length > SHORT || length <= 0) return s.slice(from, to);
  let h = length;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  const slot = h & 8191;
  const known = interned[slot];
  if (known !== undefined && known.length === length && s.startsWith(known, from)) return known;
  const fresh = s.slice(from, to);
  interned[slot] = fresh;
  return fresh;
}

/** Spaces before `to` dropped. */
function trimEnd(s: string, from: number, to: number): number {
  while (to > from && s.charCodeAt(to - 1) === SPACE) to--;
  return to;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** 2021-06-30: text by the core schema (it has no dates), and every item has a few, so not put to the four resolvers. */
function isDateForm(t: string): boolean {
  return (
    t.length === 10 &&
    t.charCodeAt(4) === DASH &&
    t.charCodeAt(7) === DASH &&
    isDigit(t.charCodeAt(0)) &&
    isDigit(t.charCodeAt(1)) &&
    isDigit(t.charCodeAt(2)) &&
    isDigit(t.charCodeAt(3)) &&
    isDigit(t.charCodeAt(5)) &&
    isDigit(t.charCodeAt(6)) &&
    isDigit(t.charCodeAt(8)) &&
    isDigit(t.charCodeAt(9))
  );
}

/** A plain scalar's value by the core schema, as js-yaml resolves it. */
function plainValue(text: string): unknown {
  const c = text.charCodeAt(0);
  if (c > 127 || !MAY_BE_TYPED[c] || isDateForm(text)) return text;
  if (PLAIN_DECIMAL.test(text)) return Number(text);
  // Keys (number, text, title, notes…) and words: a string unless one of the typed words.
  if (isLetter(c) && !TYPED_WORD.test(text)) return text;
  for (const type of implicitTypes()) if (type.matches(text)) return type.construct(text);
  return text;
}

/** Where a node of an item starts: a scalar's first character, a flow collection's bracket, a block list's first dash, a block map's first key. */
export type ItemShape =
  | { kind: 'scalar'; start: number }
  | { kind: 'seq'; start: number; items: ItemShape[] }
  | { kind: 'map'; start: number; pairs: { key: string; keyAt: number; value: ItemShape }[] };

class ItemParser {
  private readonly s: string;
  /** Whether to note where each node starts (in `shape`, as `pos` notes where a scalar ended): only itemShape asks. */
  private readonly shapes: boolean;
  /** The shape of the node read last, when shapes are noted. */
  private shape: ItemShape | undefined;
  /** Column of the item's dash: comment lines deeper than it are left to js-yaml. */
  private dashColumn = 0;
  /** The current content line: its start, end (its newline or the text's end) and indent; indent -1 past the end. */
  private lineStart = 0;
  private lineEnd = 0;
  private indent = -1;
  /** Where the last scalar or flow collection read on a line ended (returned this way, not in a tuple, to spare the garbage). */
  private pos = 0;
  /** Block collections open around the one being read, and how many a document may have (MAX_DEPTH; an item has no bound, as before). */
  private depth = 0;
  private maxDepth = Infinity;

  constructor(text: string, shapes = false) {
    this.s = text;
    this.shapes = shapes;
  }

  parse(): unknown {
    const s = this.s;
    this.advance(0, Infinity);
    const dash = this.lineStart + this.indent;
    if (this.indent < 0 || s.charCodeAt(dash) !== DASH || s.charCodeAt(dash + 1) !== SPACE) throw GIVE_UP;
    this.dashColumn = this.indent;
    let key = dash + 1;
    while (s.charCodeAt(key) === SPACE) key++;
    if (key >= this.lineEnd) throw GIVE_UP;
    const item = this.mapping(key - this.lineStart, key);
    if (this.indent >= 0) throw GIVE_UP;
    if (this.shapes) this.shape = { kind: 'seq', start: dash, items: [this.shape!] };
    return item;
  }

  /**
   * A whole document whose top level is a block mapping at column 0, with comment lines only at column 0
   * (a comment deeper than that may sit inside a scalar js-yaml continues: left to it, as in an item).
   */
  parseDocument(): unknown {
    this.maxDepth = MAX_DEPTH;
    this.advance(0);
    if (this.indent !== 0) throw GIVE_UP;
    const value = this.mapping(0, this.lineStart);
    if (this.indent >= 0) throw GIVE_UP;
    return value;
  }

  /** Where each node of the item starts (parse first). */
  shapeOf(): ItemShape {
    return this.shape!;
  }

  /** Moves to the first line at or after `from` that is neither blank nor a comment. */
  private advance(from: number, commentsUpTo = this.dashColumn): void {
    const s = this.s;
    const length = s.length;
    let p = from;
    while (p < length) {
      let end = s.indexOf('\n', p);
      if (end < 0) end = length;
      let i = p;
      while (i < end && s.charCodeAt(i) === SPACE) i++;
      if (i === end) {
        p = end + 1;
        continue;
      }
      if (s.charCodeAt(i) === HASH) {
        if (i - p > commentsUpTo) throw GIVE_UP;
        p = end + 1;
        continue;
      }
      this.lineStart = p;
      this.lineEnd = end;
      this.indent = i - p;
      return;
    }
    this.lineStart = this.lineEnd = length;
    this.indent = -1;
  }

  /** A block mapping whose keys stand at `column`; its first key starts at `at` on the current line. */
  private mapping(column: number, at: number): Record<string, unknown> {
    if (++this.depth > this.maxDepth) throw GIVE_UP;
    const s = this.s;
    const result: Record<string, unknown> = {};
    const pairs: { key: string; keyAt: number; value: ItemShape }[] | undefined = this.shapes ? [] : undefined;
    for (let p = at; ; p = this.lineStart + column) {
      const end = this.lineEnd;
      const colon = s.indexOf(':', p);
      if (colon < 0 || colon >= end) throw GIVE_UP;
      const key = checkedKey(cut(s, p, colon));
      const after = colon + 1;
      let value: unknown;
      if (after === end) {
        this.advance(end + 1);
        if (this.indent > column) {
          value = this.nested(this.indent);
          if (this.indent > column) throw GIVE_UP;
        } else {
          value = null;
          // The position-keeping parser places a null just after its colon.
          if (this.shapes) this.shape = { kind: 'scalar', start: after };
        }
      } else {
        if (s.charCodeAt(after) !== SPACE) throw GIVE_UP;
        let v = after + 1;
        while (v < end && s.charCodeAt(v) === SPACE) v++;
        if (v === end) throw GIVE_UP;
        value = this.inline(v, end);
        this.advance(end + 1);
        // A deeper line would continue the scalar or be an error: js-yaml's to judge.
        if (this.indent > column) throw GIVE_UP;
      }
      if (hasOwn.call(result, key)) throw GIVE_UP;
      result[key] = value;
      pairs?.push({ key, keyAt: p, value: this.shape! });
      if (this.indent !== column) {
        if (pairs) this.shape = { kind: 'map', start: at, pairs };
        this.depth--;
        return result;
      }
    }
  }

  /** The block list or mapping that starts on the current line, at `column`. */
  private nested(column: number): unknown {
    const s = this.s;
    const at = this.lineStart + column;
    if (s.charCodeAt(at) === DASH && (at + 1 === this.lineEnd || s.charCodeAt(at + 1) === SPACE)) return this.sequence(column);
    return this.mapping(column, at);
  }

  /** A block list whose dashes stand at `column`: each entry a value on its line, or a mapping whose first key follows the dash. */
  private sequence(column: number): unknown[] {
    if (++this.depth > this.maxDepth) throw GIVE_UP;
    const s = this.s;
    const result: unknown[] = [];
    const items: ItemShape[] | undefined = this.shapes ? [] : undefined;
    const start = this.lineStart + column;
    for (;;) {
      const end = this.lineEnd;
      const dash = this.lineStart + column;
      if (s.charCodeAt(dash) !== DASH || s.charCodeAt(dash + 1) !== SPACE) throw GIVE_UP;
      let v = dash + 2;
      while (v < end && s.charCodeAt(v) === SPACE) v++;
      if (v === end) throw GIVE_UP;
      if (startsPair(s, v, end)) {
        // `- key: value`, and the entry's further keys under the first: a mapping (mapping moves past its lines).
        result.push(this.mapping(v - this.lineStart, v));
      } else {
        result.push(this.inline(v, end));
        this.advance(end + 1);
      }
      items?.push(this.shape!);
      if (this.indent > column) throw GIVE_UP;
      if (this.indent !== column) {
        if (items) this.shape = { kind: 'seq', start, items };
        this.depth--;
        return result;
      }
    }
  }

  /** The value written from `at` to the line's end `end`: double-quoted, a flow list or map, or plain. */
  private inline(at: number, end: number): unknown {
    const s = this.s;
    const c = s.charCodeAt(at);
    let value: unknown;
    if (c === QUOTE || c === APOSTROPHE) value = this.quotedAt(at, end);
    else if (c === OPEN_BRACKET) value = this.flowList(at, end);
    else if (c === OPEN_BRACE) value = this.flowMap(at, end);
    else {
      if (this.shapes) this.shape = { kind: 'scalar', start: at };
      return blockPlain(cut(s, at, trimEnd(s, at, end)));
    }
    let p = this.pos;
    while (p < end && s.charCodeAt(p) === SPACE) p++;
    if (p !== end) throw GIVE_UP;
    return value;
  }

  /** A quoted scalar on one line, double or single: its value; `pos` after its closing quote. */
  private quotedAt(at: number, end: number): string {
    if (this.shapes) this.shape = { kind: 'scalar', start: at };
    return this.s.charCodeAt(at) === QUOTE ? this.quoted(at, end) : this.singleQuoted(at, end);
  }

  /** A single-quoted scalar on one line: `''` stands for one quote, and there are no other escapes. */
  private singleQuoted(at: number, end: number): string {
    const s = this.s;
    let p = at + 1;
    let doubled = false;
    for (; ; p++) {
      if (p >= end) throw GIVE_UP;
      if (s.charCodeAt(p) !== APOSTROPHE) continue;
      if (s.charCodeAt(p + 1) !== APOSTROPHE || p + 1 >= end) break;
      doubled = true;
      p++;
    }
    const raw = cut(s, at + 1, p);
    this.pos = p + 1;
    return doubled ? raw.replaceAll("''", "'") : raw;
  }

  /** A double-quoted scalar on one line: its value and the offset after its closing quote. */
  private quoted(at: number, end: number): string {
    const s = this.s;
    let escaped = false;
    let p = at + 1;
    for (; ; p++) {
      if (p >= end) throw GIVE_UP;
      const c = s.charCodeAt(p);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        p++;
      }
    }
    const raw = cut(s, at + 1, p);
    this.pos = p + 1;
    if (!escaped) return raw;
    // JSON's escapes mean the same in YAML; any other (\x41, \e, \N …) is js-yaml's to read.
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      throw GIVE_UP;
    }
  }

  /** A scalar inside a flow collection, ending before `,` or the closing bracket. */
  private flowScalar(at: number, end: number): unknown {
    const s = this.s;
    if (s.charCodeAt(at) === QUOTE || s.charCodeAt(at) === APOSTROPHE) return this.quotedAt(at, end);
    if (this.shapes) this.shape = { kind: 'scalar', start: at };
    let p = at;
    for (; p < end; p++) {
      const c = s.charCodeAt(p);
      if (c < 128 && FLOW_STOP[c]) break;
    }
    const c = s.charCodeAt(p);
    if (c !== COMMA && c !== CLOSE_BRACKET && c !== CLOSE_BRACE) throw GIVE_UP;
    let last = p;
    while (last > at && s.charCodeAt(last - 1) === SPACE) last--;
    if (last === at) throw GIVE_UP;
    const text = cut(s, at, last);
    const first = text.charCodeAt(0);
    if (first < 128 && INDICATOR[first]) throw GIVE_UP;
    if (text.includes(' #')) throw GIVE_UP;
    this.pos = p;
    return plainValue(text);
  }

  /** Skips spaces; then `,` (another entry follows) or the closing character (the collection ends). */
  private flowNext(p: number, end: number, close: number): boolean {
    const s = this.s;
    while (p < end && s.charCodeAt(p) === SPACE) p++;
    const c = s.charCodeAt(p);
    if (p < end && c === close) {
      this.pos = p + 1;
      return false;
    }
    if (p >= end || c !== COMMA) throw GIVE_UP;
    p++;
    while (p < end && s.charCodeAt(p) === SPACE) p++;
    // `[a, ]`: left to js-yaml.
    if (p >= end || s.charCodeAt(p) === close) throw GIVE_UP;
    this.pos = p;
    return true;
  }

  /** Past a flow collection's opening bracket at `at`: where its first entry starts, or -1 when it closes at once (`[]`, `{ }`; pos is then past the close). */
  private flowOpen(at: number, end: number, close: number): number {
    const s = this.s;
    let p = at + 1;
    while (p < end && s.charCodeAt(p) === SPACE) p++;
    if (p < end && s.charCodeAt(p) === close) {
      this.pos = p + 1;
      return -1;
    }
    return p;
  }

  /** `[a, "b", c]` on one line. */
  private flowList(at: number, end: number): unknown[] {
    const result: unknown[] = [];
    const items: ItemShape[] | undefined = this.shapes ? [] : undefined;
    let p = this.flowOpen(at, end, CLOSE_BRACKET);
    for (let more = p >= 0; more; p = this.pos) {
      result.push(this.flowScalar(p, end));
      items?.push(this.shape!);
      more = this.flowNext(this.pos, end, CLOSE_BRACKET);
    }
    if (items) this.shape = { kind: 'seq', start: at, items };
    return result;
  }

  /** `{ key: value, key: "value" }` on one line, values scalars. */
  private flowMap(at: number, end: number): Record<string, unknown> {
    const s = this.s;
    const result: Record<string, unknown> = {};
    const pairs: { key: string; keyAt: number; value: ItemShape }[] | undefined = this.shapes ? [] : undefined;
    let p = this.flowOpen(at, end, CLOSE_BRACE);
    for (let more = p >= 0; more; p = this.pos) {
      let colon = p;
      while (colon < end && s.charCodeAt(colon) !== COLON) colon++;
      if (colon >= end || s.charCodeAt(colon + 1) !== SPACE) throw GIVE_UP;
      const key = checkedKey(cut(s, p, trimEnd(s, p, colon)));
      let v = colon + 2;
      while (v < end && s.charCodeAt(v) === SPACE) v++;
      const c = s.charCodeAt(v);
      if (v >= end || c === COMMA || c === CLOSE_BRACE) throw GIVE_UP;
      const value = this.flowScalar(v, end);
      if (hasOwn.call(result, key)) throw GIVE_UP;
      result[key] = value;
      pairs?.push({ key, keyAt: p, value: this.shape! });
      more = this.flowNext(this.pos, end, CLOSE_BRACE);
    }
    if (pairs) this.shape = { kind: 'map', start: at, pairs };
    return result;
  }
}

/** Whether a block list's entry from `at` to `end` starts a mapping (`key: value`, `key:`): its first colon ends the line or comes before a space. */
function startsPair(s: string, at: number, end: number): boolean {
  const c = s.charCodeAt(at);
  if (c === QUOTE || c === APOSTROPHE || c === OPEN_BRACKET || c === OPEN_BRACE) return false;
  const colon = s.indexOf(':', at);
  return colon >= 0 && colon < end && (colon + 1 === end || s.charCodeAt(colon + 1) === SPACE);
}

/** A plain scalar in block context, one line, its trailing spaces already dropped: comments and `: ` left to js-yaml. */
function blockPlain(text: string): unknown {
  const first = text.charCodeAt(0);
  if (first < 128 && INDICATOR[first]) throw GIVE_UP;
  if (text.includes(': ') || text.includes(' #') || text.charCodeAt(text.length - 1) === COLON) throw GIVE_UP;
  return plainValue(text);
}

/** Keys already found to read back as themselves (the same few on every item). */
const goodKeys = new Set<string>();

/** Keys kept to what reads back as the same string: no indicators, nothing typed, no merge key, no __proto__. */
function checkedKey(key: string): string {
  if (goodKeys.has(key)) return key;
  if (!key || key.length > 256 || key === '<<' || key === '__proto__') throw GIVE_UP;
  const first = key.charCodeAt(0);
  if (first < 128 && INDICATOR[first]) throw GIVE_UP;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 128 && (FLOW_STOP[c] || c === SPACE)) throw GIVE_UP;
  }
  if (plainValue(key) !== key) throw GIVE_UP;
  if (goodKeys.size < 1000) goodKeys.add(key);
  return key;
}

/**
 * The value of one item chunk (a block list of one entry, the item), or
 * undefined when the chunk is not in the grammar above: js-yaml then parses it.
 */
export function parseItemFast(chunk: string): unknown {
  return attempt(chunk, false, valueOf);
}

/** Where each node of one item chunk starts (ItemShape), or undefined when the chunk is not in the grammar above. */
export function itemShape(chunk: string): ItemShape | undefined {
  return attempt(chunk, true, shapeOf);
}

/**
 * The value of a whole YAML document in the same grammar whose top level is a block mapping at column 0 (a
 * ledger's skeleton, a department registry, gongkai.yaml), or undefined when it is not: js-yaml then reads it.
 */
export function parseDocumentFast(text: string): unknown {
  return attempt(text, false, documentOf);
}

const documentOf = (parser: ItemParser) => parser.parseDocument();
const valueOf = (parser: ItemParser) => parser.parse();
const shapeOf = (parser: ItemParser) => (parser.parse(), parser.shapeOf());

/** `read` of a parser of the chunk; undefined when the chunk is not in the grammar. */
function attempt<T>(chunk: string, shapes: boolean, read: (parser: ItemParser) => T): T | undefined {
  if (LEFT_TO_JS_YAML.test(chunk) || (chunk.includes('&') && ANCHOR.test(chunk))) return undefined;
  try {
    return read(new ItemParser(chunk, shapes));
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}
