import { accessSync, constants, mkdirSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/helpers/sequencer.js';
import { removeLeftRuns, RUN_PREFIX } from './tests/helpers/left-runs.js';

/**
 * Where the run's files go: in memory (tmpfs) where the machine has one. The tests make and remove
 * thousands of small files (repositories copied from templates, ledgers written with fsync); on this
 * machine's disk (ext4 mounted with `discard`) each removal and fsync waits for the disk, which cost
 * the workers tens of seconds a run. Nothing a test checks depends on the disk.
 */
function scratchFolder(): string {
  try {
    accessSync('/dev/shm', constants.W_OK | constants.X_OK);
    // A run needs some tens of MB; a container's /dev/shm may be as small as 64 MB.
    const { bavail, bsize } = statfsSync('/dev/shm');
    if (bavail * bsize >= 1024 ** 3) return '/dev/shm';
  } catch {
    // No /dev/shm here, or not ours to write.
  }
  return tmpdir();
}

const scratch = scratchFolder();
// Runs killed before their clean-up left folders named by the pid of a process that is gone: a later run whose
// process gets the same pid would otherwise start among their spawner FIFOs and set-ups made by older code.
removeLeftRuns(scratch, process.pid);
/** The run's own folder, removed when the run ends (tests/helpers/global-setup.ts): gongkai's cache, set-ups made once and copied, and every test's temp folder. */
const runDir = join(scratch, `${RUN_PREFIX}${process.pid}`);
process.env.GONGKAI_TEST_RUN_DIR = runDir;
/** Every temp folder of the run (os.tmpdir() in the tests, and in gongkai and git started by them) is under the run's folder. */
const runTmp = join(runDir, 'tmp');
mkdirSync(runTmp, { recursive: true });
process.env.TMPDIR = runTmp;
/**
 * What `git init` and `git clone` copy into every new .git: an empty hooks folder, and a config that
 * turns off the `git gc --auto` a repository starts after receiving a push (the GIT_CONFIG_* below do
 * not reach it: git's local transport does not pass them on). git's own template adds 13 sample hooks
 * and two other files to each repository, a third of the files that each copy of a set-up repository
 * writes and each test's clean-up removes.
 */
const gitTemplate = join(runDir, 'git-template');
mkdirSync(join(gitTemplate, 'hooks'), { recursive: true });
writeFileSync(join(gitTemplate, 'config'), '[receive]\n\tautogc = false\n');
process.env.GIT_TEMPLATE_DIR = gitTemplate;
// gongkai makes no TLS connection, and with this set every node process the tests start (hundreds:
// gongkai runs, hooks, merge drivers) first parses the whole CA bundle, about a fifth of a gongkai start-up.
delete process.env.NODE_EXTRA_CA_CERTS;

/**
 * git's housekeeping after a commit or merge (`git maintenance run --auto`) is one more process each
 * time, hundreds in a run, and never has anything to do in a test's small repositories. Passed as
 * GIT_CONFIG_* so every git the tests start, hooks' and gongkai's included, reads it. (A push's receiving
 * side does not see these: the git template above turns its `gc --auto` off.)
 */
const noGitHousekeeping = {
  GIT_CONFIG_COUNT: '1',
  GIT_CONFIG_KEY_0: 'maintenance.auto',
  GIT_CONFIG_VALUE_0: 'false',
};

export default defineConfig({
  test: {
    globalSetup: ['tests/helpers/global-setup.ts'],
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/helpers/small-spawner.ts', 'tests/helpers/cpu-log.ts'],
    // Processes, not threads: tests run gongkai in-process from a folder of their own (process.chdir).
    pool: 'forks',
    // One process per worker for all its files, not one per file: a fresh process and a fresh import of
    // src/ for each of 80 files cost about 35 s of CPU. Tests leave no process state behind (runCli
    // restores the folder, tests that set process.env restore it); gongkai's in-memory caches are keyed
    // by content. `npx vitest run <file>` still runs that file alone.
    isolate: false,
    // Both cores: vitest's default leaves one of two idle.
    maxWorkers: 2,
    // The longest files first, so that both workers end together (tests/helpers/sequencer.ts).
    sequence: { sequencer: LongestFirst },
    // A guard against a hang, not a measure of speed: the machine is shared and a loaded run is slow, not wrong.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // gongkai processes spawned by tests cache into a temp folder, not the user's ~/.cache.
    env: { GONGKAI_CACHE_DIR: join(runDir, 'cache'), GONGKAI_TEST_RUN_DIR: runDir, TMPDIR: runTmp, GIT_TEMPLATE_DIR: gitTemplate, ...noGitHousekeeping },
    experimental: {
      // The TypeScript of src/ and tests/, compiled for the workers, kept between runs (node_modules/.experimental-vitest-cache),
      // keyed by each file's content, vitest's version and this config: a second run compiles only what changed.
      fsModuleCache: true,
    },
  },
});
