import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const cacheDir = join(tmpdir(), `gongkai-test-cache-${process.pid}`);
process.env.GONGKAI_TEST_CACHE_DIR = cacheDir;

export default defineConfig({
  test: {
    globalSetup: ['tests/helpers/global-setup.ts'],
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    // A guard against a hang, not a measure of speed: the machine is shared and a loaded run is slow, not wrong.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // gongkai processes spawned by tests cache into a temp folder, not the user's ~/.cache.
    env: { GONGKAI_CACHE_DIR: cacheDir },
  },
});
