import { execFileSync } from 'node:child_process';
import { dirname, relative, resolve } from 'node:path';

/** A git command that failed, with git's own message. */
export class GitError extends Error {}

/** Runs git with an argument array (never a shell) and returns stdout. */
export function git(cwd: string, args: readonly string[], input?: string): string {
  try {
    return execFileSync('git', [...args], { cwd, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], input, maxBuffer: 1 << 30 });
  } catch (cause) {
    const err = cause as { stderr?: string; code?: string };
    if (err.code === 'ENOENT') throw new GitError('找不到 git 命令');
    throw new GitError((err.stderr ?? String(cause)).trim().split('\n')[0] ?? 'git 出错');
  }
}

/** Bytes of a file at a revision (`HEAD`, a commit, or '' for the index). */
export function gitShowBytes(cwd: string, revision: string, pathInRepo: string): Buffer {
  try {
    return execFileSync('git', ['show', `${revision}:${pathInRepo}`], { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  } catch (cause) {
    throw new GitError(String((cause as { stderr?: Buffer }).stderr ?? cause).trim().split('\n')[0]);
  }
}

/** The repository that holds `file`, and the file's path inside it; undefined outside a repository. */
export function repositoryOf(file: string): { root: string; path: string } | undefined {
  const folder = dirname(resolve(file));
  try {
    const root = git(folder, ['rev-parse', '--show-toplevel']).trim();
    return { root, path: relative(root, resolve(file)).split('\\').join('/') };
  } catch {
    return undefined;
  }
}

/** Paths staged in the index. */
export function stagedPaths(root: string): string[] {
  return git(root, ['diff', '--cached', '--name-only', '-z']).split('\0').filter(Boolean);
}

/** Stages and commits exactly one file. */
export function commitFile(root: string, path: string, message: string): string {
  git(root, ['add', '--', path]);
  git(root, ['commit', '-q', '-m', message, '--', path]);
  return git(root, ['rev-parse', '--short', 'HEAD']).trim();
}

export interface FileCommit {
  hash: string;
  author: string;
  date: string;
}

/** Commits that changed a file, oldest first. */
export function fileHistory(root: string, path: string): FileCommit[] {
  return git(root, ['log', '--reverse', '--format=%H%x00%an%x00%ad', '--date=short', '--', path])
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [hash = '', author = '', date = ''] = line.split('\0');
      return { hash, author, date };
    });
}
