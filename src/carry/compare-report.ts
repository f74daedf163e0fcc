import { lookupName } from '../model/department.js';
import type { Item, Ledger } from '../model/ledger.js';
import { isAccountable } from '../model/role.js';
import { matchItems, type MatchableItem } from './match-items.js';

/** Accountable bodies of an item by their registry names (an alias counts as its department). */
export function ownersOf(item: Pick<Item, 'assignments'>, registry: Ledger['registry']): string[] {
  const names = item.assignments
    .filter((a) => isAccountable(a.role))
    .map((a) => {
      const entry = lookupName(registry, a.name);
      return entry?.type === 'department' ? entry.department.name : entry?.type === 'group' ? entry.group.name : a.name;
    });
  return [...new Set(names)];
}

export interface CompareRow {
  from: { number: string; text: string; owners: string[] } | null;
  to: { number: string; text: string; owners: string[] } | null;
  similarity: number | null;
  /** kept: same task; new; dropped. `moved`: the same task, now owned by other departments. */
  kind: 'kept' | 'new' | 'dropped';
  renumbered: boolean;
  reworded: boolean;
  moved: boolean;
}

export interface CompareReport {
  from: { title: string; document_number: string | null; year: number; file: string };
  to: { title: string; document_number: string | null; year: number; file: string };
  counts: { kept: number; reworded: number; renumbered: number; moved: number; new: number; dropped: number };
  rows: CompareRow[];
}

const plain = (item: MatchableItem) => ({ number: item.number, text: item.text, owners: item.owners });

/** Two plans side by side: which tasks continue (reworded, renumbered, moved to other departments), which are new, which were dropped. */
export function compareLedgers(a: Ledger, b: Ledger): CompareReport {
  const side = (ledger: Ledger): MatchableItem[] => ledger.items.map((item) => ({ number: item.number, text: item.text, owners: ownersOf(item, ledger.registry) }));
  const { pairs, dropped, added } = matchItems(side(a), side(b));
  const rows: CompareRow[] = [
    ...pairs.map((p): CompareRow => {
      const same = p.from.owners.length === p.to.owners.length && p.from.owners.every((o) => p.to.owners.includes(o));
      return { from: plain(p.from), to: plain(p.to), similarity: Math.round(p.similarity * 100) / 100, kind: 'kept', renumbered: p.from.number !== p.to.number, reworded: p.from.text !== p.to.text, moved: !same };
    }),
    ...dropped.map((d): CompareRow => ({ from: plain(d), to: null, similarity: null, kind: 'dropped', renumbered: false, reworded: false, moved: false })),
    ...added.map((n): CompareRow => ({ from: null, to: plain(n), similarity: null, kind: 'new', renumbered: false, reworded: false, moved: false })),
  ];
  const kept = rows.filter((r) => r.kind === 'kept');
  const plan = (ledger: Ledger) => ({ title: ledger.plan.title, document_number: ledger.plan.documentNumber ?? null, year: ledger.plan.year, file: ledger.file });
  return {
    from: plan(a),
    to: plan(b),
    counts: {
      kept: kept.length,
      reworded: kept.filter((r) => r.reworded).length,
      renumbered: kept.filter((r) => r.renumbered).length,
      moved: kept.filter((r) => r.moved).length,
      new: added.length,
      dropped: dropped.length,
    },
    rows,
  };
}
