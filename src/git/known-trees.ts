import { readBlobs } from './commit-range.js';
import { treeChanges, type FileChange } from './tree-files.js';

/** A commit with its tree id, parents first in the list (as listCommits gives them). */
export interface TreeCommit {
  hash: string;
  tree: string;
  parents: readonly string[];
}

/**
 * The files of many revisions, worked out from one `git diff-tree`: each
 * commit's changes against its parents, and the whole tree of each commit
 * whose first parent is not in the list. A commit's files are its first
 * parent's with its changes applied; a parent outside the list has the
 * commit's files with those changes undone. Blobs are read by id, many at
 * once, and each only once.
 */
export class KnownTrees {
  /** Revision → path → blob id, for every listed commit and every parent of one. */
  private readonly trees = new Map<string, Map<string, string>>();
  private readonly blobs = new Map<string, Buffer | undefined>();
  /** Each listed commit's changes against each of its parents. */
  readonly changes: Map<string, FileChange[][]>;

  constructor(
    private readonly root: string,
    commits: readonly TreeCommit[],
  ) {
    // A commit whose first parent comes earlier in the list has that parent's files, changed; any other: its whole tree.
    const earlier = new Set<string>();
    const whole = commits.filter((c) => {
      const fromParent = c.parents.length > 0 && earlier.has(c.parents[0]!);
      earlier.add(c.hash);
      return c.parents.length > 0 && !fromParent;
    });
    const fromWhole = new Set(whole.map((c) => c.hash));
    const found = treeChanges(root, commits, whole);
    this.changes = found.changes;
    for (const commit of commits) {
      const lists = found.changes.get(commit.hash) ?? [];
      const first = commit.parents[0];
      let files: Map<string, string>;
      if (first === undefined) files = applied(new Map(), lists[0] ?? [], 'after');
      else if (fromWhole.has(commit.hash)) files = applied(new Map(), found.files.get(commit.hash) ?? [], 'after');
      else files = applied(new Map(this.trees.get(first)), lists[0] ?? [], 'after');
      this.trees.set(commit.hash, files);
      for (const [i, parent] of commit.parents.entries()) {
        if (!this.trees.has(parent)) this.trees.set(parent, applied(new Map(files), lists[i] ?? [], 'before'));
      }
    }
  }

  /** True when the files of `revision` are known here. */
  knows(revision: string): boolean {
    return this.trees.has(revision);
  }

  /** The paths of the files `revision` holds (it must be known). */
  paths(revision: string): string[] {
    return [...(this.trees.get(revision)?.keys() ?? [])];
  }

  /** Reads, with one git process, the blobs of the given paths at the given (known) revisions that are not read yet. */
  load(revisions: readonly string[], accept: (path: string) => boolean): void {
    const wanted = new Set<string>();
    for (const revision of revisions) {
      for (const [path, blob] of this.trees.get(revision) ?? []) if (accept(path) && !this.blobs.has(blob)) wanted.add(blob);
    }
    for (const [blob, bytes] of readBlobs(this.root, [...wanted])) this.blobs.set(blob, bytes);
  }

  /** The blob id of `path` at a known revision; undefined when the revision has no such file. */
  blobId(revision: string, path: string): string | undefined {
    return this.trees.get(revision)?.get(path);
  }

  /** The bytes of `path` at a known revision (undefined: no such file there); a blob not loaded yet is read with those of `alsoAt`. */
  bytes(revision: string, path: string, alsoAt: readonly string[] = []): Buffer | undefined {
    const blob = this.blobId(revision, path);
    if (blob === undefined) return undefined;
    if (!this.blobs.has(blob)) this.load([revision, ...alsoAt.filter((r) => this.knows(r))], (p) => p === path);
    return this.blobs.get(blob);
  }
}

/** `files` with the changes applied (`after`) or undone (`before`). */
function applied(files: Map<string, string>, changes: readonly FileChange[], side: 'before' | 'after'): Map<string, string> {
  for (const change of changes) {
    const blob = change[side];
    if (blob === undefined) files.delete(change.path);
    else files.set(change.path, blob);
  }
  return files;
}
