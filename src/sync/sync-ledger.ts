import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { readBlobs } from '../git/commit-range.js';
import { git, GitError, gitRun } from '../git/git.js';
import { mergeLedger, type MergeConflict } from '../merge/merge-ledger.js';
import { UnsupportedLedger } from '../merge/ledger-chunks.js';
import type { Ledger } from '../model/ledger.js';
import { diffLedgers } from '../query/ledger-diff.js';
import type { SourceTexts } from '../read/source-texts.js';
import { changeSummary } from '../render/changes.js';

/** A ledger version and the errors found in it. */
interface Checked {
  ledger?: Ledger;
  errors: Diagnostic[];
  texts: SourceTexts;
}

export interface SyncRequest {
  /** The ledger file (as the user named it) and its repository. */
  file: string;
  /** The run's folder (Io's cwd): the ledger's and registry's relative names start there. */
  cwd: string;
  root: string;
  path: string;
  /** Where a merge under way would be recorded, and HEAD's ref, when git has said already (HEAD with a commit). */
  head?: HeadFacts;
  commitMessage?: string;
  /** Opens and checks the ledger as it is at a revision (undefined: the working file); `override` reads files there. */
  open: (override: ((file: string) => Buffer | undefined) | undefined) => Promise<{ ledger?: Ledger; diagnostics: Diagnostic[]; texts: SourceTexts }>;
}

export type SyncOutcome = { committed?: { hash: string; message: string } } & (
  | { kind: 'synced'; incoming: number; pushed: boolean; knownErrors: number }
  | { kind: 'invalid-local'; errors: Diagnostic[]; texts: SourceTexts }
  | { kind: 'conflict'; conflicts: { path: string; fields: MergeConflict[] }[] }
  | { kind: 'invalid-merge'; errors: Diagnostic[]; texts: SourceTexts }
  | { kind: 'push-refused'; remoteMessage: string }
);

/** Why sync cannot start (no upstream, a merge in progress, other staged files); nothing was changed. */
export class SyncRefused extends Error {}

const errorKey = (d: Diagnostic) => `${d.code} ${d.message}`;
/** Attempts when someone else pushes between our merge and our push. */
const ATTEMPTS = 3;

/**
 * `sync`: commit the pending ledger edits, merge the upstream branch (git
 * calls gongkai's merge driver for the ledger), check the result, push. Stops
 * at the first problem with the repository as it was before that step: a
 * conflicted merge is aborted, a merge that brings new errors is undone.
 */
