import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/paths.js';
import { hasStackTrace } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

describe('a working folder deleted under the shell', () => {
  it('is said in one line with exit code 2, with or without the cache, not as a stack trace', () => {
    const dir = join(tempDir(), 'gone');
    mkdirSync(dir);
    for (const cache of ['', 'off']) {
      // The shell enters the folder, removes it and starts gongkai there (as a user whose folder another window deleted).
      const result = spawnSync('bash', ['-c', 'cd "$1" && rmdir "$1" && exec "$2" "$3" status', 'gone', dir, process.execPath, BIN], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', GONGKAI_CACHE: cache, GONGKAI_CACHE_DIR: join(dir, '..', 'cache') },
      });
      mkdirSync(dir);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toBe('gongkai: 错误[WORKING_FOLDER_GONE] 运行所在的目录已不存在（被删除或移走），请换到一个存在的目录再运行\n');
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
  });
});
