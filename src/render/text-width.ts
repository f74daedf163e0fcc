import { eastAsianWidth } from 'get-east-asian-width';
import { ambiguousCountsWide } from './ambiguous-width.js';

/**
 * How many columns text takes in a terminal. CJK characters take two; the
 * East Asian "Ambiguous" ones (“ ” · … ─ █) take one or two depending on the
 * terminal: one in most (tmux, VS Code), two in Chinese-locale consoles and in
 * iTerm2 / Windows Terminal / xterm -cjk_width when set so. gongkai's own
 * table chrome avoids them; ledger text (“互联网+政务服务”) cannot, so the
 * count follows the user's terminal.
 */
export interface TextWidth {
  /** Whether Ambiguous characters count as two columns. */
  readonly ambiguousWide: boolean;
  of(text: string): number;
  /** Shortens text to at most `width` columns, ending with ⋯ when cut. */
  truncate(text: string, width: number): string;
  /** Pads text with spaces to `width` columns. */
  pad(text: string, width: number, align?: 'left' | 'right'): string;
  /** Breaks text into lines of at most `width` columns: between CJK characters or at spaces, never inside a Latin word or number. */
  wrap(text: string, width: number, indent?: string): string[];
}

/** The mark of shortened text: U+22EF is Neutral width, one column in every terminal (… is Ambiguous). */
export const ELLIPSIS = '⋯';

// Zero-width: combining marks, variation selectors, zero-width space/joiners.
const ZERO_WIDTH = /[\u0300-\u036F\u200B-\u200F\uFE00-\uFE0F]/;

function charWidth(ch: string, ambiguousWide: boolean): number {
  const code = ch.codePointAt(0)!;
  if (code >= 0x20 && code < 0x7f) return 1;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x303e) || (code >= 0xff01 && code <= 0xff60)) return 2;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0) || ZERO_WIDTH.test(ch)) return 0;
  // A code-point lookup rather than string-width, whose grapheme segmenter costs ~40 ms to start.
  return eastAsianWidth(code, { ambiguousAsWide: ambiguousWide });
}

/** Latin letters, digits and the marks that belong inside a word or number: a line never breaks among them. */
const WORD_CHAR = /[A-Za-z0-9_.,:;!?'"()[\]{}<>/\\|@#$%^&*+=~`-]/;

const SOFT_BREAK_AFTER = /^[，。、；：！？）」』】,;)]$/;
const NO_LINE_START = /^[）】」』》〉，。、；：！？％)\]}]/;

/** Text of one column per character. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Printable ASCII and the common wide characters (CJK ideographs and
 * punctuation, katakana such as the ・ between status and marker, full-width
 * forms): one or two columns in every terminal, as charWidth counts them.
 */
const COMMON = /^[\x20-\x7e\u3000-\u303e\u30a0-\u30ff\u4e00-\u9fff\uff01-\uff60]*$/;
/** Runs of other characters (UTF-16 code units: a surrogate pair stays within one run). */
const UNCOMMON_RUNS = /[^\x20-\x7e\u3000-\u303e\u30a0-\u30ff\u4e00-\u9fff\uff01-\uff60]+/g;

/** Columns of text of the common characters alone: in UTF-8 the ASCII ones take one byte and the wide ones three, so each wide one is two bytes more. */
function commonWidth(text: string): number {
  return text.length + (Buffer.byteLength(text, 'utf8') - text.length) / 2;
}

/**
 * The columns of text made only of printable ASCII and the common wide
 * characters (which safe-text.ts leaves as they are); -1 for text with any
 * other character. Without a loop in JavaScript: a cold run interprets loops,
 * about 3 µs for a table cell, and a 10,000-row table has 70,000 of them.
 */
export function commonTextWidth(text: string): number {
  return COMMON.test(text) ? commonWidth(text) : -1;
}

