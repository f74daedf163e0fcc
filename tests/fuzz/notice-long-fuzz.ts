// `npm run fuzz` also fuzzes the notice importer, for FUZZ_SECONDS (default 600) from a random seed
// (or FUZZ_SEED); failing notices are saved to fuzz-crashes/.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { fuzzNotices, saveNoticeFailures } from './notice-fuzz-run.js';

const seconds = Number(process.env.FUZZ_SECONDS) || 600;
const seed = Number(process.env.FUZZ_SEED) || Math.floor(Math.random() * 2 ** 31);

it(`fuzz the notice importer for ${seconds} s`, async () => {
  process.stdout.write(`gongkai notice fuzz: seed ${seed} (repeat with FUZZ_SEED=${seed}), ${seconds} s\n`);
  const counts = await fuzzNotices(seed, { until: Date.now() + seconds * 1000 });
  const saved = saveNoticeFailures(counts.failures, join(ROOT, 'fuzz-crashes'));
  process.stdout.write(`gongkai notice fuzz: seed ${seed}: ${counts.notices} notices, exit codes ${JSON.stringify(counts.exitCodes)}, ${counts.failures.length} failures${saved.length ? ` (inputs in ${join(ROOT, 'fuzz-crashes')})` : ''}\n`);
  expect(counts.failures.map((f) => `notice ${f.index}: ${f.problem}`)).toEqual([]);
}, (seconds + 120) * 1000);
