import { join, relative, resolve } from 'node:path';
import { commitsInRange, readBlobs } from '../git/commit-range.js';
import type { Ledger } from '../model/ledger.js';
import { changedFields, type LedgerVersion } from './ledger-changes.js';
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
  open: (file: string, override: (file: string) => Buffer | undefined) => Promise<{ ledger?: Ledger; value?: unknown }>;
}

export interface CheckCommitsReport {
  commits: number;
  /** False when no department in the registry names its committers: nothing can be checked. */
  configured: boolean;
  violations: Violation[];
}

interface Loaded {
  version: LedgerVersion;
  ledger?: Ledger;
}

/** Reads ledger versions at revisions, all blobs of one kind in one `git cat-file` call. */
class VersionReader {
  private readonly blobs = new Map<string, Buffer | undefined>();
  private readonly loaded = new Map<string, Promise<Loaded>>();

  constructor(
    private readonly root: string,
    private readonly ledgerPath: string,
    private readonly open: CheckCommitsRequest['open'],
  ) {}

  prefetch(revisions: string[], path: string): void {
    const specs = revisions.map((r) => `${r}:${path}`).filter((s) => !this.blobs.has(s));
    for (const [spec, bytes] of readBlobs(this.root, specs)) this.blobs.set(spec, bytes);
  }

  private blob(revision: string, path: string): Buffer | undefined {
    const spec = `${revision}:${path}`;
    if (!this.blobs.has(spec)) this.prefetch([revision], path);
    return this.blobs.get(spec);
  }

  at(revision: string): Promise<Loaded> {
    let found = this.loaded.get(revision);
    if (!found) {
      found = this.load(revision);
      this.loaded.set(revision, found);
    }
    return found;
  }

  private async load(revision: string): Promise<Loaded> {
    const file = join(this.root, this.ledgerPath);
    const inRepo = (f: string) => relative(this.root, resolve(f)).split('\\').join('/');
    // A file the revision lacks reads as empty, never as the working copy's.
    const loaded = await this.open(file, (f) => this.blob(revision, inRepo(f)) ?? Buffer.alloc(0));
    const registryFile = loaded.ledger?.registryFile;
    const registryBytes = registryFile && registryFile !== file ? this.blob(revision, inRepo(registryFile)) : undefined;
    return { version: { value: loaded.value ?? null, registryBytes }, ledger: loaded.ledger };
  }
}

/**
 * Checks that each commit of a range changes only what its author's
 * department may change (see commitViolations), judged against the ledger
 * and registry of the commit's first parent.
 */
export async function checkCommits(request: CheckCommitsRequest): Promise<CheckCommitsReport> {
  const commits = commitsInRange(request.root, request.range, request.newOnly);
  const reader = new VersionReader(request.root, request.ledgerPath, request.open);
  const revisions = [...new Set(commits.flatMap((c) => [c.hash, ...c.parents]))];
  reader.prefetch(revisions, request.ledgerPath);
  const violations: Violation[] = [];
  let configured = false;
  for (const commit of commits) {
    const after = await reader.at(commit.hash);
    const parents = await Promise.all(commit.parents.map((p) => reader.at(p)));
    const judge = parents[0]?.ledger ?? after.ledger;
    if (!judge || !hasCommitters(judge.registry)) continue;
    configured = true;
    const changes = changedFields(after.version, parents.map((p) => p.version));
    violations.push(...commitViolations(commit, changes, judge));
  }
  return { commits: commits.length, configured, violations };
}
