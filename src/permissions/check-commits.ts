import { commitsInRange, readBlobs } from '../git/commit-range.js';
import { git } from '../git/git.js';
import { LedgerVersions, type VersionOpener, type WalkCommit } from '../git/ledger-walk.js';
import { checkSignatures, type SignerKey } from '../git/signatures.js';
import { KnownTrees } from '../git/known-trees.js';
import { filesAt } from '../git/tree-files.js';
import type { Registry } from '../model/department.js';
import type { Ledger } from '../model/ledger.js';
import { looksLikeLedger } from '../read/looks-like-ledger.js';
import { changedFields } from './ledger-changes.js';
import { commitViolations, departmentOfAuthor, hasCommitters, type Violation } from './commit-permissions.js';

export interface CommitCheckOptions {
  /** Top of the working tree, or the git directory of a bare repository. */
  root: string;
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
 * Every ledger of a repository, at any revision: which files are ledgers
 * (by their text), each ledger's versions, and the registries that say who is
 * who at a revision — one per ledger the revision holds, each read once.
 */
export class RepositoryLedgers {
  private readonly readers = new Map<string, LedgerVersions<Ledger>>();
  private readonly sniffed = new Map<string, boolean>();
  private readonly judges = new Map<string, Promise<Ledger[]>>();
  /** The ledgers of revisions known without listing their trees (a commit's: its parent's, updated by what it changed). */
  private readonly known = new Map<string, Set<string>>();

  constructor(
    private readonly root: string,
    private readonly open: VersionOpener<Ledger>,
    /** Revisions whose ledgers will be read: each ledger's bytes are fetched at all of them at once. */
    private readonly revisions: readonly string[] = [],
    /** The files of those revisions, when known: then no revision of them needs a git process of its own. */
    private readonly trees?: KnownTrees,
  ) {}

  /** The versions of the ledger at `path`. */
  reader(path: string): LedgerVersions<Ledger> {
    let reader = this.readers.get(path);
    if (!reader) {
      this.readers.set(path, (reader = new LedgerVersions<Ledger>(this.root, path, this.open, this.trees)));
      reader.prefetch(this.revisions);
    }
    return reader;
  }

  /** Which of the `revision:path` specs are ledgers (a file absent there is not): one git process for all, none for revisions whose files are known. */
  ledgersAmong(specs: readonly string[]): Set<string> {
    const wanted = [...new Set(specs)].filter((spec) => /\.ya?ml$/i.test(spec));
    const revisionOf = (spec: string) => spec.slice(0, spec.indexOf(':'));
    const pathOf = (spec: string) => spec.slice(spec.indexOf(':') + 1);
    const blobs = readBlobs(this.root, wanted.filter((spec) => !this.trees?.knows(revisionOf(spec))));
    return new Set(
      wanted.filter((spec) => {
        const revision = revisionOf(spec);
        if (!this.trees?.knows(revision)) return looksLikeLedger(pathOf(spec), blobs.get(spec));
        const blob = this.trees.blobId(revision, pathOf(spec));
        return blob !== undefined && this.sniff(blob, pathOf(spec), () => this.trees!.bytes(revision, pathOf(spec)));
      }),
    );
  }

  /** Whether a YAML blob is a ledger by its text, each blob judged once. */
  private sniff(blob: string, path: string, bytes: () => Buffer | undefined): boolean {
    let found = this.sniffed.get(blob);
    if (found === undefined) this.sniffed.set(blob, (found = looksLikeLedger(path, bytes())));
    return found;
  }

  /** Records which ledgers a revision holds, when its parent's and its own changes tell. */
  learn(revision: string, ledgers: Set<string>): void {
    this.known.set(revision, ledgers);
  }

  /** The paths of the ledgers a revision holds. */
  ledgersAt(revision: string): string[] {
    const known = this.known.get(revision);
    if (known) return [...known];
    if (this.trees?.knows(revision)) {
      const trees = this.trees;
      const yaml = trees.paths(revision).filter((p) => /\.ya?ml$/i.test(p));
      trees.load([revision], (p) => /\.ya?ml$/i.test(p));
      const ledgers = yaml.filter((p) => this.sniff(trees.blobId(revision, p)!, p, () => trees.bytes(revision, p)));
      this.known.set(revision, new Set(ledgers));
      return ledgers;
    }
    const files = filesAt(this.root, revision).filter((f) => /\.ya?ml$/i.test(f.path));
    const unknown = files.filter((f) => !this.sniffed.has(f.blob));
    const blobs = readBlobs(this.root, unknown.map((f) => f.blob));
    for (const f of unknown) this.sniffed.set(f.blob, looksLikeLedger(f.path, blobs.get(f.blob)));
    const ledgers = files.filter((f) => this.sniffed.get(f.blob)).map((f) => f.path);
    this.known.set(revision, new Set(ledgers));
    return ledgers;
  }

