import type { OpenContext } from './open-context.js';
import { hasHead, listCommits, LedgerVersions, type WalkCommit } from '../git/ledger-walk.js';
import type { Ledger } from '../model/ledger.js';
import { commitChanges } from '../query/commit-changes.js';
import type { Change } from '../query/ledger-diff.js';
import { openLedger } from './open-ledger.js';

/** One change a commit made to the ledger, credited to the commit's author. */
export interface HistoryEntry {
  date: string;
  author: string;
  commit: string;
  change: Change;
}

/** The ledger's versions in git, each opened once, as a walk over history needs them. */
export function ledgerVersions(ctx: OpenContext, root: string, ledgerPath: string): LedgerVersions<Ledger> {
  return new LedgerVersions<Ledger>(root, ledgerPath, (file, override) => openLedger(ctx, { checks: 'none', file, override }));
}

/**
 * The ledger's history from HEAD, walked as git has it: every commit that
 * touched the ledger, oldest first, each compared with its own first parent;
 * a merge shows only what it decided itself. `keep` picks commits (say, by
 * date) before any version is read.
 */
export async function ledgerHistory(ctx: OpenContext, root: string, ledgerPath: string, keep: (c: WalkCommit) => boolean = () => true): Promise<HistoryEntry[]> {
  const commits = hasHead(root) ? listCommits(root, ['HEAD'], ledgerPath).filter(keep) : [];
  const versions = ledgerVersions(ctx, root, ledgerPath);
  versions.prefetch([...new Set(commits.flatMap((c) => [c.hash, ...c.parents]))]);
  const entries: HistoryEntry[] = [];
  for (const commit of commits) {
    const after = (await versions.at(commit.hash)).ledger;
    const firstParent = commit.parents[0];
    // A version that does not parse (say, a conflict committed by hand) has nothing to compare.
    const first = firstParent === undefined ? undefined : (await versions.at(firstParent)).ledger;
    if (!after || !first) continue;
    const others: Ledger[] = [];
    for (const p of commit.parents.slice(1)) {
      const other = (await versions.at(p)).ledger;
      if (other) others.push(other);
    }
    for (const change of commitChanges(after, [first, ...others])) entries.push({ date: commit.date, author: commit.authorName, commit: commit.hash.slice(0, 7), change });
  }
  return entries;
}
