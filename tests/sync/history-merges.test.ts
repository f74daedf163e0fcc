import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { copyOfTemplate, git, tempDir } from '../helpers/temp.js';
import { sharedRepository, type Clone } from './shared-fixture.js';

/** Runs a step with git's clock set to a given day, so branches interleave in date order as they would over a week. */
async function on<T>(day: string, step: () => Promise<T> | T): Promise<T> {
  const saved = { author: process.env.GIT_AUTHOR_DATE, committer: process.env.GIT_COMMITTER_DATE };
  process.env.GIT_AUTHOR_DATE = process.env.GIT_COMMITTER_DATE = `${day}T10:00:00+08:00`;
  try {
    return await step();
  } finally {
    for (const [key, value] of [['GIT_AUTHOR_DATE', saved.author], ['GIT_COMMITTER_DATE', saved.committer]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

const ok = async (clone: Clone, ...args: string[]) => {
  const result = await runCli(args, { cwd: clone.dir });
  expect(result.code, `${args.join(' ')}: ${result.err}`).toBe(0);
  return result;
};

/**
 * Commits the ledger edit past the pre-commit hook, a gongkai process each time (tests/edit/git.test.ts tests it,
 * and gongkai's --commit through it): the ledger is valid, and what these tests ask is how the history reads.
 */
const commitPastHook = (clone: Clone, message: string) => git(clone.dir, 'commit', '-q', '--no-verify', '-am', message);

type LogEntry = { author: string; commit: string; change: { kind: string; item: string; from?: string; to?: string; entry?: { note: string } } };
const describeEntry = (e: LogEntry) => `${e.author} ${e.change.kind} ${e.change.from ?? ''}→${e.change.to ?? ''}${e.change.entry?.note ?? ''}`;

/**
 * The coordinator (办公厅) and 社会救助司 work on item 7 in their own clones;
 * 办公厅 pushes first, 社会救助司 commits later and then syncs: a clean merge
 * whose author is 社会救助司's liaison, dated after both sides.
 */
async function twoClonesOnItemSeven() {
  const { clones } = await sharedRepository(tempDir(), ['办公厅(国际合作司)', '社会救助司']);
  const [office, relief] = clones as [Clone, Clone];
  // Clone i is liaison-i; 社会救助司 is the fifth department of the registry.
  git(relief.dir, 'config', 'user.email', 'liaison-4@example.invalid');
  git(relief.dir, 'config', 'user.name', '张联络员');
  const start = git(office.dir, 'rev-parse', 'HEAD').trim();
  await on('2021-10-11', async () => {
    await ok(office, 'set', '7', '--status', '推进中');
    await ok(office, 'note', '7', '--dept', '办公厅', '--on', '2021-10-11', '办公厅督办');
    await ok(office, 'sync');
  });
  await on('2021-10-12', async () => {
    await ok(relief, 'note', '7', '--dept', '社会救助司', '--on', '2021-10-12', '已发布低保标准');
    commitPastHook(relief, 'gongkai: 7 进展 (社会救助司)');
  });
  await on('2021-10-13', () => ok(relief, 'sync'));
  return { office, relief, start };
}

/**
 * 办公厅 sets item 7 to 推进中 and syncs; 张 in 社会救助司's clone sets it to 持续推进, commits, and pulls:
 * git leaves markers around the one field. Made once per test process and copied for each test that resolves it.
 */
async function conflictOnItemSeven(): Promise<{ office: Clone; relief: Clone }> {
  const departments = ['办公厅(国际合作司)', '社会救助司'];
  const root = await copyOfTemplate('history-merges:conflict-on-item-7', async (dir) => {
    const { clones } = await sharedRepository(dir, departments);
    const [office, relief] = clones as [Clone, Clone];
    git(relief.dir, 'config', 'user.name', '张联络员');
    await on('2021-10-11', async () => {
      await ok(office, 'set', '7', '--status', '推进中');
      await ok(office, 'sync');
    });
    await on('2021-10-12', async () => {
      await ok(relief, 'set', '7', '--status', '持续推进');
      commitPastHook(relief, 'gongkai: 7 未启动→持续推进');
    });
    await on('2021-10-13', () => {
      expect(runGit(relief.dir, 'pull', '-q', '--no-rebase', '--no-edit')).not.toBe(0);
    });
  });
  const [office, relief] = departments.map((dept, i) => ({ dept, dir: join(root, `clone-${i}`) })) as [Clone, Clone];
  return { office, relief };
}

describe('history as git has it: each commit against its own parent', () => {
  it('after a clean sync merge, log shows each change once, credited to who made it, and nothing for the merge', async () => {
    const { relief, start } = await twoClonesOnItemSeven();
    const merge = git(relief.dir, 'rev-parse', 'HEAD').trim();
    expect(git(relief.dir, 'rev-list', '--parents', '-1', 'HEAD').trim().split(' ')).toHaveLength(3);

    const log = await ok(relief, 'log', '7', '--format', 'json');
    const entries = (JSON.parse(log.out) as { entries: LogEntry[] }).entries;
    expect(entries.map(describeEntry).sort()).toEqual(['办公厅(国际合作司)联络员 progress →办公厅督办', '办公厅(国际合作司)联络员 status not_started→in_progress', '张联络员 progress →已发布低保标准'].sort());
    expect(entries.some((e) => merge.startsWith(e.commit))).toBe(false);

    // The whole ledger's log: the same three changes, no more.
    const all = JSON.parse((await ok(relief, 'log', '--format', 'json')).out) as { entries: LogEntry[] };
    expect(all.entries).toHaveLength(3);

    // check-commits judges each commit against its first parent: the merge decided nothing.
    const audit = await ok(relief, 'check-commits', `${start}..HEAD`, '--format', 'json');
    expect(JSON.parse(audit.out)).toMatchObject({ commits: 3, violations: [] });

    // The report's changes since the first day: the same three, each once.
    await ok(relief, 'report', '--since', '2021-10-01', '-o', join(relief.dir, 'r.html'));
    const html = readFileSync(join(relief.dir, 'r.html'), 'utf8');
    expect(html).toContain('共 3 处');
    expect(html).not.toMatch(/推进中\s*→\s*未启动/);

    // diff between the two ends: what changed, whoever made it.
    const diff = JSON.parse((await ok(relief, 'diff', start, 'HEAD', '--format', 'json')).out) as { changes: { kind: string }[] };
    expect(diff.changes.map((c) => c.kind).sort()).toEqual(['progress', 'progress', 'status']);
  });

  it('a conflict resolved by taking one side\'s value adds nothing in the merge\'s name (as git show --cc)', async () => {
    const { relief } = await conflictOnItemSeven();
    await on('2021-10-13', () => {
      // git pull left markers around the one field; 张 settles on 办公厅's value.
      const file = join(relief.dir, 'data', 'ledger.yaml');
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('<<<<<<<');
      const resolved = text.replace(/<<<<<<< [^\n]*\n[\s\S]*?>>>>>>> [^\n]*\n/, (block) => block.split('\n').find((l) => /status:/.test(l))!.replace(/status: .*/, 'status: 推进中') + '\n');
      expect(resolved).not.toContain('<<<<<<<');
      writeFileSync(file, resolved);
      commitPastHook(relief, '合并：第 7 项按办公厅意见');
    });
    const merge = git(relief.dir, 'rev-parse', '--short=7', 'HEAD').trim();
    const entries = (JSON.parse((await ok(relief, 'log', '7', '--format', 'json')).out) as { entries: LogEntry[] }).entries;
    // The resolution took 办公厅's value: the merge changed nothing that one side did not have.
    expect(entries.map(describeEntry).sort()).toEqual(['办公厅(国际合作司)联络员 status not_started→in_progress', '张联络员 status not_started→ongoing'].sort());
    expect(entries.some((e) => e.commit === merge)).toBe(false);
  });

  it('a merge that settles on a value neither side had shows that decision, credited to its author', async () => {
    const { relief } = await conflictOnItemSeven();
    await on('2021-10-13', () => {
      const file = join(relief.dir, 'data', 'ledger.yaml');
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('<<<<<<<');
      writeFileSync(file, text.replace(/<<<<<<< [^\n]*\n[\s\S]*?>>>>>>> [^\n]*\n/, (block) => block.split('\n').find((l) => /status:/.test(l))!.replace(/status: .*/, 'status: 未启动') + '\n'));
      commitPastHook(relief, '合并：第 7 项暂不启动');
    });
    const merge = git(relief.dir, 'rev-parse', '--short=7', 'HEAD').trim();
    const entries = (JSON.parse((await ok(relief, 'log', '7', '--format', 'json')).out) as { entries: LogEntry[] }).entries;
    const byMerge = entries.filter((e) => e.commit === merge);
    expect(byMerge.map(describeEntry)).toEqual(['张联络员 status ongoing→not_started']);
    expect(entries).toHaveLength(3);
  });
});

function runGit(dir: string, ...args: string[]): number {
  try {
    git(dir, ...args);
    return 0;
  } catch (cause) {
    return (cause as { status?: number }).status ?? 1;
  }
}
