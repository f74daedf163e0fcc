import type { Io } from '../io.js';
import { beijingToday } from '../model/dates.js';
import type { CacheStore } from './cache-store.js';
import { cacheKeys } from './cache-keys.js';
import { pathIdentity } from './settled-files.js';

/**
 * A run told to the outside world, to be written again as it was: a view whose answer depends on nothing but its
 * arguments, the environment, the terminal, the day and some files (the ledger, its registry, the calendar files,
 * gongkai.yaml — or their absence), run again while every one of those files stands as it did, is answered with the
 * bytes it wrote and its exit code, before the program itself is loaded (src/cli/start.ts). The files are compared
 * by their identity on disk, and only settled files count (settled-files.ts): a file changed since, or lately, is
 * a miss, and the run computes as usual.
 */

/** Names of the environment that change between runs of one shell without changing what a run does. */
export const SHELL_BOOKKEEPING = new Set(['_', 'OLDPWD', 'SHLVL']);

/** What a run's answer depends on besides files: its arguments, folder, environment, terminal and day. */
export function replayKey(argv: readonly string[], io: Pick<Io, 'cwd' | 'env' | 'stdoutIsTty' | 'stderrIsTty' | 'columns' | 'now'>): string {
  // The whole environment, not a list of the names gongkai reads: a name read by a library, or by gongkai in
  // a later version, cannot be missed.
  const env = Object.entries(io.env)
    .filter(([name, value]) => value !== undefined && !SHELL_BOOKKEEPING.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return cacheKeys.replay(JSON.stringify([argv, io.cwd, env, io.stdoutIsTty, io.stderrIsTty, io.columns ?? null, beijingToday(io.now())]));
}

/**
 * The files (and folders, and paths where none is) a run read, each with what stood there when it was first named,
 * and whether the answer depended on nothing else. Readers name a path before they read it: what stands there is
 * taken then, and again when the run is kept, and the run is kept only if the two agree — a path that led to
 * another file in between (a symbolic link re-pointed, a folder renamed, which change no ctime of the files
 * themselves) would otherwise keep the old file's answer under the new file's identity.
 */
export class RunInputs {
  readonly paths = new Map<string, string | undefined>();
  private complete = false;

  /** A path whose content (or absence) the answer depends on, absolute; named before it is read. */
  readonly read = (path: string): void => {
    if (!this.paths.has(path)) this.paths.set(path, pathIdentity(path));
  };

  /** Said by a view when its answer depended on the paths read and nothing else besides what replayKey holds. */
  readonly answeredFromThese = (): void => {
    this.complete = true;
  };

  get replayable(): boolean {
    return this.complete;
  }
}

/** One write of a run: to stdout (1) or stderr (2). */
export type Written = [fd: 1 | 2, bytes: Uint8Array];

interface ReplayHead {
  /** Each path read and what stood there. */
  inputs: [path: string, identity: string][];
  exit: number;
  /** The writes' streams and lengths, in order; their bytes follow the head. */
  writes: [fd: 1 | 2, length: number][];
}

/**
 * Output up to this size is kept: a run written again is one whose start is most of its cost. A larger one (a
 * 100,000-item overdue list is megabytes) is answered from the view's own entry as before, not stored twice.
 */
export const KEPT_OUTPUT_BYTES = 64 * 1024;

/**
 * Keeps a run to be replayed: when every path it read is settled since before it started (a file changed during
 * the run, or lately, could hold other bytes than those read), and its output is small (KEPT_OUTPUT_BYTES).
 */
export function keepRun(cache: CacheStore, key: string, inputs: RunInputs, exit: number, writes: readonly Written[], startedAt: number): void {
  const identities: ReplayHead['inputs'] = [];
  for (const [path, named] of inputs.paths) {
    const identity = pathIdentity(path, startedAt);
    if (identity === undefined || identity !== named) return;
    identities.push([path, identity]);
  }
  const bytes = writes.reduce((sum, [, part]) => sum + part.length, 0);
  if (bytes > KEPT_OUTPUT_BYTES) return;
  const head: ReplayHead = { inputs: identities, exit, writes: writes.map(([fd, part]) => [fd, part.length]) };
  cache.setHeaded(key, head, writes.map(([, part]) => part));
}

/** The run kept under `key`, when every path it read still stands as it did then; undefined otherwise. */
export function keptRun(cache: CacheStore, key: string, now: number): { exit: number; writes: Written[] } | undefined {
  const entry = cache.getHeaded<ReplayHead>(key);
  if (!entry) return undefined;
  const { head, rest } = entry;
  for (const [path, identity] of head.inputs) if (pathIdentity(path, now) !== identity) return undefined;
  const writes: Written[] = [];
  let at = 0;
  for (const [fd, length] of head.writes) {
    writes.push([fd, rest.subarray(at, at + length)]);
    at += length;
  }
  return at === rest.length ? { exit: head.exit, writes } : undefined;
}
