import { rmSync } from 'node:fs';

/** Removes the test run's folder (vitest.config.ts names it: gongkai's cache, shared set-ups) when the run ends. */
export default function setup() {
  return () => {
    const dir = process.env.GONGKAI_TEST_RUN_DIR;
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
