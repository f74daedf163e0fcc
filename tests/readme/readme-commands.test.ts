import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FULL_SIZE, scaled } from '../helpers/scale.js';
import { runTempDir, tempDir } from '../helpers/temp.js';
import { runInProcessShell } from './in-process-shell.js';
import { readmeBlocks, showsOutput, transcriptSteps } from './readme-blocks.js';

/**
 * Every command in the README's code blocks runs here, against a copy of the
 * shipped data made like a fresh clone (a git repository with everything
 * committed), once with the real clock and once with a clock years later: the
 * README must not depend on what year it is (the default size runs the blocks and
 * transcripts under the later clock only, GONGKAI_TEST_SCALE=full under both). Shell blocks run in order in one
 * copy, each in a subshell of its own, as a newcomer would follow them; each transcript (`$ command` and the
 * output shown) runs in a fresh copy, its commands in one shell, and each command's shown output is compared. The first
 * command runs as a real process under the real clock at every size; the blocks and transcripts run in bash with
 * gongkai in this process by default (in-process-shell.ts: about 60 node start-ups fewer) and as a process at full
 * size. Under the later clock the first command is checked by default within the first block, at full size also alone.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const FAKE_CLOCK = join(import.meta.dirname, 'fake-clock.mjs');

/**
 * What a fresh clone has that the README's commands use. node_modules and dist (what `npm ci` makes: the build this
 * run made) are linked, not copied: nothing the README runs writes into them, and dist's hundred files (and their
 * git objects) were most of what each test copied and removed.
 */
const COPIED = ['bin', 'data', 'docs/examples', 'schema', 'scripts', 'gongkai.yaml', 'package.json', 'README.md'];

