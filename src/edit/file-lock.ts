import { closeSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { removeFile } from './remove-file.js';
import { permissionRefusal } from './write-file-atomic.js';

/** Who holds a lock: written into the lock file so a waiter can tell a crashed holder from a live one. */
interface LockOwner {
  pid: number;
  host: string;
  /** When the process started (Linux: clock ticks since boot, from /proc), so a reused pid is not taken for the holder. */
  started: string | null;
}

/** A lock file gongkai cannot read the owner of is judged by its age. */
const UNKNOWN_STALE_MS = 30_000;
const EMPTY_STALE_MS = 2_000;
/** The breaker is held only while one waiter re-reads and removes a dead holder's lock: microseconds. */
const BREAKER_STALE_MS = 5_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A process's start time, or null where /proc does not say. */
function processStart(pid: number | 'self'): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may hold spaces, so count from its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function readOwner(lock: string): { owner?: LockOwner; text: string } | undefined {
  let text: string;
  try {
    text = readFileSync(lock, 'utf8');
  } catch {
    return undefined; // Released meanwhile.
  }
  // Earlier gongkai wrote the pid alone.
  if (/^\d+$/.test(text.trim())) return { owner: { pid: Number(text.trim()), host: hostname(), started: null }, text };
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    // Without a host the lock was written on this one (by hand, or an older writer): its pid can be checked.
    if (typeof owner.pid === 'number' && Number.isSafeInteger(owner.pid) && owner.pid > 0) {
      return { owner: { pid: owner.pid, host: typeof owner.host === 'string' ? owner.host : hostname(), started: typeof owner.started === 'string' ? owner.started : null }, text };
    }
  } catch {
    // Empty (its creator was killed between creating and writing it) or not ours: judged by age.
  }
  return { text };
}

/** True when the lock's holder is certainly gone: a process of this host that no longer runs (or a new process under its pid). */
function holderIsGone(lock: string, seen: { owner?: LockOwner; text: string }): boolean {
  const { owner } = seen;
  if (!owner) {
    try {
      // Writing the owner takes microseconds after the create: an empty lock older than that was never finished.
      return Date.now() - statSync(lock).mtimeMs > (seen.text === '' ? EMPTY_STALE_MS : UNKNOWN_STALE_MS);
    } catch {
      return false;
    }
  }
  if (owner.host !== hostname()) return false; // Another machine's process cannot be checked: wait for it.
  try {
    process.kill(owner.pid, 0);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ESRCH') return true;
  }
  const started = processStart(owner.pid);
  return owner.started !== null && started !== null && started !== owner.started;
}

/**
 * Removes a dead holder's lock, safely against other waiters doing the same:
 * only the one holding the breaker (created with O_EXCL) may remove it, and it
 * checks again, under the breaker, that the lock is still the dead one it saw.
 * Without this, a second waiter could remove the lock the first had just taken.
 */
function breakStaleLock(lock: string, seenText: string): void {
  const breaker = `${lock}.break`;
  let fd: number;
  try {
    fd = openSync(breaker, 'wx');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
    // A breaker left by a process killed inside those microseconds.
    try {
      if (Date.now() - statSync(breaker).mtimeMs > BREAKER_STALE_MS) removeFile(breaker);
    } catch {
      // Gone already.
    }
    return;
  }
  try {
    const now = readOwner(lock);
    if (now && now.text === seenText && holderIsGone(lock, now)) removeFile(lock);
  } finally {
    closeSync(fd);
    removeFile(breaker);
  }
}

function describeHolder(seen: { owner?: LockOwner } | undefined): string {
  const owner = seen?.owner;
  if (!owner) return '';
  return `：进程 ${owner.pid}，主机 ${owner.host}`;
}

/**
 * Takes an exclusive lock on `file` (a `.name.lock` file created with O_EXCL
 * beside it, holding pid, host and start time), so concurrent gongkai edits
 * take turns; returns the release. A lock whose process is gone on this host
 * is taken over at once; a live holder is waited for up to `timeoutMs`.
 */
export function acquireLock(file: string, timeoutMs = 20_000): () => void {
  const lock = join(dirname(file), `.${basename(file)}.lock`);
  const deadline = Date.now() + timeoutMs;
  const me: LockOwner = { pid: process.pid, host: hostname(), started: processStart('self') };
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx', 0o644);
      writeSync(fd, JSON.stringify(me));
    } catch (cause) {
      const refusal = permissionRefusal(cause, `锁文件 ${lock}`);
      if (refusal) throw refusal;
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
      const seen = readOwner(lock);
      if (seen && holderIsGone(lock, seen)) {
        breakStaleLock(lock, seen.text);
        continue;
      }
      if (Date.now() > deadline) {
        throw new UserError('LEDGER_LOCKED', `台账正被另一个进程编辑（锁文件 ${lock}${describeHolder(seen)}），等了 ${Math.round(timeoutMs / 1000)} 秒仍未结束，未写入；稍后再试。若确认该进程已不在，可删除该锁文件`);
      }
      sleep(10 + Math.random() * 40);
    }
  }
  const held = fd;
  removeDeadTemps(file);
  return () => {
    closeSync(held);
    removeFile(lock);
  };
}

/**
 * Removes the temp files a writer of `file` left when it was killed before
 * its rename (`.name.PID.RANDOM.tmp`): only those whose process is gone, and
 * only while holding the lock, so no live writer's file is touched.
 */
function removeDeadTemps(file: string): void {
  const prefix = `.${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(/^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length))?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
      continue; // Alive: its writer may still rename it.
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'ESRCH') continue;
    }
    removeFile(join(dirname(file), name));
  }
}
