import type { Item, Ledger } from '../model/ledger.js';
import { diffLedgers } from './ledger-diff.js';

/** Items whose own dated records (progress, postponement, done, cancellation, a step done) fall on or after `since`. */
export function changedByDates(ledger: Ledger, since: string): Set<Item> {
  const changed = new Set<Item>();
  for (const item of ledger.items) {
    const dates = [
      ...item.progress.map((p) => p.date),
      ...item.postponements.map((p) => p.on),
      ...item.milestones.map((m) => m.doneOn ?? ''),
      item.doneOn ?? '',
      item.cancellation?.on ?? '',
    ];
    if (dates.some((d) => d >= since)) changed.add(item);
  }
  return changed;
}

/** Items of `current` that differ, in substance, from the ledger as it was (a status set by hand, roles, text …). */
export function changedBetween(before: Ledger, current: Ledger): Set<Item> {
  const numbers = new Set(diffLedgers(before, current).map((c) => c.item));
  return new Set(current.items.filter((item) => numbers.has(item.number)));
}
