import { accountableNames as ownersOf } from '../model/department.js';
import type { Item, Ledger } from '../model/ledger.js';
import { matchItems, type MatchableItem } from './match-items.js';
import { textSimilarity } from './text-similarity.js';

export interface CompareRow {
  from: { number: string; text: string; owners: string[] } | null;
  to: { number: string; text: string; owners: string[] } | null;
  similarity: number | null;
  /** kept: same task; new; dropped. `moved`: the same task, now owned by other departments. */
  kind: 'kept' | 'new' | 'dropped';
  /** Paired by the new item's 上年结转 link rather than by its text. */
  carried: boolean;
  renumbered: boolean;
  reworded: boolean;
  moved: boolean;
}

export interface CompareReport {
  from: { title: string; document_number: string | null; year: number; file: string };
  to: { title: string; document_number: string | null; year: number; file: string };
  counts: { kept: number; carried: number; reworded: number; renumbered: number; moved: number; new: number; dropped: number };
  rows: CompareRow[];
}

const plain = (item: MatchableItem): { number: string; text: string; owners: string[] } => ({ number: item.number, text: item.text, owners: item.owners });

/** Two plans side by side: which tasks continue (reworded, renumbered, moved to other departments), which are new, which were dropped. */
export function compareLedgers(a: Ledger, b: Ledger): CompareReport {
  type Side = MatchableItem & { item: Item };
  const side = (ledger: Ledger): Side[] => ledger.items.map((item) => ({ number: item.number, text: item.text, owners: ownersOf(item, ledger.registry), item }));
  const older = side(a);
  const newer = side(b);
  // An item carried over from `a` (上年结转) is paired by its link first; the rest by text.
  const byNumber = new Map(older.map((o) => [o.number, o]));
  const linked = newer.flatMap((n) => {
    const from = n.item.carriedOver && byNumber.get(n.item.carriedOver.item);
    return from ? [{ from, to: n }] : [];
  });
  const linkedFrom = new Set(linked.map((l) => l.from));
  const linkedTo = new Set(linked.map((l) => l.to));
  const { pairs, dropped, added } = matchItems(
    older.filter((o) => !linkedFrom.has(o)),
    newer.filter((n) => !linkedTo.has(n)),
  );
  const kept = (from: Side, to: Side, similarity: number, carried: boolean): CompareRow => {
    const same = from.owners.length === to.owners.length && from.owners.every((o) => to.owners.includes(o));
    return { from: plain(from), to: plain(to), similarity: Math.round(similarity * 100) / 100, kind: 'kept', carried, renumbered: from.number !== to.number, reworded: from.text !== to.text, moved: !same };
  };
  const rows: CompareRow[] = [
    ...[...linked.map((l) => kept(l.from, l.to, textSimilarity(l.from.text, l.to.text), true)), ...pairs.map((p) => kept(p.from, p.to, p.similarity, false))].sort(
      (x, y) => older.findIndex((o) => o.number === x.from!.number) - older.findIndex((o) => o.number === y.from!.number),
    ),
    ...dropped.map((d): CompareRow => ({ from: plain(d), to: null, similarity: null, kind: 'dropped', carried: false, renumbered: false, reworded: false, moved: false })),
    ...added.map((n): CompareRow => ({ from: null, to: plain(n), similarity: null, kind: 'new', carried: false, renumbered: false, reworded: false, moved: false })),
  ];
  const continued = rows.filter((r) => r.kind === 'kept');
  const plan = (ledger: Ledger) => ({ title: ledger.plan.title, document_number: ledger.plan.documentNumber ?? null, year: ledger.plan.year, file: ledger.file });
  return {
    from: plan(a),
    to: plan(b),
    counts: {
      kept: continued.length,
      carried: continued.filter((r) => r.carried).length,
      reworded: continued.filter((r) => r.reworded).length,
      renumbered: continued.filter((r) => r.renumbered).length,
      moved: continued.filter((r) => r.moved).length,
      new: added.length,
      dropped: dropped.length,
    },
    rows,
  };
}
