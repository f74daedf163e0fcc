import { git } from './git.js';

/**
 * The paths a commit changed: against one parent, every path that differs;
 * for a merge, those that differ from every parent (what the merge itself
 * decided); without parents, every file it holds. Renames are a deletion and
 * an addition.
 */
export function changedPaths(root: string, commit: string, parents: readonly string[]): string[] {
  if (!parents.length) return filesAt(root, commit).map((f) => f.path);
  let changed: Set<string> | undefined;
  for (const parent of parents) {
    const paths = git(root, ['diff-tree', '-r', '--no-renames', '--name-only', '-z', parent, commit, '--']).split('\0').filter(Boolean);
    changed = changed === undefined ? new Set(paths) : new Set(paths.filter((p) => changed!.has(p)));
  }
  return [...(changed ?? [])];
}

/**
 * For many commits at once (one git process): the paths each commit changed
 * against each of its parents, in the parents' order (a commit without
 * parents: every file it holds, as one list).
 */
export function changedPathsByParent(root: string, commits: readonly { hash: string; parents: readonly string[] }[]): Map<string, string[][]> {
  const found = new Map<string, string[][]>();
  if (!commits.length) return found;
  // --always: a header even for a commit that changed nothing, so each group is found by its commit's id.
  const out = git(root, ['diff-tree', '--stdin', '-m', '-r', '--root', '--always', '--no-renames', '--name-only', '-z'], commits.map((c) => c.hash).join('\n') + '\n');
  const tokens = out.split('\0');
  let at = 0;
  const groups: { hash: string }[] = commits.flatMap((c) => Array.from({ length: Math.max(1, c.parents.length) }, () => ({ hash: c.hash })));
  for (const [g, group] of groups.entries()) {
    while (at < tokens.length && tokens[at]!.trim() !== group.hash) at++;
    at++;
    const next = groups[g + 1]?.hash;
    const paths: string[] = [];
    while (at < tokens.length && tokens[at]!.trim() !== next) {
      const path = tokens[at++]!;
      if (path) paths.push(path);
    }
    const list = found.get(group.hash) ?? [];
    list.push(paths);
    found.set(group.hash, list);
  }
  return found;
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
