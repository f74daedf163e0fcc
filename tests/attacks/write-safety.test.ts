import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, existsSync, readdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editLedgerFile } from '../../src/edit/edit-ledger.js';
import { BIN, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';
import { scaled } from '../helpers/scale.js';
import { checkedOpener, tempDir } from '../helpers/temp.js';

const ledgerDir = () => tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
const hasStrace = spawnSync('strace', ['-V']).status === 0;
const isRoot = process.getuid?.() === 0;

function gongkai(args: string[], options: { prefix?: string[] } = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const [command, ...rest] = [...(options.prefix ?? []), process.execPath, BIN, ...args];
    const child = spawn(command!, rest, { env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** Resolves when the condition holds, checked each time the folder or file changes (inotify), not on a timer. */
const waitFor = (watched: string, condition: () => boolean) =>
  new Promise<void>((resolve) => {
    // Watching first, then checking: a change between the two is not missed.
    const watcher = watch(watched, () => {
      if (condition()) {
        watcher.close();
        resolve();
      }
    });
    if (condition()) {
      watcher.close();
      resolve();
    }
  });

const itemStatus = (text: string, number: string) => {
  const at = text.indexOf(`      - number: "${number}"`);
  return /status: (\S+)/.exec(text.slice(at))![1];
};

describe('an edit made while gongkai writes is not lost', () => {
  it.skipIf(!hasStrace)('a line appended while fsync is delayed (strace) survives, and the edit is made on top of it', async () => {
    const dir = ledgerDir();
    const ledger = join(dir, 'ledger.yaml');
    // Each fsync held back 0.3 s: ample for the append below, which follows the temp file's appearance within milliseconds.
    const strace = ['strace', '-f', '-o', '/dev/null', '-e', 'trace=fsync', '-e', 'inject=fsync:delay_enter=300000'];
    const running = gongkai(['--ledger', ledger, 'set', '4', '--status', '推进中'], { prefix: strace });
    // The temp file exists from just before the write and the fsync until the rename.
    // From then until the rename the delayed fsync holds the write open: the line lands in that window.
    await waitFor(dir, () => readdirSync(dir).some((f) => f.endsWith('.tmp')));
    appendFileSync(ledger, '# 联络员刚加的一行\n');
    const result = await running;
    const text = readFileSync(ledger, 'utf8');
    expect(text).toContain('# 联络员刚加的一行\n');
    if (result.code === 0) expect(itemStatus(text, '4')).toBe('推进中');
    else expect(result.code).toBe(2);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 30_000);

  it('in-process: a change between the fsync and the rename makes the edit start again on the new text', async () => {
    const dir = ledgerDir();
    const ledger = join(dir, 'ledger.yaml');
    let writes = 0;
    const result = await editLedgerFile(ledger, { item: '4', status: 'in_progress' }, {
      cwd: dirname(ledger),
      open: checkedOpener(ledger, '2021-11-01'),
      duringWrite: () => {
        if (writes++ === 0) appendFileSync(ledger, '# 别人的修改\n');
      },
    });
    expect(writes).toBe(2);
    const text = readFileSync(ledger, 'utf8');
    expect(text).toBe(readFileSync(SHIPPED_LEDGER, 'utf8').replace(/(number: "4"[\s\S]*?status: )未启动/, '$1推进中') + '# 别人的修改\n');
    expect(result.itemAfter.status).toBe('in_progress');
  });

  it('another process appending every few ms: refused plainly, nothing lost', async () => {
    const dir = ledgerDir();
    const ledger = join(dir, 'ledger.yaml');
    const appender = spawn(process.execPath, ['-e', `const fs=require('fs');let i=0;setInterval(()=>fs.appendFileSync(${JSON.stringify(ledger)}, '# line '+(i++)+'\\n'),2)`]);
    try {
      await waitFor(ledger, () => readFileSync(ledger, 'utf8').includes('# line 3\n'));
      // gongkai in this process: the other writer is the process that matters here.
      const result = await runCli(['--ledger', ledger, 'set', '4', '--status', '推进中']);
      expect(hasStackTrace(result.err)).toBe(false);
      if (result.code !== 0) {
        expect(result.code).toBe(2);
        expect(result.err).toContain('被别的程序接连改动');
        expect(result.err).toContain('为了不覆盖别人的修改，这次没有写入');
      }
    } finally {
      appender.kill('SIGKILL');
    }
    await new Promise((r) => appender.on('close', r));
    const text = readFileSync(ledger, 'utf8');
    const numbers = [...text.matchAll(/^# line (\d+)$/gm)].map((m) => Number(m[1]));
    expect(numbers.length).toBeGreaterThan(3);
    expect(numbers).toEqual(numbers.map((_, i) => i));
  }, 30_000);
});

describe('read-only is respected', () => {
  it('a 0444 ledger in a writable folder is refused with exit 2 and left alone', async () => {
    const dir = ledgerDir();
    const ledger = join(dir, 'ledger.yaml');
    chmodSync(ledger, 0o444);
    const before = statSync(ledger);
    const result = await runCli(['--ledger', ledger, 'set', '4', '--status', '推进中']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('是只读文件（权限 0444）');
    const after = statSync(ledger);
    expect([after.ino, after.mode, after.mtimeMs]).toEqual([before.ino, before.mode, before.mtimeMs]);
    expect(readdirSync(dir).sort()).toEqual(['departments.yaml', 'ledger.yaml']);
  });

  it('a ledger in a read-only folder is refused with exit 2, not a crash, and no lock is left', async () => {
    const dir = ledgerDir();
    chmodSync(dir, 0o555);
    try {
      const result = await runCli(['--ledger', join(dir, 'ledger.yaml'), 'done', '22']);
      expect(result.code, result.err).toBe(2);
      expect(result.err).toContain('是只读的（权限 0555）');
      expect(hasStackTrace(result.err)).toBe(false);
      expect(readdirSync(dir).sort()).toEqual(['departments.yaml', 'ledger.yaml']);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('keeps the file\'s mode whatever the umask', async () => {
    const dir = ledgerDir();
    const ledger = join(dir, 'ledger.yaml');
    chmodSync(ledger, 0o664);
    // The umask is the process's: set for this one while gongkai runs in it.
    const umask = process.umask(0o077);
    let result;
    try {
      result = await runCli(['--ledger', ledger, 'set', '4', '--status', '推进中']);
    } finally {
      process.umask(umask);
    }
    expect(result.code, result.err).toBe(0);
    expect(statSync(ledger).mode & 0o777).toBe(0o664);
  });

  it.skipIf(!isRoot)('keeps the file\'s owner when run as root', async () => {
    const dir = ledgerDir();
    const ledger = join(dir, 'ledger.yaml');
    chownSync(ledger, 12345, 23456);
    const result = await runCli(['--ledger', ledger, 'set', '4', '--status', '推进中']);
    expect(result.code, result.err).toBe(0);
    expect([statSync(ledger).uid, statSync(ledger).gid]).toEqual([12345, 23456]);
  });
});

describe('stale locks', () => {
  const lockOf = (dir: string) => join(dir, '.ledger.yaml.lock');
  /** /proc start time of a pid, as gongkai records it. */
  const startOf = (pid: number) => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  };

  it('a lock left by a process killed with SIGKILL is taken over at once', async () => {
    const dir = ledgerDir();
    // Any process of this host will do as the holder: `sleep`, not a node start.
    const holder = spawn('sleep', ['1000']);
    await new Promise((r) => holder.on('spawn', r));
    writeFileSync(lockOf(dir), JSON.stringify({ pid: holder.pid, host: hostname(), started: startOf(holder.pid!) }));
    holder.kill('SIGKILL');
    await new Promise((r) => holder.on('close', r));
    const result = await runCli(['--ledger', join(dir, 'ledger.yaml'), 'done', '22', '--on', '2021-10-20']);
    // A lock it did not take over would be waited on for 20 s and then refused (exit 2): success means taken over.
    expect(result.code, result.err).toBe(0);
    expect(existsSync(lockOf(dir))).toBe(false);
  });

  it('a lock whose pid now belongs to another process (a different start time) is taken over', async () => {
    const dir = ledgerDir();
    // The pid of a live process (the test run's own) whose start time is not the one recorded.
    writeFileSync(lockOf(dir), JSON.stringify({ pid: process.ppid, host: hostname(), started: '1' }));
    const result = await runCli(['--ledger', join(dir, 'ledger.yaml'), 'done', '22', '--on', '2021-10-20']);
    expect(result.code, result.err).toBe(0);
    expect(existsSync(lockOf(dir))).toBe(false);
  });

  it('a live holder is waited for, and the edit lands after it lets go', async () => {
    const dir = ledgerDir();
    const lock = lockOf(dir);
    const released = join(dir, 'released');
    // The holder (a shell: no node start) holds the lock 0.8 s, marks the moment it lets go, then lets go.
    const holder = spawn('sh', ['-c', 'sleep 0.8; : > "$1"; rm -f "$2"', 'sh', released, lock]);
    await new Promise((r) => holder.on('spawn', r));
    writeFileSync(lock, JSON.stringify({ pid: holder.pid, host: hostname(), started: startOf(holder.pid!) }));
    // gongkai in this process waits for the holder, a process of its own.
    const result = await runCli(['--ledger', join(dir, 'ledger.yaml'), 'done', '22', '--on', '2021-10-20']);
    expect(result.code, result.err).toBe(0);
    // Written after the holder let go, not over its lock: the order of the two files, not a stopwatch.
    expect(statSync(join(dir, 'ledger.yaml')).mtimeMs).toBeGreaterThanOrEqual(statSync(released).mtimeMs);
  });

  /** Editors started at once: more than the cores, so several find the dead holder's lock together. */
  const EDITORS = scaled(4, 10);
  it(`${EDITORS} editors meeting one dead holder's lock: it is broken once, every edit lands`, async () => {
    const dir = ledgerDir();
    const ledger = join(dir, 'ledger.yaml');
    writeFileSync(lockOf(dir), JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), started: '1' }));
    const items = Array.from({ length: EDITORS }, (_, i) => String(i + 1));
    const results = await Promise.all(items.map((n) => gongkai(['--ledger', ledger, 'set', n, '--status', '推进中'])));
    for (const r of results) expect(r.code, r.err).toBe(0);
    const text = readFileSync(ledger, 'utf8');
    for (const n of items) expect(itemStatus(text, n)).toBe('推进中');
    expect(readdirSync(dir).sort()).toEqual(['departments.yaml', 'ledger.yaml']);
  }, 30_000);

  it('a lock of another host is not broken: the message names it', async () => {
    const dir = ledgerDir();
    writeFileSync(lockOf(dir), JSON.stringify({ pid: 4242, host: 'other-host.invalid', started: '1' }));
    const { acquireLock } = await import('../../src/edit/file-lock.js');
    expect(() => acquireLock(join(dir, 'ledger.yaml'), 300)).toThrow(/进程 4242，主机 other-host\.invalid/);
    expect(existsSync(lockOf(dir))).toBe(true);
  });
});
