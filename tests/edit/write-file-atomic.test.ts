import { appendFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { identityVouches, writeFileAtomic, writeFileAtomicMeanwhile } from '../../src/edit/write-file-atomic.js';
import { UserError } from '../../src/errors.js';
import { readRegularFileSeen, type SeenFile } from '../../src/read/read-regular-file.js';
import { tempDir } from '../helpers/temp.js';

/** A ledger-like file and what a read of it saw, as if the read came `readAfterMs` after the file's last change. */
function readFileAfter(readAfterMs: number) {
  const dir = tempDir({ 'ledger.yaml': 'a: 1\n' });
  const file = join(dir, 'ledger.yaml');
  const { bytes, seen } = readRegularFileSeen(file);
  return { dir, file, bytes, seen: { ...seen, at: seen.ctimeNs + BigInt(readAfterMs) * 1_000_000n } satisfies SeenFile };
}

const temps = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('the last check before the rename', () => {
  it('vouches by identity for a file settled when read: the content is not read again, and the check after the rename still catches what it missed', () => {
    const { dir, file, seen } = readFileAfter(1_000);
    // Bytes other than the file's, with the file's own identity: only a check that reads the content can tell.
    let thrown: unknown;
    try {
      writeFileAtomic(file, 'a: 2\n', { unchangedSince: Buffer.from('a: 0\n'), seen });
    } catch (cause) {
      thrown = cause;
    }
    // Renamed (the identity vouched), then the content read through the replaced file differed: kept beside, and said.
    expect(readFileSync(file, 'utf8')).toBe('a: 2\n');
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as Error).message).toContain('另一个程序也改了它');
    const kept = readdirSync(dir).find((name) => name.startsWith('ledger.yaml.concurrent-'));
    expect(readFileSync(join(dir, kept!), 'utf8')).toBe('a: 1\n');
  });

  it('reads the content when the file changed within two clock ticks of the read: its stamp may not show a write that came after', () => {
    const { dir, file, seen } = readFileAfter(5);
    expect(writeFileAtomic(file, 'a: 2\n', { unchangedSince: Buffer.from('a: 0\n'), seen })).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('a: 1\n');
    expect(temps(dir)).toEqual([]);
  });

  it('reads the content when the identity changed since the read, and a write made meanwhile stops the rename', () => {
    const { dir, file, bytes, seen } = readFileAfter(1_000);
    expect(writeFileAtomic(file, 'a: 2\n', { unchangedSince: bytes, seen, afterSync: () => appendFileSync(file, 'b: 3\n') })).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('a: 1\nb: 3\n');
    expect(temps(dir)).toEqual([]);
  });

  it('trusts an identity only on a local file system that stamps below the second, for a file settled when read', () => {
    const { file, seen } = readFileAfter(1_000);
    expect(identityVouches(file, seen)).toBe(true);
    // Stamped in whole seconds (ext3, ext4 with small inodes, a network share): two writes in one second look alike.
    const wholeSecond = seen.ctimeNs - (seen.ctimeNs % 1_000_000_000n);
    expect(identityVouches(file, { ...seen, ctimeNs: wholeSecond, at: wholeSecond + 1_000_000_000n })).toBe(false);
    expect(identityVouches(file, { ...seen, at: seen.ctimeNs + 5_000_000n })).toBe(false);
    // A file system not known to stamp every change (here /proc's).
    expect(identityVouches('/proc/version', seen)).toBe(false);
  });

  it('an unchanged file is replaced, keeping its mode', () => {
    const { file, bytes, seen } = readFileAfter(1_000);
    const mode = statSync(file).mode;
    expect(writeFileAtomic(file, 'a: 2\n', { unchangedSince: bytes, seen })).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('a: 2\n');
    expect(statSync(file).mode).toBe(mode);
  });
});

describe('work done while the new bytes are synced', () => {
  it('runs before the rename (the file still holds the old content), and the new content is in place once the write returns', async () => {
    const { file, bytes, seen } = readFileAfter(1_000);
    let seenMeanwhile = '';
    const written = await writeFileAtomicMeanwhile(file, 'a: 2\n', { unchangedSince: bytes, seen }, async () => {
      await Promise.resolve();
      seenMeanwhile = readFileSync(file, 'utf8');
    });
    expect(written).toBe(true);
    expect(seenMeanwhile).toBe('a: 1\n');
    expect(readFileSync(file, 'utf8')).toBe('a: 2\n');
  });

  it('a failure of that work writes nothing and leaves no temp file', async () => {
    const { dir, file, bytes, seen } = readFileAfter(1_000);
    const failing = writeFileAtomicMeanwhile(file, 'a: 2\n', { unchangedSince: bytes, seen }, async () => {
      throw new Error('cache full');
    });
    await expect(failing).rejects.toThrow('cache full');
    expect(readFileSync(file, 'utf8')).toBe('a: 1\n');
    expect(temps(dir)).toEqual([]);
  });
});
