import { git, GitError, gitRun } from '../git/git.js';
import { listCommits, type VersionOpener } from '../git/ledger-walk.js';
import type { Ledger } from '../model/ledger.js';
import type { Violation } from '../model/permission-findings.js';
import { checkCommitList } from '../permissions/check-commits.js';
import { SyncRefused, syncPreconditions } from './sync-ledger.js';

export interface WithdrawRequest {
  root: string;
  /** Opens a ledger version for the push policy (no checks). */
  open: VersionOpener<Ledger>;
}

/** A commit taken out of the branch: its id and subject line, so the user can tell what to redo. */
export interface WithdrawnCommit {
  hash: string;
  subject: string;
}

export type WithdrawOutcome =
  /** Every unpushed commit passes the policy as this clone judges it: nothing to withdraw. */
  | { kind: 'nothing-refused'; local: number }
  /** The refused commits are gone from the branch; the others replayed on the shared branch's tip. */
  | { kind: 'withdrawn'; withdrawn: WithdrawnCommit[]; violations: Violation[]; replayed: number; skippedMerges: number; previous: string }
  /** A kept commit builds on a withdrawn one (it cannot be replayed without it), or still breaks the policy: the branch is as it was. */
  | { kind: 'stuck'; withdrawn: WithdrawnCommit[]; violations: Violation[]; commit: string; reason: 'depends' | 'still-refused'; previous: string };

/**
 * The way back after the shared repository refused a push: the commits not
 * yet pushed are checked with the same policy the server applies; the
 * refused ones are taken out of the branch (never pushed, so nobody has them)
 * and the rest are replayed, in order, on the shared branch's tip — a revert
 * on top would not do, since the refused commit itself would still reach the
 * shared history. Merges made by earlier syncs are not replayed (the shared
 * branch's tip already holds what they brought). Whatever goes wrong, the
 * branch is put back where it was; the old tip is named so nothing is lost.
 */
export async function withdrawRefused(request: WithdrawRequest): Promise<WithdrawOutcome> {
  const { root } = request;
  const upstream = syncPreconditions(root);
  if (git(root, ['status', '--porcelain', '--untracked-files=no']).trim()) {
    throw new SyncRefused('工作区或暂存区有未提交的改动：先运行 gongkai sync 提交（或撤销这些改动），再撤回被拒绝的提交');
  }
  const fetched = gitRun(root, ['fetch', '--quiet', upstream.remote]);
  if (fetched.status !== 0) throw new GitError(`无法从 ${upstream.remote} 取得更新：${fetched.stderr.trim().split('\n')[0] ?? ''}`);
  const previous = git(root, ['rev-parse', 'HEAD']).trim();
  const local = listCommits(root, [previous, '--not', upstream.tracking]);
  const report = await checkCommitList(local, { root, open: request.open });
  const refused = new Set(report.violations.map((v) => v.commit));
  if (!refused.size) return { kind: 'nothing-refused', local: local.length };
  const subjects = new Map(
    git(root, ['log', '--no-walk=unsorted', '--format=%H%x00%s', ...local.filter((c) => refused.has(c.hash)).map((c) => c.hash), '--'])
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\0') as [string, string]),
  );
  const withdrawn = local.filter((c) => refused.has(c.hash)).map((c) => ({ hash: c.hash, subject: subjects.get(c.hash) ?? '' }));
  const kept = local.filter((c) => !refused.has(c.hash) && c.parents.length === 1);
  const skippedMerges = local.filter((c) => c.parents.length > 1).length;
  git(root, ['reset', '-q', '--hard', upstream.tracking]);
  const putBack = () => {
    if (gitRun(root, ['rev-parse', '-q', '--verify', 'CHERRY_PICK_HEAD']).status === 0) gitRun(root, ['cherry-pick', '--abort']);
    git(root, ['reset', '-q', '--hard', previous]);
  };
  for (const commit of kept) {
    // --allow-empty: a commit whose change the shared branch already has stays in the record; the merge driver merges the ledger by meaning.
    const picked = gitRun(root, ['cherry-pick', '--allow-empty', '--keep-redundant-commits', commit.hash]);
    if (picked.status !== 0) {
      putBack();
      return { kind: 'stuck', withdrawn, violations: report.violations, commit: commit.hash, reason: 'depends', previous };
    }
  }
  // Judged again as the server will: a kept commit may have passed only on what a withdrawn one changed (the registry, say).
  const replayed = listCommits(root, ['HEAD', '--not', upstream.tracking]);
  const again = await checkCommitList(replayed, { root, open: request.open });
  if (again.violations.length) {
    putBack();
    return { kind: 'stuck', withdrawn, violations: again.violations, commit: again.violations[0]!.commit, reason: 'still-refused', previous };
  }
  return { kind: 'withdrawn', withdrawn, violations: report.violations, replayed: replayed.length, skippedMerges, previous };
}