function makeTextWidth(ambiguousWide: boolean): TextWidth {
  // By character: the Unicode table lookup walks hundreds of ranges, and ledger text repeats a few characters (“ ”) thousands of times.
  const charWidths = new Map<string, number>();
  const width = (ch: string) => {
    const code = ch.charCodeAt(0);
    if (code >= 0x20 && code < 0x7f) return 1;
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x303e) || (code >= 0xff01 && code <= 0xff60)) return 2;
    let w = charWidths.get(ch);
    if (w === undefined) charWidths.set(ch, (w = charWidth(ch, ambiguousWide)));
    return w;
  };
  // A table measures each cell several times (layout, truncation, padding) and repeats many (dates, names, states).
  const known = new Map<string, number>();
  const of = (text: string) => {
    if (PRINTABLE_ASCII.test(text)) return text.length;
    if (COMMON.test(text)) return commonWidth(text);
    // Long text is seldom measured twice (a table measures each cell once): looked up or kept, it would only cost.
    const short = text.length <= 64;
    let total = short ? known.get(text) : undefined;
    if (total !== undefined) return total;
    // The common characters counted together, the few others one by one (by code point).
    total = commonWidth(text.replace(UNCOMMON_RUNS, ''));
    for (const run of text.match(UNCOMMON_RUNS)!) for (const ch of run) total += width(ch);
    if (short && known.size < 100_000) known.set(text, total);
    return total;
  };
  return {
    ambiguousWide,
    of,
    truncate(text, max) {
      if (of(text) <= max) return text;
      let out = '';
      let used = 0;
      for (const ch of text) {
        const w = width(ch);
        if (used + w > max - 1) break;
        out += ch;
        used += w;
      }
      return out + ELLIPSIS;
    },
    pad(text, max, align = 'left') {
      const pad = ' '.repeat(Math.max(0, max - of(text)));
      return align === 'left' ? text + pad : pad + text;
    },
    wrap(text, max, indent = '') {
      // Text that fits is one line (widths add up unit by unit, so no unit would break it): piped output, whose width
      // is unbounded, wraps every title, heading and note so.
      if (of(text) <= max) return [text.trimEnd()];
      return wrapUnits(of, text, max, indent);
    },
  };
}

/**
 * Text broken into lines of at most `max` columns (TextWidth.wrap), unit by unit; exported for the test that
 * compares it with wrap's shortcut for text that fits.
 */
export function wrapUnits(of: (text: string) => number, text: string, max: number, indent: string): string[] {
  // Units that stay whole: a Latin word or number with its punctuation, a space, or one other character.
  const units = text.match(/[A-Za-z0-9_.,:;!?'"()[\]{}<>/\\|@#$%^&*+=~`-]+| +|[^]/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  // Where the line could break best: after a space or punctuation, so 养老服务司 stays whole when it can.
  let soft = -1;
  for (const unit of units) {
    const w = of(unit);
    if (used + w > max && line.trim()) {
      let carried: string;
      if (!unit.startsWith(' ') && soft > indent.length && of(line.slice(soft)) + w <= Math.min(16, max / 3)) carried = line.slice(soft);
      // Closing punctuation never starts a line: the character before it moves down with it.
      else carried = NO_LINE_START.test(unit) && [...line.trim()].length > 1 ? [...line].pop()! : '';
      lines.push(line.slice(0, line.length - carried.length).trimEnd());
      line = indent + carried;
      used = of(line);
      soft = -1;
      if (unit.startsWith(' ')) continue;
    }
    // A single word wider than the line is cut rather than let the terminal wrap it.
    if (w > max - used && WORD_CHAR.test(unit[0]!)) {
      let piece = '';
      for (const ch of unit) {
        if (used + of(piece + ch) > max) {
          lines.push((line + piece).trimEnd());
          line = indent;
          used = of(indent);
          piece = '';
        }
        piece += ch;
      }
      line += piece;
      used += of(piece);
      continue;
    }
    line += unit;
    used += w;
    if (unit.startsWith(' ') || SOFT_BREAK_AFTER.test(unit)) soft = line.length;
  }
  if (line.trim() || !lines.length) lines.push(line.trimEnd());
  return lines;
}

/** Ambiguous characters as one column: what most terminals do. */
export const NARROW: TextWidth = makeTextWidth(false);
/** Ambiguous characters as two columns: Chinese-locale consoles, -cjk_width terminals. */
export const WIDE: TextWidth = makeTextWidth(true);

/** The convention of the user's terminal (ambiguous-width.ts): Ambiguous characters two columns wide or one. */
export function terminalTextWidth(env: Readonly<Record<string, string | undefined>>): TextWidth {
  return ambiguousCountsWide(env) ? WIDE : NARROW;
}
