import { dirname, relative, resolve } from 'node:path';
import { childProcess } from './node-spawn.js';

/** A git command that failed, with git's own message. */
export class GitError extends Error {}

/**
 * Runs git with an argument array (never a shell) and returns stdout.
 * Nothing a user typed may reach git as an option: revisions go through
 * verifyRevision first, paths come after `--` or inside `rev:path`.
 */
export function git(cwd: string, args: readonly string[], input?: string): string {
  try {
    return childProcess().execFileSync('git', [...args], { cwd, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], input, maxBuffer: 1 << 30 });
  } catch (cause) {
    const err = cause as { stderr?: string; code?: string };
    if (err.code === 'ENOENT') throw new GitError('找不到 git 命令');
    throw new GitError((err.stderr ?? String(cause)).trim().split('\n')[0] ?? 'git 出错');
  }
}

/**
 * The full commit id a revision the user typed names. Anything starting with
 * `-` is refused outright (git would read it as an option), and git itself is
 * told where options end, so `--output=/tmp/x` can never become one.
 */
export function verifyRevision(cwd: string, revision: string): string {
  if (!revision || revision.startsWith('-')) throw new GitError(`「${revision}」不是 git 版本（版本不能以 - 开头）`);
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]).trim();
  } catch {
    throw new GitError(`git 中没有版本「${revision}」`);
  }
}