export async function syncLedger(request: SyncRequest): Promise<SyncOutcome> {
  const { root } = request;
  const upstream = preconditions(request);
  const working = await checked(request, undefined);
  const files = filesOf(request, working.ledger);
  const { changed, staged } = workingChanges(root);
  const others = staged.filter((p) => !files.includes(p));
  if (others.length) throw new SyncRefused(`暂存区已有其他改动（${others.slice(0, 3).join('、')}${others.length > 3 ? ' 等' : ''}）；gongkai sync 只提交台账，请先提交或取消暂存这些改动`);
  let committed: { hash: string; message: string } | undefined;
  if (files.some((f) => changed.has(f))) {
    if (working.errors.length || !working.ledger) return { kind: 'invalid-local', errors: working.errors, texts: working.texts };
    const message = request.commitMessage ?? (await defaultMessage(request, working.ledger, files));
    git(root, ['add', '--', ...files]);
    // Checked just above: the commit hook would only check it again.
    git(root, ['commit', '-q', '--no-verify', '-m', message, '--', ...files]);
    committed = { hash: '', message };
  }
  for (let attempt = 1; ; attempt++) {
    const fetched = gitRun(root, ['fetch', '--quiet', upstream.remote]);
    if (fetched.status !== 0) throw new GitError(`无法从 ${upstream.remote} 取得更新：${firstLine(fetched.stderr)}`);
    const before = git(root, ['rev-parse', 'HEAD']).trim();
    const counts = git(root, ['rev-list', '--left-right', '--count', `HEAD...${upstream.tracking}`]);
    if (committed && !committed.hash) committed.hash = before.slice(0, 7);
    const [ahead = 0, incoming = 0] = counts.trim().split(/\s+/).map(Number);
    if (incoming) {
      const merged = gitRun(root, ['merge', '--no-edit', '--no-verify', '--quiet', upstream.tracking]);
      if (merged.status !== 0) return { committed, ...(await abortMerge(request, merged.stderr)) };
      const result = await checked(request, undefined);
      // Errors already in either side are not the merge's doing.
      const known = new Set([...working.errors, ...(await checked(request, upstream.tracking, files)).errors].map(errorKey));
      const introduced = result.errors.filter((d) => !known.has(errorKey(d)));
      if (introduced.length || !result.ledger) {
        git(root, ['reset', '-q', '--keep', before]);
        return { committed, kind: 'invalid-merge', errors: introduced.length ? introduced : result.errors, texts: result.texts };
      }
    }
    if (!ahead) return { committed, kind: 'synced', incoming, pushed: false, knownErrors: working.errors.length };
    const pushed = gitRun(root, ['push', '--quiet', '--porcelain', upstream.remote, `HEAD:${upstream.branch}`]);
    if (pushed.status === 0) return { committed, kind: 'synced', incoming, pushed: true, knownErrors: 0 };
    const output = pushed.stdout + pushed.stderr;
    // Someone pushed in between: merge again. A hook's refusal is final.
    if (/remote rejected|pre-receive hook declined/.test(output)) return { committed, kind: 'push-refused', remoteMessage: remoteLines(output) };
    if (/\[rejected\]|non-fast-forward|fetch first/.test(output) && attempt < ATTEMPTS) continue;
    throw new GitError(`推送失败：${firstLine(pushed.stderr || pushed.stdout)}`);
  }
}

export interface Upstream {
  remote: string;
  /** The branch on the remote (refs/heads/main). */
  branch: string;
  /** The local remote-tracking ref (refs/remotes/origin/main). */
  tracking: string;
}

/** What `git rev-parse --git-path MERGE_HEAD --symbolic-full-name HEAD` says: MERGE_HEAD's file (absolute) and HEAD's full ref (`HEAD` when detached). */
export interface HeadFacts {
  mergeHead: string;
  headRef: string;
}

/** Checks sync can start (few git calls: on a busy machine each costs). */
function preconditions({ root, head }: SyncRequest): Upstream {
  return syncPreconditions(root, head);
}

/** Checks a branch can be synced — no merge under way, on a branch, with an upstream — and names the upstream; `known`: git has told where HEAD is already. */
export function syncPreconditions(root: string, known?: HeadFacts): Upstream {
  const [mergeHead = '', head = ''] = known ? [known.mergeHead, known.headRef] : git(root, ['rev-parse', '--git-path', 'MERGE_HEAD', '--symbolic-full-name', 'HEAD']).split('\n');
  if (existsSync(resolve(root, mergeHead))) {
    throw new SyncRefused('上一次合并还没有完成：先解决冲突并 git commit（或 git merge --abort），再运行 gongkai sync');
  }
  if (!head.startsWith('refs/heads/')) throw new SyncRefused('当前不在任何分支上（detached HEAD）：先 git switch 到要同步的分支');
  const name = head.slice('refs/heads/'.length);
  const refs = git(root, ['for-each-ref', '--format=%(refname)%00%(upstream:remotename)%00%(upstream:remoteref)%00%(upstream)', '--', head]);
  const [, remote = '', branch = '', tracking = ''] = refs.split('\n').map((l) => l.split('\0')).find((f) => f[0] === head) ?? [];
  if (!remote || !branch || !tracking || remote === '.') {
    throw new SyncRefused(`分支 ${name} 没有对应的远端分支：先运行 git push -u origin ${name}（或 git branch --set-upstream-to）`);
  }
  return { remote, branch, tracking };
}

