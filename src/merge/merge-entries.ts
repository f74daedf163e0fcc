import type { SeqChunks } from './ledger-chunks.js';

/** A value as text with its keys sorted: two entries are the same entry when this matches. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}

/** A progress note's `date`, a postponement's `on`. */
const dateOf = (value: unknown) => {
  const entry = value as { date?: unknown; on?: unknown } | null;
  return String(entry?.date ?? entry?.on ?? '');
};
const sortKey = (value: unknown) => `${dateOf(value)}\u0000${canonicalJson(value)}`;

/**
 * Merges a trail (progress notes, postponements) both sides added to: ours in
 * its order, less the entries theirs removed, plus the entries only theirs
 * added, each placed by date (ties by content, so both clones agree). An
 * entry both sides added is kept once. Ours' layout is kept; theirs' entries
 * are re-indented to it. Undefined when an entry cannot be moved as text.
 */
export function mergeEntries(base: SeqChunks | undefined, ours: SeqChunks, theirs: SeqChunks, eol: string): string | undefined {
  const baseKeys = new Set((base?.entries ?? []).map((e) => canonicalJson(e.value)));
  const theirKeys = new Set(theirs.entries.map((e) => canonicalJson(e.value)));
  const list = ours.entries.filter((e) => {
    const key = canonicalJson(e.value);
    return !(baseKeys.has(key) && !theirKeys.has(key));
  });
  const present = new Set(list.map((e) => canonicalJson(e.value)));
  for (const entry of theirs.entries) {
    const key = canonicalJson(entry.value);
    if (baseKeys.has(key) || present.has(key)) continue;
    present.add(key);
    const text = ours.flow ? flowEntry(entry) : blockEntry(entry, theirs, ours.dashColumn, eol);
    if (text === undefined) return undefined;
    const order = sortKey(entry.value);
    let at = 0;
    list.forEach((e, i) => {
      if (sortKey(e.value) <= order) at = i + 1;
    });
    list.splice(at, 0, { ...entry, text });
  }
  if (ours.flow) return ours.head + list.map((e) => e.text).join(', ') + ours.tail;
  const lines = list.map((e, i) => (i < list.length - 1 && !e.text.endsWith('\n') ? e.text + eol : e.text));
  if (ours.tail && lines.length && !lines[lines.length - 1]!.endsWith('\n')) lines[lines.length - 1] += eol;
  return ours.head + lines.join('') + ours.tail;
}

function flowEntry(entry: SeqChunks['entries'][number]): string | undefined {
  return entry.node.includes('\n') ? undefined : entry.node;
}

function blockEntry(entry: SeqChunks['entries'][number], from: SeqChunks, dashColumn: number, eol: string): string {
  if (from.flow) return `${' '.repeat(dashColumn)}- ${entry.node}${eol}`;
  const shift = dashColumn - from.dashColumn;
  const text = entry.text.endsWith('\n') ? entry.text : entry.text + eol;
  const lines = text.split(/(?<=\n)/);
  return lines.map((line) => (line.trim() === '' ? line : shift >= 0 ? ' '.repeat(shift) + line : line.replace(new RegExp(`^ {0,${-shift}}`), ''))).join('');
}