/** Bytes of a file at a verified commit id, or in the index when `commit` is ''. */
export function gitShowBytes(cwd: string, commit: string, pathInRepo: string): Buffer {
  // `rev:path` is one argument that starts with the commit id (hex) or `:`; never an option.
  if (commit && !/^[0-9a-f]{40,64}$|^HEAD$/.test(commit)) throw new GitError(`内部：未经核实的版本「${commit}」`);
  try {
    return childProcess().execFileSync('git', ['show', `${commit}:${pathInRepo}`], { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  } catch (cause) {
    throw new GitError(String((cause as { stderr?: Buffer }).stderr ?? cause).trim().split('\n')[0]);
  }
}

/** The repository that holds `file` (absolute, or relative to the run's folder `cwd`), and the file's path inside it; undefined outside a repository. */
export function repositoryOf(file: string, cwd: string): { root: string; path: string } | undefined {
  return repositoryFinder(cwd)(file);
}

/** repositoryOf for several files of one run (a hook reads the ledger and the registry beside it): git is asked once per folder. */
export function repositoryFinder(cwd: string): (file: string) => { root: string; path: string } | undefined {
  const roots = new Map<string, string | undefined>();
  return (file) => {
    const absolute = resolve(cwd, file);
    const folder = dirname(absolute);
    if (!roots.has(folder)) {
      try {
        roots.set(folder, git(folder, ['rev-parse', '--show-toplevel']).trim());
      } catch {
        roots.set(folder, undefined);
      }
    }
    const root = roots.get(folder);
    return root === undefined ? undefined : { root, path: relative(root, absolute).split('\\').join('/') };
  };
}

/** What one `git rev-parse` tells of the repository at `cwd`: bare or not, its git directory, and HEAD's commit (undefined before the first commit); undefined outside a repository. */
export function repositoryAt(cwd: string): { bare: boolean; gitDir: string; head?: string } | undefined {
  // Three questions, one process. --verify applies to the revision alone: an unborn HEAD exits 1 after the first two answers.
  const run = gitRun(cwd, ['rev-parse', '--is-bare-repository', '--absolute-git-dir', '--verify', '--quiet', 'HEAD^{commit}']);
  const [bare = '', gitDir = '', head = ''] = run.stdout.split('\n');
  if ((run.status !== 0 && run.status !== 1) || (bare !== 'true' && bare !== 'false') || !gitDir) return undefined;
  return { bare: bare === 'true', gitDir, ...(run.status === 0 && /^[0-9a-f]{40,64}$/.test(head) ? { head } : {}) };
}

/** Where HEAD stands, as `git rev-parse --symbolic-full-name HEAD` says: on a branch, detached, or on a branch with no commit yet. */
export type HeadState = 'branch' | 'detached' | 'unborn';

/**
 * repositoryOf for a file about to be committed or synced, and where HEAD
 * stands: one git process (`--show-toplevel`, `--git-path MERGE_HEAD` and
 * `--symbolic-full-name HEAD` together; before the first commit git names the
 * branch HEAD and then fails, after printing the other answers).
 */
export function repositoryAndHead(file: string, cwd: string): { root: string; path: string; head: HeadState; headRef: string; mergeHead: string } | undefined {
  const absolute = resolve(cwd, file);
  const folder = dirname(absolute);
  const run = gitRun(folder, ['rev-parse', '--show-toplevel', '--git-path', 'MERGE_HEAD', '--symbolic-full-name', 'HEAD']);
  const [root = '', mergeHead = '', headRef = ''] = run.stdout.split('\n');
  if (!root || !mergeHead || !headRef) return undefined;
  const head: HeadState = run.status !== 0 ? 'unborn' : headRef === 'HEAD' ? 'detached' : 'branch';
  // --git-path answers from the folder git ran in.
  return { root, path: relative(root, absolute).split('\\').join('/'), head, headRef, mergeHead: resolve(folder, mergeHead) };
}

/** Paths staged in the index. */
export function stagedPaths(root: string): string[] {
  return git(root, ['diff', '--cached', '--name-only', '-z']).split('\0').filter(Boolean);
}

/**
 * The file's state against HEAD: 'clean', or why it differs ('untracked',
 * 'modified', 'no-commits'). `known` saves git processes when the caller has
 * asked already: the paths staged (index against HEAD) and whether HEAD has
 * no commit yet.
 */
export function fileStateAgainstHead(root: string, path: string, bytes: Buffer, known: { staged?: readonly string[]; unborn?: boolean } = {}): 'clean' | 'untracked' | 'modified' | 'no-commits' {
  let committed: Buffer;
  try {
    committed = gitShowBytes(root, 'HEAD', path);
  } catch {
    // Only now ask why (one git process fewer on every commit): no commit at all, or none holding the file.
    if (known.unborn !== undefined) return known.unborn ? 'no-commits' : 'untracked';
    return gitRun(root, ['rev-parse', '--verify', '--quiet', 'HEAD']).status === 0 ? 'untracked' : 'no-commits';
  }
  if (!committed.equals(bytes)) return 'modified';
  // Staged but uncommitted changes of the file would be swept into the commit too.
  if (known.staged) return known.staged.includes(path) ? 'modified' : 'clean';
  return git(root, ['diff', '--cached', '--name-only', '-z', 'HEAD', '--', path]).length ? 'modified' : 'clean';
}

/** The e-mail git commits with here (user.email, or what git makes of the environment); undefined when git has none. */
export function committerEmail(root: string): string | undefined {
  const ident = gitRun(root, ['var', 'GIT_COMMITTER_IDENT']);
  return ident.status === 0 ? /<([^<>]*)>/.exec(ident.stdout)?.[1] || undefined : undefined;
}

/**
 * Stages and commits exactly one file; `author` (a name, and the e-mail the
 * registry lists for it) credits someone else, e.g. the liaison who reported.
 */
export function commitFile(root: string, path: string, message: string, author?: string, email?: string): string {
  // No `git add` first: `git commit -- path` takes the file as it is in the working tree (the file is tracked: the
  // caller checked it against HEAD), and a refused commit leaves the index as it was.
  // One argument `--author=NAME <EMAIL>`: a name cannot become an option, and <> or newlines in either are removed.
  const name = author?.replace(/[<>\r\n]/g, '').trim();
  const mail = email?.replace(/[<>\s]/g, '') ?? '';
  const credit = name ? [`--author=${name} <${mail}>`] : [];
  try {
    // -q: without it git prints a diffstat, and diffing a large ledger costs more than the rev-parse below.
    git(root, ['commit', '-q', ...credit, '-m', message, '--', path]);
  } catch (cause) {
    // A pre-commit hook (or anything else) refused: leave nothing staged, and say how to undo the written file.
    gitRun(root, ['reset', '-q', '--', path]);
    throw new GitError(`${(cause as Error).message}。修改已写入 ${path} 但没有提交，也不在暂存区；要撤销这次修改：git checkout -- ${path}`);
  }
  return git(root, ['rev-parse', '--short', 'HEAD']).trim();
}

/**
 * The last commit on HEAD that changed `path` before the start of a Beijing
 * date (YYYY-MM-DD, already validated); undefined when there is none.
 */
export function lastCommitBefore(root: string, path: string, date: string): string | undefined {
  try {
    return git(root, ['rev-list', '-1', `--before=${date}T00:00:00+08:00`, 'HEAD', '--', path]).trim() || undefined;
  } catch {
    return undefined; // No commits yet, or HEAD unborn: nothing to compare with.
  }
}

/**
 * `git merge-file`: a line-by-line three-way merge of three files, as git's
 * own merge would do it; returns the merged text and the number of conflicts.
 */
export function gitMergeFile(cwd: string, files: { ours: string; base: string; theirs: string }, labels: [string, string, string], markerSize = 7): { text: string; conflicts: number } {
  const args = ['merge-file', '-p', `--marker-size=${markerSize}`, '-L', labels[0], '-L', labels[1], '-L', labels[2], '--', files.ours, files.base, files.theirs];
  try {
    return { text: childProcess().execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 }), conflicts: 0 };
  } catch (cause) {
    const err = cause as { status?: number; stdout?: string; stderr?: string };
    if (typeof err.status === 'number' && err.status > 0 && err.status < 128 && typeof err.stdout === 'string') return { text: err.stdout, conflicts: err.status };
    throw new GitError((err.stderr ?? String(cause)).trim().split('\n')[0] ?? 'git merge-file 出错');
  }
}

export interface GitRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs git with an argument array and returns its exit status and output instead of throwing (push, merge). */
export function gitRun(cwd: string, args: readonly string[], env?: Readonly<Record<string, string>>): GitRun {
  const result = childProcess().spawnSync('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: env ? { ...process.env, ...env } : process.env });
  if (result.error) throw new GitError((result.error as NodeJS.ErrnoException).code === 'ENOENT' ? '找不到 git 命令' : String(result.error));
  return { status: result.status ?? 128, stdout: result.stdout, stderr: result.stderr };
}
