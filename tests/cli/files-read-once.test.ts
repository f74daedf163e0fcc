import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';
import { toolAvailable } from '../helpers/tools.js';

/**
 * A cold view (GONGKAI_CACHE=off) and a cold validate open each file they depend on once: the settings in
 * gongkai.yaml were looked for, read and parsed twice (to key the cache, then again as the ledger was opened),
 * and the ledger opened with them must be the one the first read named. Counted by strace on the built command.
 */
describe('a cold run reads each of its files once', () => {
  it.skipIf(!toolAvailable('strace', 'apt-get install strace'))('gongkai.yaml, the ledger and its registry, each opened once by every everyday view', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    copyFileSync(SHIPPED_LEDGER, join(dir, 'data', 'ledger.yaml'));
    copyFileSync(SHIPPED_REGISTRY, join(dir, 'data', 'departments.yaml'));
    // The due-soon threshold from the settings changes what overdue lists: the settings read are those used.
    writeFileSync(join(dir, 'gongkai.yaml'), 'ledger: data/ledger.yaml\ndue_soon_days: 15\n');
    for (const view of [['status'], ['status', '--dept', '信息中心'], ['overdue'], ['checklist', '--dept', '信息中心'], ['validate']]) {
      const trace = join(dir, 'trace');
      const env = { ...process.env, NO_COLOR: '1', GONGKAI_CACHE: 'off', GONGKAI_LEDGER: '' };
      const traced = spawnSync('strace', ['-f', '-qq', '-o', trace, '-e', 'trace=open,openat', process.execPath, BIN, ...view], { cwd: dir, encoding: 'utf8', env });
      expect(traced.status, traced.stderr).toBe(0);
      const opened = (name: string) => readFileSync(trace, 'utf8').split('\n').filter((line) => line.includes(`${join(dir, name)}"`) && !line.includes('ENOENT')).length;
      expect([opened('gongkai.yaml'), opened('data/ledger.yaml'), opened('data/departments.yaml')], view.join(' ')).toEqual([1, 1, 1]);
      // The same answer as without the trace and with the ledger named on the command line.
      const plain = spawnSync(process.execPath, [BIN, ...view, '--ledger', 'data/ledger.yaml'], { cwd: dir, encoding: 'utf8', env });
      expect(traced.stdout, view.join(' ')).toBe(plain.stdout);
    }
  });
});
