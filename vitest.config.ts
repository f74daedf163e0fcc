import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    // gongkai processes spawned by tests cache into a temp folder, not the user's ~/.cache.
    env: { GONGKAI_CACHE_DIR: join(tmpdir(), `gongkai-test-cache-${process.pid}`) },
  },
});
