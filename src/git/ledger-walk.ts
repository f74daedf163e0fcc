import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
import { git, gitRun } from './git.js';
import { readBlobs } from './commit-range.js';
import type { KnownTrees } from './known-trees.js';

/** A commit of the ledger's history: its tree, parents (first parent first), author and author date. */
export interface WalkCommit {
  hash: string;
  tree: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Author date, YYYY-MM-DD. */
  date: string;
}

/**
 * The commits that touched `path` (or every commit when `path` is undefined),
 * oldest first in topological order: a commit always comes after its parents,
 * whatever the dates on the branches say. `--full-history` keeps merges and
 * both sides of them; each commit is then compared with its own parents, never
 * with the commit listed before it.
 */
export function listCommits(cwd: string, revisions: readonly string[], path?: string): WalkCommit[] {
  const args = ['log', '--format=%H%x00%T%x00%P%x00%an%x00%ae%x00%ad', '--date=short', '--reverse', '--topo-order', '--full-history', ...revisions];
  if (path !== undefined) args.push('--', path);
  return git(cwd, args)
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [hash = '', tree = '', parents = '', authorName = '', authorEmail = '', date = ''] = line.split('\0');
      return { hash, tree, parents: parents.split(' ').filter(Boolean), authorName, authorEmail, date };
    });
}

/** True when the repository has a commit at HEAD (false before the first commit). */
export function hasHead(cwd: string): boolean {
  return gitRun(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD']).status === 0;
}

/** What an opener makes of a ledger version: the model (when it parsed) and the plain value. */
export interface OpenedVersion<L> {
  ledger?: L;
  value?: unknown;
}

/** Opens the ledger `file`, reading every file through `override`. */
export type VersionOpener<L> = (file: string, override: (file: string) => Buffer | undefined) => Promise<OpenedVersion<L>>;

/** A ledger as one commit holds it: the model, the plain value, the registry file's bytes when it is a file of its own. */
export interface LedgerVersionAt<L> {
  ledger?: L;
  value: unknown;
  registryBytes?: Buffer;
}

/**
 * Reads the ledger at revisions: blobs in batches of one `git cat-file`, and
 * each distinct pair of ledger and registry bytes parsed once (a merge's
 * parents and the commits around it mostly share them).
 */
export class LedgerVersions<L> {
  private readonly blobs = new Map<string, Buffer | undefined>();
  /** The revisions asked for in advance: any other file read at one of them is fetched for all of them at once. */
  private readonly prefetched = new Set<string>();
  private readonly byRevision = new Map<string, Promise<LedgerVersionAt<L>>>();
  private readonly byContent = new Map<string, { registryPath?: string; version: LedgerVersionAt<L> }[]>();

  constructor(
    private readonly root: string,
    private readonly ledgerPath: string,
    private readonly open: VersionOpener<L>,
    /** Revisions whose files are known already: their blobs are read by id, and a file they lack costs no git process. */
    private readonly trees?: KnownTrees,
  ) {}

  /** Fetches the ledger's bytes at many revisions with one git process. */
  prefetch(revisions: readonly string[]): void {
    for (const revision of revisions) this.prefetched.add(revision);
    this.trees?.load(revisions, (p) => p === this.ledgerPath);
    const specs = revisions.filter((r) => !this.trees?.knows(r)).map((r) => `${r}:${this.ledgerPath}`).filter((s) => !this.blobs.has(s));
    for (const [spec, bytes] of readBlobs(this.root, specs)) this.blobs.set(spec, bytes);
  }

  private blob(revision: string, path: string): Buffer | undefined {
    if (this.trees?.knows(revision)) return this.trees.bytes(revision, path, [...this.prefetched]);
    const spec = `${revision}:${path}`;
    if (!this.blobs.has(spec)) {
      // The registry (or another file the ledger names) is read at every revision the ledger is: one git process for
      // all of them, not one per revision.
      const specs = this.prefetched.has(revision) ? [...this.prefetched].filter((r) => !this.trees?.knows(r)).map((r) => `${r}:${path}`).filter((s) => !this.blobs.has(s)) : [spec];
      for (const [s, bytes] of readBlobs(this.root, specs)) this.blobs.set(s, bytes);
    }
    return this.blobs.get(spec);
  }

  at(revision: string): Promise<LedgerVersionAt<L>> {
    let found = this.byRevision.get(revision);
    if (!found) {
      found = this.load(revision);
      this.byRevision.set(revision, found);
    }
    return found;
  }

  private async load(revision: string): Promise<LedgerVersionAt<L>> {
    const file = join(this.root, this.ledgerPath);
    const inRepo = (f: string) => relative(this.root, resolve(this.root, f)).split('\\').join('/');
    const ledgerBytes = this.blob(revision, this.ledgerPath) ?? Buffer.alloc(0);
    const key = createHash('sha256').update(ledgerBytes).digest('hex');
    // Same ledger bytes and same registry bytes: the version parsed for another revision is this one.
    for (const candidate of this.byContent.get(key) ?? []) {
      const registryBytes = candidate.registryPath === undefined ? undefined : this.blob(revision, candidate.registryPath);
      if (sameBytes(registryBytes, candidate.version.registryBytes)) return candidate.version;
    }
    // A file the revision lacks reads as empty, never as the working copy's.
    const opened = await this.open(file, (f) => this.blob(revision, inRepo(f)) ?? Buffer.alloc(0));
    const registryFile = (opened.ledger as { registryFile?: string } | undefined)?.registryFile;
    const registryPath = registryFile && resolve(this.root, registryFile) !== file ? inRepo(registryFile) : undefined;
    const registryBytes = registryPath === undefined ? undefined : this.blob(revision, registryPath);
    const version: LedgerVersionAt<L> = { ledger: opened.ledger, value: opened.value ?? null, registryBytes };
    const list = this.byContent.get(key) ?? [];
    list.push({ registryPath, version });
    this.byContent.set(key, list);
    return version;
  }
}

function sameBytes(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.equals(b);
}
