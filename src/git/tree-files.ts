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
