import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { onTestFinished } from 'vitest';

/** A temp folder with the given files, removed when the test ends. */
export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/**
 * A temp folder that lives until the whole test run ends (global-setup removes the run's folder),
 * for set-ups made once and copied by many tests: a template repository, a LibreOffice profile.
 */
export function runTempDir(prefix: string): string {
  const runDir = process.env.GONGKAI_TEST_RUN_DIR ?? tmpdir();
  mkdirSync(runDir, { recursive: true });
  return mkdtempSync(join(runDir, `${prefix}-`));
}

const templates = new Map<string, Promise<string>>();

/**
 * A copy of a folder that `make` fills once per test run (the first time `key` is asked for) and every
 * later caller copies: a set-up of git repositories, commits and hooks is paid once, a copy costs little.
 * The made folder is kept under the run's folder by the key's hash, so the other vitest worker copies it
 * too (two workers asking at the same moment may each make one; the first kept is the one kept). The copy
 * goes into `into` (made if missing), or a temp folder removed when the test ends. The folder must not
 * depend on where it lies (a clone's remote is fixed by the caller) nor on which process made it.
 */
export async function copyOfTemplate(key: string, make: (dir: string) => Promise<void> | void, into?: string): Promise<string> {
  let template = templates.get(key);
  if (!template) {
    template = (async () => {
      const runDir = process.env.GONGKAI_TEST_RUN_DIR;
      const kept = runDir ? join(runDir, `template-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`) : undefined;
      if (kept && existsSync(kept)) return kept;
      const dir = runTempDir('template');
      await make(dir);
      return keep(dir, kept);
    })();
    templates.set(key, template);
    template.catch(() => templates.delete(key));
  }
  const copy = into ?? tempDir();
  cpSync(await template, copy, { recursive: true });
  return copy;
}

let emptyRepository: string | undefined;
const committedRepositories = new Map<string, string>();

/**
 * A real git repository in a temp folder, with the files committed. The repository for given files is
 * made (git add, git commit) once per test run and copied for each caller, as copyOfTemplate does.
 */
export function gitRepo(files: Record<string, string | Buffer>): string {
  const hash = createHash('sha256');
  for (const [name, content] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(name).update('\0').update(content).update('\0');
  const key = hash.digest('hex').slice(0, 16);
  let template = committedRepositories.get(key);
  if (!template) {
    const runDir = process.env.GONGKAI_TEST_RUN_DIR;
    const kept = runDir ? join(runDir, `git-repo-${key}`) : undefined;
    template = kept && existsSync(kept) ? kept : keep(makeGitRepo(files), kept);
    committedRepositories.set(key, template);
  }
  const dir = tempDir();
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** Moves a made folder to where the other worker finds it (atomically: it sees the whole folder or none), unless one is there already. */
function keep(dir: string, kept: string | undefined): string {
  if (!kept) return dir;
  try {
    renameSync(dir, kept);
    return kept;
  } catch {
    return existsSync(kept) ? kept : dir;
  }
}

function makeGitRepo(files: Record<string, string | Buffer>): string {
  const dir = runTempDir('git-repo');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'pipe' });
  if (!emptyRepository) {
    // `git init` and the tester's identity once per test process; each repository starts as a copy of that .git.
    const made = runTempDir('empty-repository');
    git(made, 'init', '-q', '-b', 'main');
    git(made, 'config', 'user.name', '测试员');
    git(made, 'config', 'user.email', 'tester@example.invalid');
    git(made, 'config', 'commit.gpgsign', 'false');
    emptyRepository = made;
  }
  cpSync(join(emptyRepository, '.git'), join(dir, '.git'), { recursive: true });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}

/** Runs git in a folder and returns its stdout. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
}

/** Reads a ledger from given bytes and runs every check, as an edit does (for tests that call the edit layer directly). */
export function checkedOpener(file: string, today: string) {
  return async (bytes: Buffer) => {
    const { loadLedger } = await import('../../src/read/load-ledger.js');
    const { checkLedger } = await import('../../src/check/index.js');
    const loaded = await loadLedger(file, { cwd: process.cwd(), override: (f) => (f === file ? bytes : undefined) });
    return { ...loaded, diagnostics: loaded.ledger ? [...loaded.diagnostics, ...(await checkLedger({ ledger: loaded.ledger, today }))] : loaded.diagnostics };
  };
}
