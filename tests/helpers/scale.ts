/**
 * How much of the long runs (simulation rounds, fuzz counts, kill loops) a test
 * run does. `npm test` runs each behaviour at least once at a small size, fast
 * enough for every commit; `.ci/run` sets GONGKAI_TEST_SCALE=full for the sizes
 * that find the rare cases. README, "Tests", says how long each takes.
 */
export const FULL_SIZE = process.env.GONGKAI_TEST_SCALE === 'full';

/** `quick` in the default run, `full` when GONGKAI_TEST_SCALE=full. */
export function scaled<T>(quick: T, full: T): T {
  return FULL_SIZE ? full : quick;
}
