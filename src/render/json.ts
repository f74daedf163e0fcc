// Characters that reorder or hide text when a JSON file is shown in a terminal or an editor
// (bidi controls, Trojan Source) or that end a line in JavaScript: written as \u escapes,
// which every JSON reader turns back into the same characters.
const INVISIBLE = /[\u0080-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A value as indented JSON with a final newline; bidi and other invisible controls escaped as \u202e. */
export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(INVISIBLE, escape) + '\n';
}
