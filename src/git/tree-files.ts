import { GitError, git } from './git.js';

/** A file a commit changed against one parent: its blob there and here (undefined where the file is absent, or is not a file). */
export interface FileChange {
  path: string;
  before?: string;
  after?: string;
}

/** git's empty tree, by the length of the repository's object ids (SHA-1 or SHA-256). */
function emptyTree(objectId: string): string {
  return objectId.length === 64 ? '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321' : '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
}

/** A side of a raw diff entry as a blob id: none when absent (all zeros) or a submodule (mode 160000), which ls-tree does not list as a file either. */
const blobOf = (mode: string, id: string) => (/^0+$/.test(id) || mode === '160000' ? undefined : id);

/**
 * For many commits at once (one git process): each commit's changes against
 * each of its parents, in the parents' order (a commit without parents: every
 * file it holds, as added), with the blob ids on both sides; and for the
 * commits in `whole` (each with its tree id), every file of their tree.
 * Renames are a deletion and an addition.
 */
export function treeChanges(
  root: string,
  commits: readonly { hash: string; parents: readonly string[] }[],
  whole: readonly { hash: string; tree: string }[] = [],
): { changes: Map<string, FileChange[][]>; files: Map<string, FileChange[]> } {
  const changes = new Map<string, FileChange[][]>();
  const files = new Map<string, FileChange[]>();
  if (!commits.length && !whole.length) return { changes, files };
  // What git is asked, line by line, and the header each group of its answer starts with. A tree's files are its
  // diff against the empty tree (diff-tree --stdin takes two trees, not a commit, on such a line).
  const groups: { header: string; add: (list: FileChange[]) => void }[] = [];
  const lines: string[] = [];
  for (const c of commits) {
    const lists: FileChange[][] = [];
    changes.set(c.hash, lists);
    // One line per parent (`commit parent`), not `-m`: git prints a merge's header once for all parents it differs from
    // none of, so groups could not be told apart; a line of its own always gets its header (--always).
    for (const parent of c.parents.length ? c.parents : [undefined]) {
      lines.push(parent === undefined ? c.hash : `${c.hash} ${parent}`);
      groups.push({ header: c.hash, add: (list) => lists.push(list) });
    }
  }
  for (const w of whole) {
    const empty = emptyTree(w.tree);
    if (w.tree === empty) {
      files.set(w.hash, []);
      continue;
    }
    lines.push(`${empty} ${w.tree}`);
    groups.push({ header: `${empty} ${w.tree}`, add: (list) => files.set(w.hash, list) });
  }
  // --always: a header even for a line with no differences, so each group is found in order (and checked against it).
  const tokens = git(root, ['diff-tree', '--stdin', '-r', '--root', '--always', '--no-renames', '-z'], lines.join('\n') + '\n').split('\0');
  let at = 0;
  for (const group of groups) {
    // A tree pair's header ends with a newline, not a NUL: what follows it on the same token is its first entry.
    let header = tokens[at++] ?? '';
    const newline = header.indexOf('\n');
    if (newline >= 0) {
      tokens[--at] = header.slice(newline + 1);
      header = header.slice(0, newline);
    }
    if (header.trim() !== group.header) throw new GitError(`git diff-tree 的输出与所问不符（${header.slice(0, 100)}）`);
    const list: FileChange[] = [];
    while (at < tokens.length && tokens[at]!.startsWith(':')) {
      const [oldMode = '', newMode = '', oldId = '', newId = ''] = tokens[at]!.slice(1).split(' ');
      const path = tokens[at + 1] ?? '';
      at += 2;
      list.push({ path, before: blobOf(oldMode, oldId), after: blobOf(newMode, newId) });
    }
    group.add(list);
  }
  return { changes, files };
}

/** Every file (blob) of a commit's tree, with its object id. */
export function filesAt(root: string, revision: string): { path: string; blob: string }[] {
  const files: { path: string; blob: string }[] = [];
  for (const entry of git(root, ['ls-tree', '-r', '--full-tree', '-z', revision, '--']).split('\0')) {
    const tab = entry.indexOf('\t');
    const [, type, blob] = entry.slice(0, tab).split(' ');
    if (tab > 0 && type === 'blob' && blob) files.push({ path: entry.slice(tab + 1), blob });
  }
  return files;
}
