import { rmSync } from 'node:fs';

/** Removes the test run's cache folder (vitest.config.ts names it) when the run ends. */
export default function setup() {
  return () => {
    const dir = process.env.GONGKAI_TEST_CACHE_DIR;
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
