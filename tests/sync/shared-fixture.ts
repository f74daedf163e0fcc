import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { copyOfTemplate, git } from '../helpers/temp.js';

/** The shipped registry with the i-th department's liaison as liaison-i@example.invalid, and 办公厅 as the coordinator. */
export function registryWithCommitters(): string {
  const text = readFileSync(SHIPPED_REGISTRY, 'utf8');
  const groups = text.indexOf('\ngroups:');
  let i = 0;
  const departments = text.slice(0, groups).replace(/^  - name: .*\n/gm, (line) => `${line}    committers: [liaison-${i}@example.invalid]\n${i++ === 0 ? '    coordinator: true\n' : ''}`);
  return departments + text.slice(groups);
}

export interface Clone {
  dept: string;
  dir: string;
}

/**
 * A shared bare repository and one clone per department, each set up by `gongkai hook install`.
 * Made once per test process for each list of departments (every clone runs git and hook install) and
 * copied into `root` for each caller.
 */
export async function sharedRepository(root: string, departments: string[]) {
  await copyOfTemplate(`shared-repository:${JSON.stringify(departments)}`, (dir) => makeSharedRepository(dir, departments), root);
  const server = join(root, 'server.git');
  const clones = departments.map((dept, i) => ({ dept, dir: join(root, `clone-${i}`) }));
  // Each clone's remote names the server where it was made: point it at this copy's.
  for (const clone of clones) git(clone.dir, 'remote', 'set-url', 'origin', server);
  return { server, clones };
}

async function makeSharedRepository(root: string, departments: string[]): Promise<void> {
  const server = join(root, 'server.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', server]);
  for (const [i, dept] of departments.entries()) {
    const dir = join(root, `clone-${i}`);
    if (i === 0) {
      // The coordinator starts the repository: ledger, registry, gongkai.yaml, then hook install adds .gitattributes.
      execFileSync('git', ['init', '-q', '-b', 'main', dir]);
      execFileSync('mkdir', ['-p', join(dir, 'data')]);
      execFileSync('cp', [SHIPPED_LEDGER, join(dir, 'data')]);
      writeFileSync(join(dir, 'data', 'departments.yaml'), registryWithCommitters());
      execFileSync('sh', ['-c', 'printf "ledger: data/ledger.yaml\\n" > gongkai.yaml'], { cwd: dir });
    } else {
      execFileSync('git', ['clone', '-q', server, dir]);
    }
    git(dir, 'config', 'user.name', `${dept}联络员`);
    git(dir, 'config', 'user.email', `liaison-${i}@example.invalid`);
    git(dir, 'config', 'commit.gpgsign', 'false');
    const installed = await runCli(['hook', 'install'], { cwd: dir });
    expect(installed.code, installed.err).toBe(0);
    if (i === 0) {
      git(dir, 'add', '-A');
      // The shipped ledger, valid: the pre-commit hook (a gongkai process; tests/edit/git.test.ts tests it) would only say so.
      git(dir, 'commit', '-q', '--no-verify', '-m', '台账');
      git(dir, 'remote', 'add', 'origin', server);
      git(dir, 'push', '-q', '-u', 'origin', 'main');
    }
  }
}


/** The shipped registry with liaisons' git identities and the coordinator marked. */
export function registryOfThree(extra: (text: string) => string = (t) => t): string {
  return extra(readFileSync(SHIPPED_REGISTRY, 'utf8')
    .replace('    aliases: [办公厅, 国际合作司]\n    kind: internal\n', '    aliases: [办公厅, 国际合作司]\n    kind: internal\n    coordinator: true\n    committers: [office@example.invalid]\n')
    .replace('  - name: 社会救助司\n    kind: internal\n', '  - name: 社会救助司\n    kind: internal\n    committers: [jiuzhu@example.invalid, 救助司联络员]\n')
    .replace('  - name: 信息中心\n    kind: affiliated\n', '  - name: 信息中心\n    kind: affiliated\n    committers: [xinxi@example.invalid]\n'));
}

/**
 * A bare shared repository with gongkai's pre-receive hook, seeded by the coordinator, and a clone acting as `email`.
 * The server and seed are made once per test process for each set of options, and copied for each caller.
 */
export async function policedRepository(options: { registry?: string; hookArgs?: string[] } = {}) {
  const root = await copyOfTemplate(`policed-repository:${JSON.stringify(options)}`, (dir) => makePolicedRepository(dir, options));
  const server = join(root, 'server.git');
  const seed = join(root, 'seed');
  const clone = (name: string, email: string) => {
    const dir = join(root, email);
    // The identity written into the clone's config by clone itself: one git process, not three.
    execFileSync('git', ['clone', '-q', '-c', `user.name=${name}`, '-c', `user.email=${email}`, server, dir]);
    return dir;
  };
  return { root, server, seed, clone };
}

async function makePolicedRepository(root: string, options: { registry?: string; hookArgs?: string[] }): Promise<void> {
  const server = join(root, 'server.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', server]);
  const seed = join(root, 'seed');
  mkdirSync(join(seed, 'data'), { recursive: true });
  writeFileSync(join(seed, 'data', 'ledger.yaml'), readFileSync(SHIPPED_LEDGER));
  writeFileSync(join(seed, 'data', 'departments.yaml'), options.registry ?? registryOfThree());
  writeFileSync(join(seed, 'gongkai.yaml'), 'ledger: data/ledger.yaml\n');
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: seed });
  git(seed, 'config', 'user.name', '办公厅统筹');
  git(seed, 'config', 'user.email', 'office@example.invalid');
  git(seed, 'add', '-A');
  git(seed, 'commit', '-q', '-m', '台账');
  git(seed, 'push', '-q', server, 'main');
  const installed = await runCli(['hook', 'install', '--server', ...(options.hookArgs ?? [])], { cwd: server });
  expect(installed.code, installed.err).toBe(0);
}

/**
 * Commits, each on a branch of its own made from `from`, changing the given files of `from`'s tree (null: the
 * file removed), by `author` (as name <email>): all made by one git process (fast-import), their short hashes read
 * by one more. Each git process costs a busy machine about 10 ms; checkout, add, commit and rev-parse for each of
 * a push's refused commits added up. The working tree is left as it was.
 */
export function commitBranches(
  dir: string,
  from: string,
  author: { name: string; email: string },
  commits: { branch: string; message: string; files: Record<string, string | Buffer | null>; /** Another start: an earlier commit's branch. */ after?: string }[],
): string[] {
  const data = (bytes: Buffer) => [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')];
  const stream = commits.flatMap(({ branch, message, files, after }, i) => [
    Buffer.from(`commit refs/heads/${branch}\ncommitter ${author.name} <${author.email}> ${1_633_000_000 + i} +0800\n`),
    ...data(Buffer.from(message)),
    Buffer.from(`from ${after ? `refs/heads/${after}` : from}\n`),
    ...Object.entries(files).flatMap(([path, content]) => (content === null ? [Buffer.from(`D ${path}\n`)] : [Buffer.from(`M 100644 inline ${path}\n`), ...data(Buffer.from(content))])),
  ]);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: Buffer.concat(stream) });
  // rev-parse abbreviates one revision at a time: seven digits, as in the server's answers (unique in these small repositories).
  return git(dir, 'rev-parse', ...commits.map((c) => c.branch)).trim().split('\n').map((hash) => hash.slice(0, 7));
}
