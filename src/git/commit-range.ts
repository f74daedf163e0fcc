import { GitError, verifyRevision } from './git.js';
import { listCommits, type WalkCommit } from './ledger-walk.js';
import { childProcess } from './node-spawn.js';

/** A commit to check: its parents and its author. */
export type RangeCommit = WalkCommit;

/**
 * The commits of `A..B` (or of `B` alone: all its history), oldest first with
 * parents before children; with `newOnly`, only commits no ref reaches yet (a
 * pre-receive hook's view).
 */
export function commitsInRange(cwd: string, range: string, newOnly: boolean): RangeCommit[] {
  const at = range.indexOf('..');
  if (range.includes('...')) throw new GitError('请用 A..B 指定范围（不支持 A...B）');
  const [from, to] = at < 0 ? [undefined, range] : [range.slice(0, at) || 'HEAD', range.slice(at + 2) || 'HEAD'];
  const revisions = [verifyRevision(cwd, to)];
  if (from !== undefined) revisions.push(`^${verifyRevision(cwd, from)}`);
  if (newOnly) revisions.push('--not', '--all');
  return listCommits(cwd, revisions);
}

/**
 * Reads many `revision:path` blobs with one `git cat-file --batch`;
 * a blob that does not exist comes back undefined.
 */
export function readBlobs(cwd: string, specs: readonly string[]): Map<string, Buffer | undefined> {
  const found = new Map<string, Buffer | undefined>();
  if (!specs.length) return found;
  if (specs.some((s) => s.includes('\n'))) throw new GitError('路径中不能有换行');
  let out: Buffer;
  try {
    out = childProcess().execFileSync('git', ['cat-file', '--batch'], { cwd, input: specs.join('\n') + '\n', stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  } catch (cause) {
    throw new GitError(String((cause as { stderr?: Buffer }).stderr ?? cause).trim().split('\n')[0]);
  }
  let at = 0;
  for (const spec of specs) {
    const end = out.indexOf(0x0a, at);
    const header = out.subarray(at, end).toString('utf8');
    at = end + 1;
    const object = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!object) {
      found.set(spec, undefined);
      continue;
    }
    const length = Number(object[2]);
    found.set(spec, object[1] === 'blob' ? out.subarray(at, at + length) : undefined);
    at += length + 1;
  }
  return found;
}
