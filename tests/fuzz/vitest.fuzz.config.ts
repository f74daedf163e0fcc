import { defineConfig } from 'vitest/config';

// `npm run fuzz` runs only the long fuzzer; `npm test` runs the bounded one (fuzz.test.ts).
export default defineConfig({
  test: {
    include: ['tests/fuzz/long-fuzz.ts', 'tests/fuzz/notice-long-fuzz.ts'],
    pool: 'forks',
    env: { GONGKAI_CACHE: 'off' },
  },
});