/** Paths with changes in the index or the working tree, and those staged. */
function workingChanges(root: string): { changed: Set<string>; staged: string[] } {
  const fields = git(root, ['status', '--porcelain', '-z', '--untracked-files=no']).split('\0');
  const changed = new Set<string>();
  const staged: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i]!;
    if (entry.length < 4) continue;
    const path = entry.slice(3);
    changed.add(path);
    if (entry[0] !== ' ') staged.push(path);
    // A rename names its source in the next field.
    if (entry[0] === 'R' || entry[0] === 'C') changed.add(fields[++i]!);
  }
  return { changed, staged };
}

/** The ledger and, when it is a file of its own in the same repository, its registry. */
function filesOf({ file, cwd, root, path }: SyncRequest, ledger: Ledger | undefined): string[] {
  const files = [path];
  const registry = ledger?.registryFile;
  if (registry && registry !== file) {
    const inRepo = relative(root, resolve(cwd, registry)).split('\\').join('/');
    if (!inRepo.startsWith('../') && inRepo !== path) files.push(inRepo);
  }
  return files;
}

/** The ledger at a revision (undefined: the working file), checked; `files` (paths in the repository: the ledger and its registry) are read there with one git process. */
async function checked({ cwd, root, open }: SyncRequest, revision: string | undefined, files: readonly string[] = []): Promise<Checked> {
  const read = revision === undefined ? new Map<string, Buffer | undefined>() : readBlobs(root, files.map((f) => `${revision}:${f}`));
  const override =
    revision === undefined
      ? undefined
      : (f: string) => {
          const spec = `${revision}:${relative(root, resolve(cwd, f)).split('\\').join('/')}`;
          if (!read.has(spec)) read.set(spec, readBlobs(root, [spec]).get(spec));
          return read.get(spec);
        };
  const opened = await open(override);
  return { ledger: opened.ledger, errors: opened.diagnostics.filter((d) => d.severity === 'error'), texts: opened.texts };
}

async function defaultMessage(request: SyncRequest, working: Ledger, files: readonly string[]): Promise<string> {
  const head = await checked(request, 'HEAD', files);
  const changes = head.ledger ? diffLedgers(head.ledger, working) : [];
  const doneNow = new Set(changes.filter((c) => c.kind === 'status' && c.to === 'done').map((c) => c.item));
  const parts = [...new Set(changes.filter((c) => !(c.kind === 'done_on' && doneNow.has(c.item))).map(changeSummary))];
  return parts.length ? `gongkai sync: ${parts.slice(0, 8).join('；')}${parts.length > 8 ? ` 等 ${parts.length} 处` : ''}` : 'gongkai sync: 台账';
}

/** A merge stopped with conflicts: name them field by field, then put everything back as before the merge. */
async function abortMerge({ root, path }: SyncRequest, stderr: string): Promise<Exclude<SyncOutcome, { kind: 'synced' | 'invalid-local' | 'invalid-merge' | 'push-refused' }>> {
  const unmerged = [...new Set(git(root, ['diff', '--name-only', '--diff-filter=U', '-z']).split('\0').filter(Boolean))];
  if (!unmerged.length) {
    if (gitRun(root, ['rev-parse', '-q', '--verify', 'MERGE_HEAD']).status === 0) git(root, ['merge', '--abort']);
    throw new GitError(`合并失败：${firstLine(stderr)}`);
  }
  const conflicts = unmerged.map((p) => ({ path: p, fields: p === path ? ledgerConflicts(root, p) : [] }));
  git(root, ['merge', '--abort']);
  return { kind: 'conflict', conflicts };
}

function ledgerConflicts(root: string, path: string): MergeConflict[] {
  const stages = readBlobs(root, [1, 2, 3].map((n) => `:${n}:${path}`));
  const stage = (n: number) => stages.get(`:${n}:${path}`)?.toString('utf8') ?? '';
  try {
    return mergeLedger(stage(1), stage(2), stage(3), { oursLabel: 'ours', theirsLabel: 'theirs' }).conflicts;
  } catch (cause) {
    if (cause instanceof UnsupportedLedger) return [];
    throw cause;
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/** The lines the remote's hook printed (`remote: …`), without the prefix. */
function remoteLines(output: string): string {
  return output
    .split('\n')
    .filter((l) => l.startsWith('remote: '))
    .map((l) => l.slice('remote: '.length))
    .join('\n')
    .trim();
}