  /** The ledger at `path` as `revision` holds it, or the last readable version before it (on the first-parent line). */
  async readableAt(path: string, revision: string): Promise<Ledger | undefined> {
    const reader = this.reader(path);
    const here = (await reader.at(revision)).ledger;
    if (here) return here;
    const ancestors = git(this.root, ['rev-list', '--first-parent', `--max-count=${READABLE_ANCESTOR_LIMIT}`, revision, '--']).split('\n').filter(Boolean);
    // Read in growing batches, one git process each (one per ancestor made a check of a repository holding a
    // long-broken ledger cost a thousand processes): most often the first few hold a readable version.
    for (let from = 0, size = 8; from < ancestors.length; from += size, size *= 4) {
      const batch = ancestors.slice(from, from + size);
      reader.prefetch(batch);
      for (const ancestor of batch) {
        const ledger = (await reader.at(ancestor)).ledger;
        if (ledger) return ledger;
      }
    }
    return undefined;
  }

  /** The ledgers (each with its registry) that judge who is who at a revision: every ledger it holds, read there or as last readable. */
  judgesAt(revision: string): Promise<Ledger[]> {
    let found = this.judges.get(revision);
    if (!found) {
      found = (async () => {
        const ledgers = await Promise.all(this.ledgersAt(revision).map((path) => this.readableAt(path, revision)));
        return ledgers.filter((l): l is Ledger => l !== undefined);
      })();
      this.judges.set(revision, found);
    }
    return found;
  }
}

/** True when every judge with committers counts the author as the coordinator (and there is one): fail closed when registries disagree. */
export function coordinatorByAll(judges: readonly Ledger[], name: string, email: string): boolean {
  const configured = judges.filter((j) => hasCommitters(j.registry));
  return configured.length > 0 && configured.every((j) => departmentOfAuthor(j.registry, name, email)?.coordinator === true);
}

/**
 * Checks that each commit of a range changes only what its author's
 * department may change (see commitViolations), judged against the ledgers
 * and registries of the commit's first parent.
 */
export async function checkCommits(request: CheckCommitsRequest): Promise<CheckCommitsReport> {
  return checkCommitList(commitsInRange(request.root, request.range, request.newOnly), request);
}

/**
 * Checks commits (parents before children) over every ledger in the
 * repository. Fails closed: a file the policy cannot judge as a ledger (any
 * other file, a ledger added, removed or renamed) passes only from the
 * coordinator; so does a ledger that cannot be read before or after, judged
 * by the last registry that could be read; a commit without parents is judged
 * by `rootJudge`'s registries when given.
 */
export async function checkCommitList(commits: readonly WalkCommit[], options: CommitCheckOptions): Promise<CheckCommitsReport> {
  // Every commit's changes against each parent, and the files of every commit and parent (one git process); then every
  // YAML file among them (another): which are ledgers, and their versions.
  const trees = new KnownTrees(options.root, commits);
  const revisions = [...new Set(commits.flatMap((c) => [c.hash, ...c.parents]))];
  trees.load(revisions, (p) => /\.ya?ml$/i.test(p));
  const ledgers = new RepositoryLedgers(options.root, options.open, revisions, trees);
  const violations: Violation[] = [];
  let configured = false;
  const signatures = new Map<Registry, Map<string, { status: string; signer: string }>>();
  const diffs = new Map([...trees.changes].map(([hash, lists]) => [hash, lists.map((list) => list.map((change) => change.path))]));
  const changedOf = (commit: WalkCommit) => {
    const [first = [], ...others] = diffs.get(commit.hash) ?? [];
    return others.reduce((kept, paths) => kept.filter((p) => paths.includes(p)), first);
  };
  const held = ledgers.ledgersAmong(
    commits.flatMap((c) => [c.hash, ...c.parents].flatMap((r) => [...new Set((diffs.get(c.hash) ?? []).flat())].map((p) => `${r}:${p}`))),
  );
  const isLedger = (revision: string, path: string) => held.has(`${revision}:${path}`);
  for (const commit of commits) {
    const firstParent = commit.parents[0];
    const judgeAt = firstParent ?? options.rootJudge;
    const changed = changedOf(commit);
    // This commit's ledgers: its first parent's, updated by what it changed against that parent.
    const firstDiff = diffs.get(commit.hash)?.[0] ?? [];
    const mine = new Set(firstParent === undefined ? [] : ledgers.ledgersAt(firstParent));
    for (const path of firstDiff) (isLedger(commit.hash, path) ? mine.add(path) : mine.delete(path));
    ledgers.learn(commit.hash, mine);
    const judges = judgeAt === undefined ? (await Promise.all([...mine].map((p) => ledgers.reader(p).at(commit.hash)))).flatMap((v) => (v.ledger ? [v.ledger] : [])) : await ledgers.judgesAt(judgeAt);
    const base = { commit: commit.hash, authorName: commit.authorName, authorEmail: commit.authorEmail };
    if (!judges.length) {
      // No registry to say who may do what: nobody may change anything.
      if (changed.length) violations.push({ ...base, field: 'ledger', reason: 'unreadable_ledger' });
      continue;
    }
    const withCommitters = judges.filter((j) => hasCommitters(j.registry));
    if (!withCommitters.length) continue;
    configured = true;
    const coordinator = coordinatorByAll(judges, commit.authorName, commit.authorEmail);
    const named = withCommitters.map((j) => departmentOfAuthor(j.registry, commit.authorName, commit.authorEmail)).find(Boolean);
    if (options.requireSigned) {
      const refused = withCommitters.map((judge) => {
        let checked = signatures.get(judge.registry);
        if (!checked) signatures.set(judge.registry, (checked = new Map()));
        if (!checked.has(commit.hash)) for (const [hash, found] of checkSignatures(options.root, commits.map((c) => c.hash), signerKeys(judge.registry))) checked.set(hash, found);
        const signature = checked.get(commit.hash);
        const department = departmentOfAuthor(judge.registry, commit.authorName, commit.authorEmail);
        const signer = signature?.status === 'G' ? departmentOfAuthor(judge.registry, '', signature.signer) : undefined;
        return !signer || (signer !== department && !signer.coordinator) ? { department: department?.name, signature } : undefined;
      });
      const first = refused.find(Boolean);
      if (first) {
        violations.push({ ...base, department: first.department, field: 'signature', reason: first.signature?.status === 'G' ? 'signer_not_author' : 'unsigned', signer: first.signature?.signer || undefined });
        continue;
      }
    }
    // Named only when the repository holds more than one ledger, so a message says which.
    const several = new Set([...(judgeAt === undefined ? [] : ledgers.ledgersAt(judgeAt)), ...mine]).size > 1;
    for (const path of changed) {
      const isLedgerHere = isLedger(commit.hash, path);
      const wasLedger = firstParent !== undefined && isLedger(firstParent, path);
      const inParents = commit.parents.every((p) => isLedger(p, path));
      if (!isLedgerHere || !wasLedger || !inParents) {
        // Not a ledger on both sides (another file, a ledger added, removed or renamed): the coordinator's.
        if (!coordinator) violations.push({ ...base, department: named?.name, path, field: 'file', reason: 'coordinator_only' });
        continue;
      }
      const reader = ledgers.reader(path);
      const after = await reader.at(commit.hash);
      const parents = await Promise.all(commit.parents.map((p) => reader.at(p)));
      const judge = await ledgers.readableAt(path, judgeAt!);
      const shown = several ? { path } : {};
      if (!judge || !hasCommitters(judge.registry)) {
        // This ledger's own registry cannot say: only whom every registry of the repository calls the coordinator.
        if (!coordinator) violations.push({ ...base, department: named?.name, ...shown, field: 'ledger', reason: 'unreadable_ledger' });
        continue;
      }
      const department = departmentOfAuthor(judge.registry, commit.authorName, commit.authorEmail);
      if (!after.ledger || parents.some((p) => !p.ledger)) {
        if (!department?.coordinator) violations.push({ ...base, department: department?.name, ...shown, field: 'ledger', reason: 'unreadable_ledger' });
        continue;
      }
      violations.push(...commitViolations(commit, changedFields(after, parents), judge, several ? path : undefined));
    }
  }
  return { commits: commits.length, configured, violations };
}
