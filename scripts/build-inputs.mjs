// What a build is made from, as hashes: scripts/build.mjs names its bundle after the first and skips a build
// (--if-changed) when dist/ was made from the same as the second; tests/cli/build-inputs.test.ts checks both.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A hash of the sources the bundle is made from: cached results carry it, so a rebuilt gongkai never reads an older one's. */
export function buildIdentity(root) {
  const hash = createHash('sha256');
  const files = ['package.json', 'package-lock.json', ...readdirSync(join(root, 'src'), { recursive: true }).map((f) => join('src', String(f)))].sort();
  for (const file of files) {
    if (!/\.(ts|json)$/.test(file)) continue;
    hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Everything dist/ is made from: the sources (their identity), the build's own scripts, the ledger its V8 code is
 * trained on, the node that trains it and the options. With --if-changed (npm test) nothing is built when dist/
 * holds a build of the same: the second build of a CI run (npm ci's prepare made the first) and each local run
 * that changed only tests.
 */
export function madeFrom(root, { minify }) {
  const hash = createHash('sha256').update(buildIdentity(root));
  for (const file of ['scripts/build.mjs', 'scripts/build-inputs.mjs', 'scripts/direct-exports.mjs', 'scripts/train-code.mjs', 'data/ledger.yaml', 'data/departments.yaml']) {
    hash.update('\0').update(existsSync(join(root, file)) ? readFileSync(join(root, file)) : '');
  }
  return hash.update(`\0${process.version}\0${process.arch}\0${minify}`).digest('hex');
}
