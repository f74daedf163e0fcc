import { git, GitError, gitRun } from '../git/git.js';
import { listCommits, type VersionOpener, type WalkCommit } from '../git/ledger-walk.js';
import type { Ledger } from '../model/ledger.js';
import { checkCommitList, coordinatorByAll, RepositoryLedgers, type CheckCommitsReport } from './check-commits.js';
import type { Violation } from './commit-permissions.js';
import type { RefRefusal } from '../model/permission-findings.js';
export type { RefRefusal } from '../model/permission-findings.js';

/** One line of what a pre-receive hook reads: a ref moving from `old` to `new` (all zeros: created or deleted). */
export interface RefUpdate {
  old: string;
  new: string;
  ref: string;
}

/** Something about a ref update as a whole that only the coordinator may do. */
export interface PushReport extends CheckCommitsReport {
  refusals: RefRefusal[];
}

export interface PushRequest {
  /** The shared repository's git directory. */
  root: string;
  updates: RefUpdate[];
  requireSigned: boolean;
  open: VersionOpener<Ledger>;
  /** HEAD's commit (undefined: none yet), when the caller has had git say it already; asked here otherwise. */
  head?: { commit: string | undefined };
}

const ZERO = /^0+$/;
const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** Parses pre-receive's standard input: `old new ref` per line; anything else is refused as a malformed update. */
export function parseRefUpdates(text: string): RefUpdate[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [old = '', next = '', ref = ''] = line.trim().split(/\s+/);
      if (!OBJECT_ID.test(old) || !OBJECT_ID.test(next) || !ref) throw new GitError(`pre-receive 的输入不是「旧 新 引用」：${line.slice(0, 80)}`);
      return { old, new: next, ref };
    });
}

/**
 * The push policy of a shared repository, failing closed: every new commit is
 * checked as check-commits does (ledger unreadable before or after → the
 * coordinator only; signatures when required); a ref moved to a commit that
 * does not descend from where it was (a force-push, a rewind, a parentless
 * replacement) only to a new commit by the coordinator; a deleted branch never
 * (the coordinator deletes on the server). A commit without parents is judged
 * by the registry of the branch it replaces, or of HEAD.
 */
export async function checkPush(request: PushRequest): Promise<PushReport> {
  const refusals: RefRefusal[] = [];
  const headCommit = request.head ? request.head.commit : gitRun(request.root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).stdout.trim() || undefined;
  // Commits no ref reaches yet, over all updates at once (what this push brings).
  const tips = request.updates.filter((u) => !ZERO.test(u.new)).map((u) => u.new);
  const incoming = tips.length ? listCommits(request.root, [...tips, '--not', '--all']) : [];
  const incomingSet = new Set(incoming.map((c) => c.hash));
  const rewrites: { update: RefUpdate; tip: string }[] = [];
  for (const update of request.updates) {
    if (ZERO.test(update.new)) {
      refusals.push({ ref: update.ref, reason: 'deleted' });
      continue;
    }
    if (ZERO.test(update.old)) continue;
    // A parent of a new commit the update brings is an ancestor for sure (no git process); anything else git decides.
    const descends = parentOfIncoming(incoming, update.new, update.old) || gitRun(request.root, ['merge-base', '--is-ancestor', update.old, update.new]).status === 0;
    if (!descends) rewrites.push({ update, tip: update.new });
  }
  const report = await checkCommitList(incoming, { root: request.root, open: request.open, requireSigned: request.requireSigned, rootJudge: headCommit });
  // A rewrite is the coordinator's: its tip must be a new commit by the coordinator that passed every check above.
  const refused = new Set(report.violations.map((v: Violation) => v.commit));
  for (const { update, tip } of rewrites) {
    const byCoordinator = incomingSet.has(tip) && !refused.has(tip) && (await isCoordinatorCommit(request, tip, update.old));
    if (!byCoordinator) refusals.push({ ref: update.ref, reason: 'rewritten', commit: tip });
  }
  return { ...report, refusals };
}

/**
 * True when `old` is `tip` itself or a parent of a commit the push brings that
 * `tip` reaches (walking parents among the incoming commits only): then `tip`
 * descends from `old`. False says nothing either way.
 */
function parentOfIncoming(incoming: readonly WalkCommit[], tip: string, old: string): boolean {
  if (tip === old) return true;
  const byHash = new Map(incoming.map((c) => [c.hash, c]));
  const seen = new Set<string>();
  const stack = [tip];
  while (stack.length) {
    const commit = byHash.get(stack.pop()!);
    if (!commit || seen.has(commit.hash)) continue;
    seen.add(commit.hash);
    if (commit.parents.includes(old)) return true;
    stack.push(...commit.parents);
  }
  return false;
}

/** True when the commit's author belongs to the coordinating department, by every registry of the branch it replaces. */
async function isCoordinatorCommit(request: PushRequest, commit: string, replaced: string): Promise<boolean> {
  const [line = ''] = git(request.root, ['log', '-1', '--format=%an%x00%ae', commit, '--']).split('\n');
  const [name = '', email = ''] = line.split('\0');
  return coordinatorByAll(await new RepositoryLedgers(request.root, request.open).judgesAt(replaced), name, email);
}
