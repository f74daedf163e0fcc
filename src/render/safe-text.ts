import { NARROW } from './text-width.js';

// CSI/OSC escape sequences first (so their parameters go too), then lone controls,
// C1 controls and bidi overrides that can disguise text in a terminal.
const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?/g;
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// Any character either function would change (escapes start with ESC, which is a control): most text has none,
// and one test is cheaper than three replaces over every cell of a 10,000-row table.
const ANY_CHANGED = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Text from a ledger or notice made safe to print: no escape sequences or control characters. */
export function safeText(text: string): string {
  if (!ANY_CHANGED.test(text)) return text;
  return text.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '');
}

/** Safe text on one line: newlines and tabs become spaces. */
export function safeLine(text: string): string {
  if (!ANY_CHANGED.test(text)) return text;
  return safeText(text).replace(/[\t\n]+/g, ' ');
}

/** Columns the text takes in a terminal (CJK characters take two; Ambiguous ones one, see text-width.ts). */
export function displayWidth(text: string): number {
  return NARROW.of(text);
}

/** Shortens text to at most `width` columns, ending with ⋯ when cut. */
export function truncateToWidth(text: string, width: number): string {
  return NARROW.truncate(text, width);
}

/** Pads text with spaces to `width` columns. */
export function padToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  return NARROW.pad(text, width, align);
}
