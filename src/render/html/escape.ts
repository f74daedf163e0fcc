import { safeText } from '../safe-text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Ledger text made safe inside HTML or SVG, in text and in quoted attributes: no markup, no control characters. */
export function esc(text: string | number): string {
  return safeText(String(text)).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
