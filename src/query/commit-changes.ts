import type { Ledger } from '../model/ledger.js';
import { diffLedgers, type Change } from './ledger-diff.js';

/** What makes two changes the same decision, whichever parent they are measured from. */
function decision(change: Change): string {
  switch (change.kind) {
    case 'progress':
      return `${change.kind}\0${change.item}\0${JSON.stringify(change.entry)}`;
    case 'postponed':
      return `${change.kind}\0${change.item}\0${change.on}\0${change.to}\0${change.reason}`;
    case 'milestone_done':
      return `${change.kind}\0${change.item}\0${change.step}`;
    case 'resolve':
      return `${change.kind}\0${change.item}\0${change.group}`;
    default:
      return `${change.kind}\0${change.item}`;
  }
}

/**
 * What a commit itself changed, as git sees it: against its one parent,
 * everything that differs; for a merge, only what differs from every parent —
 * what the merge decided (a conflict resolved, an entry no side had), shown
 * from the first parent's side. A commit without parents changed nothing
 * that can be named: it is where the history starts.
 */
export function commitChanges(after: Ledger, parents: readonly Ledger[]): Change[] {
  const [first, ...others] = parents;
  if (!first) return [];
  const changes = diffLedgers(first, after);
  if (!others.length) return changes;
  const fromOthers = others.map((p) => new Set(diffLedgers(p, after).map(decision)));
  return changes.filter((c) => fromOthers.every((seen) => seen.has(decision(c))));
}