/** The clone as made once per run: the files copied and committed. Each test copies it (git repository and all), which costs a copy, not a `git init` and a commit. */
let template: string | undefined;
function madeClone(): string {
  if (template) return template;
  const clone = join(runTempDir('readme-clone'), 'gongkai');
  mkdirSync(clone);
  for (const path of COPIED) if (existsSync(join(ROOT, path))) cpSync(join(ROOT, path), join(clone, path), { recursive: true });
  symlinkSync(join(ROOT, 'dist'), join(clone, 'dist'));
  // As in the project: neither is committed.
  writeFileSync(join(clone, '.gitignore'), 'node_modules\ndist\n');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: clone, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  // What three `git config` would write, written at once.
  appendFileSync(join(clone, '.git', 'config'), '[user]\n\tname = 王联络员\n\temail = wang@mca.example\n[commit]\n\tgpgsign = false\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'clone');
  return (template = clone);
}

function freshClone(): string {
  const dir = tempDir();
  const clone = join(dir, 'gongkai');
  cpSync(madeClone(), clone, { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
  // `gongkai` on PATH, as after `npm link`.
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'gongkai'), `#!/bin/sh\nexec node ${JSON.stringify(join(clone, 'bin', 'gongkai.js'))} "$@"\n`, { mode: 0o755 });
  mkdirSync(join(dir, 'home'));
  return clone;
}

function environment(clone: string, now: string | undefined): NodeJS.ProcessEnv {
  const dir = join(clone, '..');
  return {
    PATH: `${join(dir, 'bin')}:${process.env.PATH}`,
    HOME: join(dir, 'home'),
    LANG: 'C.UTF-8',
    GONGKAI_CACHE_DIR: join(dir, 'cache'),
    ...(now ? { NODE_OPTIONS: `--import ${FAKE_CLOCK}`, GONGKAI_TEST_NOW: now } : {}),
  };
}

/**
 * A shell block as the test runs it: `npm ci` is already done (this suite runs
 * after it) and `npm test` is this suite itself, so those two are left out.
 */
function runnable(script: string): string {
  return script
    .split('\n')
    .map((line) => line.replace(/npm ci && /g, '').replace(/ && npm test$/, '').replace(/^npm test$/, ''))
    .map((line) => (/scripts\/install-test-tools\.sh/.test(line) ? '' : line))
    .join('\n');
}

function run(clone: string, command: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync('bash', ['-c', command], { cwd: clone, env, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** A block's or transcript's command: with gongkai as a process at full size, in this process by default (the same clock either way). */
async function runCommand(clone: string, command: string, env: NodeJS.ProcessEnv, now: string | undefined) {
  if (FULL_SIZE) return { ...run(clone, command, env), inProcess: 0 };
  const result = await runInProcessShell(command, { cwd: clone, env, now });
  return { code: result.code, out: result.out, err: result.err, inProcess: result.runs };
}

/**
 * Scripts run one after another by one bash (one shell started, not one each), each with its exit code, stdout and stderr
 * kept in files of their own. `separate`: each in a subshell of its own with `set -e`, as a block pasted into a new
 * terminal (what one exports or where it goes with cd does not reach the next); otherwise in the same shell, as
 * commands typed one after another into one terminal.
 */
async function runEach(clone: string, scripts: string[], env: NodeJS.ProcessEnv, now: string | undefined, separate: boolean) {
  const dir = tempDir();
  const file = (i: number, kind: 'code' | 'out' | 'err') => join(dir, `${i}.${kind}`);
  const script = scripts
    .map((text, i) => `${separate ? `(\nset -e\n${text}\n)` : `{\n${text}\n}`} > '${file(i, 'out')}' 2> '${file(i, 'err')}'\necho $? > '${file(i, 'code')}'`)
    .join('\n');
  const shell = await runCommand(clone, script, env, now);
  const read = (i: number, kind: 'code' | 'out' | 'err') => {
    if (!existsSync(file(i, kind))) throw new Error(`README script did not run: ${scripts[i]}\n${shell.err}`);
    return readFileSync(file(i, kind), 'utf8');
  };
  return { inProcess: shell.inProcess, results: scripts.map((_text, i) => ({ code: Number(read(i, 'code')), out: read(i, 'out'), err: read(i, 'err') })) };
}

const blocks = readmeBlocks(README);

/** The real clock, and one years after the plan: the README must not depend on what year it is. */
const CLOCKS: [string, string | undefined][] = [
  ['with the real clock', undefined],
  ['with a clock years later (2031-06-15)', '2031-06-15T03:00:00Z'],
];
/** The clocks the shell blocks and transcripts (about 60 processes each time) run under: the first command runs under both at any size. */
const BLOCK_CLOCKS = scaled(['2031-06-15T03:00:00Z'], CLOCKS.map(([, now]) => now));

/** What the first command shows whatever the clock: the 2021 plan as of its year end, no day count longer than a year, no later date. */
function expectPlanYearEnd(out: string) {
  expect(out).toContain('2021 年度已结束，按 2021-12-31 统计');
  expect(out).toContain('截至 2021-12-31：35 项任务');
  expect(out).toContain('信息中心（直属单位）');
  for (const days of out.matchAll(/(\d+) 天/g)) expect(Number(days[1])).toBeLessThan(366);
  expect(out.match(/20(2[2-9]|3\d)-\d\d-\d\d/g)).toBeNull();
}

describe('the README', () => {
  it('has the blocks this test reads: the two commands first, the week, and transcripts', () => {
    const scripts = blocks.filter((b) => b.kind === 'script');
    expect(scripts[0]!.text).toContain('npm ci && node bin/gongkai.js status && node bin/gongkai.js status --dept 信息中心');
    expect(scripts.some((b) => b.text.includes('gongkai postpone 22 --to 2021-12-15'))).toBe(true);
    expect(blocks.filter((b) => b.kind === 'transcript').length).toBeGreaterThan(5);
    for (const skipped of blocks.filter((b) => b.skip)) expect(skipped.skip!.length, `README.md:${skipped.line}`).toBeGreaterThan(5);
  });

  describe.each(CLOCKS)('%s', (_name, now) => {
    // Under a clock the shell blocks run under, the first block (these two commands) is checked the same way with them
    // below: by default this test runs under the real clock alone, as a process.
    it.runIf(FULL_SIZE || !BLOCK_CLOCKS.includes(now))('the first command shows the 2021 plan as of its year end: no counts of years, no date outside 2021', async () => {
      const clone = freshClone();
      const first = runnable(blocks.find((b) => b.kind === 'script')!.text.split('\n').find((l) => l.includes('node bin/gongkai.js status'))!);
      // As a process under the real clock; under the later clock in this process by default (the clock is what differs).
      const result = now === undefined ? run(clone, first, environment(clone, now)) : await runCommand(clone, first, environment(clone, now), now);
      expect(result.code, result.err).toBe(0);
      expectPlanYearEnd(result.out);
    }, 60_000);

    // The blocks and transcripts under every clock at full size; the default runs them under the later clock only.
    if (!BLOCK_CLOCKS.includes(now)) return;

    it('every shell block runs, in order, in one fresh clone', async () => {
      const clone = freshClone();
      const env = environment(clone, now);
      const scripts = blocks.filter((b) => b.kind === 'script' && !b.skip);
      const { inProcess, results } = await runEach(clone, scripts.map((block) => runnable(block.text)), env, now, true);
      for (const [i, block] of scripts.entries()) {
        const result = results[i]!;
        expect(result.code, `README.md:${block.line}\n${result.err}`).toBe(0);
        expect(result.err, `README.md:${block.line}`).not.toMatch(/at .+\.js:\d+|gongkai 自身的缺陷/);
      }
      // The first block: the two commands of the test above, as of the plan year's end under this clock too.
      expect(scripts[0]!.text).toContain('node bin/gongkai.js status && node bin/gongkai.js status --dept 信息中心');
      expectPlanYearEnd(results[0]!.out);
      // The week left what it says: letters dated in 2021, the postponement kept, forms and the report written.
      const letters = readdirSync(join(clone, '催办'));
      expect(letters.length).toBeGreaterThan(0);
      for (const letter of letters) expect(readFileSync(join(clone, '催办', letter), 'utf8')).toMatch(/2021年10月8日\n*$/);
      expect(readFileSync(join(clone, 'data', 'ledger-2021-10.yaml'), 'utf8')).toContain('reason: 国办专栏接口规范尚未下发');
      expect(existsSync(join(clone, '报告.html'))).toBe(true);
      expect(existsSync(join(clone, '表格', '信息中心.xlsx'))).toBe(true);
      // By default every gongkai the blocks name ran in this process (the week alone has a dozen).
      if (!FULL_SIZE) expect(inProcess).toBeGreaterThan(20);
    }, 180_000);

    it.each(blocks.filter((b) => b.kind === 'transcript' && !b.skip).map((b) => [b.line, b] as const))('the transcript at README.md:%i shows what gongkai prints', async (_line, block) => {
      const clone = freshClone();
      const env = { ...environment(clone, now), GONGKAI_LEDGER: 'data/ledger-2021-10.yaml' };
      const steps = transcriptSteps(block.text);
      const { results } = await runEach(clone, steps.map((step) => step.command), env, now, false);
      for (const [i, step] of steps.entries()) {
        const result = results[i]!;
        expect(result.err, `README.md:${block.line}: ${step.command}`).not.toMatch(/gongkai 自身的缺陷/);
        const shown = showsOutput(step.shown, result.out + result.err);
        expect(shown, `README.md:${block.line}: ${step.command}\n${result.out}${result.err}`).toEqual({ ok: true });
      }
    }, 60_000);
  });
});
