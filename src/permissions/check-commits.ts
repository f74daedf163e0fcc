import { commitsInRange } from '../git/commit-range.js';
import { git } from '../git/git.js';
import { LedgerVersions, type VersionOpener, type WalkCommit } from '../git/ledger-walk.js';
import { checkSignatures, type SignerKey } from '../git/signatures.js';
import type { Registry } from '../model/department.js';
import type { Ledger } from '../model/ledger.js';
import { changedFields } from './ledger-changes.js';
import { commitViolations, departmentOfAuthor, hasCommitters, type Violation } from './commit-permissions.js';

export interface CommitCheckOptions {
  /** Top of the working tree, or the git directory of a bare repository. */
  root: string;
  /** The ledger's path inside the repository. */
  ledgerPath: string;
  /** Opens the ledger `file` reading every file through `override` (no checks needed). */
  open: VersionOpener<Ledger>;
  /** Every commit must be signed (ssh) with a key the registry lists for the author's department or the coordinator. */
  requireSigned?: boolean;
  /** The revision whose registry judges a commit without parents (a shared repository's current branch); without it, such a commit judges itself. */
  rootJudge?: string;
}

export interface CheckCommitsRequest extends CommitCheckOptions {
  range: string;
  /** Only commits no ref reaches yet (pre-receive). */
  newOnly: boolean;
}

export interface CheckCommitsReport {
  commits: number;
  /** False when no department in the registry names its committers: nothing can be checked. */
  configured: boolean;
  violations: Violation[];
}

/** How far back to look for a readable ledger (and its registry) behind a version that cannot be read. */
const READABLE_ANCESTOR_LIMIT = 200;

/** The registry's keys, each with the e-mails of its department's committers. */
function signerKeys(registry: Registry): SignerKey[] {
  return registry.departments.flatMap((d) => (d.signingKeys ?? []).map((key) => ({ key, principals: d.committers })));
}

/**
 * Checks that each commit of a range changes only what its author's
 * department may change (see commitViolations), judged against the ledger
 * and registry of the commit's first parent.
 */
export async function checkCommits(request: CheckCommitsRequest): Promise<CheckCommitsReport> {
  return checkCommitList(commitsInRange(request.root, request.range, request.newOnly), request);
}

/**
 * Checks commits (parents before children). Fails closed: a commit whose
 * ledger, or whose parent's ledger, cannot be read passes only from the
 * coordinator, judged by the last registry that could be read; a commit
 * without parents is judged by `rootJudge`'s registry when given.
 */
export async function checkCommitList(commits: readonly WalkCommit[], options: CommitCheckOptions): Promise<CheckCommitsReport> {
  const reader = new LedgerVersions<Ledger>(options.root, options.ledgerPath, options.open);
  reader.prefetch([...new Set(commits.flatMap((c) => [c.hash, ...c.parents]))]);
  const violations: Violation[] = [];
  let configured = false;
  const lastReadable = async (revision: string): Promise<Ledger | undefined> => {
    const line = git(options.root, ['rev-list', '--first-parent', `--max-count=${READABLE_ANCESTOR_LIMIT}`, revision, '--']);
    for (const ancestor of line.split('\n').filter(Boolean)) {
      const ledger = (await reader.at(ancestor)).ledger;
      if (ledger) return ledger;
    }
    return undefined;
  };
  const signatures = new Map<Registry, Map<string, { status: string; signer: string }>>();
  for (const commit of commits) {
    const after = await reader.at(commit.hash);
    const parents = await Promise.all(commit.parents.map((p) => reader.at(p)));
    const firstParent = commit.parents[0];
    const judgeAt = firstParent ?? options.rootJudge;
    const judge = judgeAt === undefined ? after.ledger : ((await reader.at(judgeAt)).ledger ?? (await lastReadable(judgeAt)));
    const base = { commit: commit.hash, authorName: commit.authorName, authorEmail: commit.authorEmail };
    if (!judge) {
      // No registry to say who may do what: nobody may.
      violations.push({ ...base, field: 'ledger', reason: 'unreadable_ledger' });
      continue;
    }
    if (!hasCommitters(judge.registry)) continue;
    configured = true;
    const department = departmentOfAuthor(judge.registry, commit.authorName, commit.authorEmail);
    if (options.requireSigned) {
      let checked = signatures.get(judge.registry);
      if (!checked) signatures.set(judge.registry, (checked = new Map()));
      if (!checked.has(commit.hash)) for (const [hash, found] of checkSignatures(options.root, commits.map((c) => c.hash), signerKeys(judge.registry))) checked.set(hash, found);
      const signature = checked.get(commit.hash);
      const signer = signature?.status === 'G' ? departmentOfAuthor(judge.registry, '', signature.signer) : undefined;
      if (!signer || (signer !== department && !signer.coordinator)) {
        violations.push({ ...base, department: department?.name, field: 'signature', reason: signature?.status === 'G' ? 'signer_not_author' : 'unsigned', signer: signature?.signer || undefined });
        continue;
      }
    }
    const unreadable = !after.ledger || (firstParent !== undefined && !parents[0]?.ledger);
    if (unreadable) {
      if (!department?.coordinator) violations.push({ ...base, department: department?.name, field: 'ledger', reason: 'unreadable_ledger' });
      continue;
    }
    violations.push(...commitViolations(commit, changedFields(after, parents), judge));
  }
  return { commits: commits.length, configured, violations };
}
