import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnownTrees } from '../../src/git/known-trees.js';
import { listCommits } from '../../src/git/ledger-walk.js';
import { filesAt } from '../../src/git/tree-files.js';
import { git, gitRepo } from '../helpers/temp.js';

/** Every file of a revision as `git ls-tree -r` lists it: path → blob id. */
const listed = (dir: string, revision: string) => new Map(filesAt(dir, revision).map((f) => [f.path, f.blob]));

describe('the push policy works out each commit\'s files from one diff-tree', () => {
  it('gives the same files as git ls-tree for every commit and parent: merges (one identical to a parent), a rename, a deletion, a file turned folder, a symlink, a name with spaces', () => {
    const dir = gitRepo({ 'data/ledger.yaml': 'plan:\n  year: 2021\n', 'data/departments.yaml': 'departments: []\n', 'a b.txt': '甲\n' });
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    git(dir, 'checkout', '-q', '-b', 'side');
    writeFileSync(join(dir, 'data', 'ledger.yaml'), 'plan:\n  year: 2022\n');
    git(dir, 'mv', 'a b.txt', 'moved.txt');
    git(dir, 'commit', '-qam', 'side');
    git(dir, 'checkout', '-q', 'main');
    rmSync(join(dir, 'data', 'departments.yaml'));
    writeFileSync(join(dir, 'x'), 'file\n');
    symlinkSync('data/ledger.yaml', join(dir, 'link.yaml'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'main');
    git(dir, 'merge', '-q', '--no-edit', 'side');
    git(dir, 'rm', '-q', 'x');
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x', 'inside.yaml'), 'sections: []\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'folder');
    // A merge identical to its first parent (git prints no header of its own for an empty difference), then a commit.
    git(dir, 'checkout', '-q', '-b', 'ours');
    writeFileSync(join(dir, 'moved.txt'), '乙\n');
    git(dir, 'commit', '-qam', 'discarded');
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'merge', '-q', '-s', 'ours', '--no-edit', 'ours');
    writeFileSync(join(dir, 'data', 'ledger.yaml'), 'plan:\n  year: 2023\n');
    git(dir, 'commit', '-qam', 'after');
    // As the hook sees a push: the new commits only, the first one's parents outside the list.
    const commits = listCommits(dir, ['HEAD', '--not', base]);
    expect(commits.filter((c) => c.parents.length === 2)).toHaveLength(2);
    const trees = new KnownTrees(dir, commits);
    const after = commits.at(-1)!;
    const ours = commits.at(-2)!;
    // Each commit's own changes, against each of its parents.
    expect(trees.changes.get(after.hash)!.map((list) => list.map((c) => c.path))).toEqual([['data/ledger.yaml']]);
    expect(trees.changes.get(ours.hash)!.map((list) => list.map((c) => c.path))).toEqual([[], ['moved.txt']]);
    for (const revision of new Set(commits.flatMap((c) => [c.hash, ...c.parents]))) {
      expect(trees.knows(revision)).toBe(true);
      expect(new Map(trees.paths(revision).map((p) => [p, trees.blobId(revision, p)]))).toEqual(listed(dir, revision));
    }
    const head = commits.at(-1)!.hash;
    expect(trees.bytes(head, 'data/ledger.yaml')?.toString()).toBe('plan:\n  year: 2023\n');
    expect(trees.bytes(head, 'x/inside.yaml')?.toString()).toBe('sections: []\n');
    expect(trees.bytes(head, 'data/departments.yaml')).toBeUndefined();
  });
});
