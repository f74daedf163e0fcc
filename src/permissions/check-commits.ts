import { commitsInRange } from '../git/commit-range.js';
import { LedgerVersions, type VersionOpener } from '../git/ledger-walk.js';
import type { Ledger } from '../model/ledger.js';
import { changedFields } from './ledger-changes.js';
import { commitViolations, hasCommitters, type Violation } from './commit-permissions.js';

export interface CheckCommitsRequest {
  /** Top of the working tree, or the git directory of a bare repository. */
  root: string;
  /** The ledger's path inside the repository. */
  ledgerPath: string;
  range: string;
  /** Only commits no ref reaches yet (pre-receive). */
  newOnly: boolean;
  /** Opens the ledger `file` reading every file through `override` (no checks needed). */
  open: VersionOpener<Ledger>;
}

export interface CheckCommitsReport {
  commits: number;
  /** False when no department in the registry names its committers: nothing can be checked. */
  configured: boolean;
  violations: Violation[];
}

/**
 * Checks that each commit of a range changes only what its author's
 * department may change (see commitViolations), judged against the ledger
 * and registry of the commit's first parent.
 */
export async function checkCommits(request: CheckCommitsRequest): Promise<CheckCommitsReport> {
  const commits = commitsInRange(request.root, request.range, request.newOnly);
  const reader = new LedgerVersions<Ledger>(request.root, request.ledgerPath, request.open);
  reader.prefetch([...new Set(commits.flatMap((c) => [c.hash, ...c.parents]))]);
  const violations: Violation[] = [];
  let configured = false;
  for (const commit of commits) {
    const after = await reader.at(commit.hash);
    const parents = await Promise.all(commit.parents.map((p) => reader.at(p)));
    const judge = parents[0]?.ledger ?? after.ledger;
    if (!judge || !hasCommitters(judge.registry)) continue;
    configured = true;
    const changes = changedFields(after, parents);
    violations.push(...commitViolations(commit, changes, judge));
  }
  return { commits: commits.length, configured, violations };
}
