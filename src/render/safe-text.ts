import { eastAsianWidth } from 'get-east-asian-width';

// CSI/OSC escape sequences first (so their parameters go too), then lone controls,
// C1 controls and bidi overrides that can disguise text in a terminal.
const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?/g;
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Text from a ledger or notice made safe to print: no escape sequences or control characters. */
export function safeText(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '');
}

/** Safe text on one line: newlines and tabs become spaces. */
export function safeLine(text: string): string {
  return safeText(text).replace(/[\t\n]+/g, ' ');
}

// Zero-width: combining marks, variation selectors, zero-width space/joiners.
const ZERO_WIDTH = /[\u0300-\u036F\u200B-\u200F\uFE00-\uFE0F]/;

/**
 * Columns the text takes in a terminal: CJK characters take two. A code-point
 * lookup rather than string-width, whose grapheme segmenter costs ~40 ms to
 * start; ledger text is Chinese, not emoji sequences.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** Columns one character takes; the common cases (ASCII, CJK ideographs and punctuation) without a table lookup. */
function charWidth(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code >= 0x20 && code < 0x7f) return 1;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x303e) || (code >= 0xff01 && code <= 0xff60)) return 2;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0) || ZERO_WIDTH.test(ch)) return 0;
  return code < 0x1100 ? 1 : eastAsianWidth(code);
}

/** Shortens text to at most `width` columns, ending with … when cut. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/** Pads text with spaces to `width` columns. */
export function padToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const pad = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + pad : pad + text;
}
