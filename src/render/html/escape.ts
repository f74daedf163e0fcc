import { safeText } from '../safe-text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Ledger text made safe inside HTML or SVG, in text and in quoted attributes: no markup, no control characters. */
export function esc(text: string | number): string {
  return safeText(String(text)).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * A table cell's text, escaped, with every run of Latin letters, digits and signs that holds a digit (a date,
 * 2021-10-20 → 2021-12-15, 010-58123456) kept on one line: browsers break after a hyphen when a column is narrow,
 * and a date split as 2021-10- / 20 misleads. Chinese text around it still wraps anywhere.
 */
export function escCell(text: string | number): string {
  return esc(text).replace(/[\x21-\x7e]*\d[\x21-\x7e]*/g, (run) => (run.length > 4 && run.includes('-') ? `<span class="nb">${run}</span>` : run));
}
