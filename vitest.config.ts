import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/** The run's own folder, removed when the run ends (tests/helpers/global-setup.ts): gongkai's cache, and set-ups made once and copied. */
const runDir = join(tmpdir(), `gongkai-test-run-${process.pid}`);
process.env.GONGKAI_TEST_RUN_DIR = runDir;

export default defineConfig({
  test: {
    globalSetup: ['tests/helpers/global-setup.ts'],
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/helpers/cpu-log.ts'],
    pool: 'forks',
    // Both cores: vitest's default leaves one of two idle.
    maxWorkers: 2,
    // A guard against a hang, not a measure of speed: the machine is shared and a loaded run is slow, not wrong.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // gongkai processes spawned by tests cache into a temp folder, not the user's ~/.cache.
    env: { GONGKAI_CACHE_DIR: join(runDir, 'cache'), GONGKAI_TEST_RUN_DIR: runDir },
  },
});
