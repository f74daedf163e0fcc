// `npm run fuzz`: the fuzzer for as long as asked (FUZZ_SECONDS, default 600) from a random
// seed (or FUZZ_SEED), printing the seed first so any run can be repeated; failing inputs
// are saved to fuzz-crashes/ with the command that failed on them.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { fuzz, saveFailures } from './fuzz-run.js';

const seconds = Number(process.env.FUZZ_SECONDS) || 600;
const seed = Number(process.env.FUZZ_SEED) || Math.floor(Math.random() * 2 ** 31);

it(`fuzz for ${seconds} s`, async () => {
  process.stdout.write(`gongkai fuzz: seed ${seed} (repeat with FUZZ_SEED=${seed}), ${seconds} s\n`);
  let last = Date.now();
  const counts = await fuzz(seed, {
    until: Date.now() + seconds * 1000,
    onProgress: (c) => {
      if (Date.now() - last < 30_000) return;
      last = Date.now();
      process.stdout.write(`  ${c.ledgers} ledgers, ${c.runs} runs, exit codes ${JSON.stringify(c.exitCodes)}, ${c.failures.length} failures\n`);
    },
  });
  const saved = saveFailures(counts.failures, join(ROOT, 'fuzz-crashes'));
  process.stdout.write(
    `gongkai fuzz: seed ${seed}: ${counts.ledgers} mutated ledgers, ${counts.runs} runs, exit codes ${JSON.stringify(counts.exitCodes)}, ` +
      `${counts.failures.length} failures${saved.length ? ` (inputs in ${join(ROOT, 'fuzz-crashes')})` : ''}\n`,
  );
  expect(counts.failures.map((f) => `${f.command.join(' ')}: ${f.problem}`)).toEqual([]);
}, (seconds + 120) * 1000);
