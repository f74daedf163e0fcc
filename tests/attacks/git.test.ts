import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { git, gitRepo, tempDir } from '../helpers/temp.js';

const files = () => ({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
const inRepo = (dir: string, ...args: string[]) => runCli(['--ledger', join(dir, 'ledger.yaml'), ...args]);

/** The ledger text with item `number`'s due date changed by hand. */
function handEditDue(dir: string, number: string, from: string, to: string): void {
  const file = join(dir, 'ledger.yaml');
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(`      - number: "${number}"`);
  writeFileSync(file, text.slice(0, at) + text.slice(at).replace(`due: ${from}`, `due: ${to}`));
}

describe('a revision the user types never reaches git as an option', () => {
  it('diff -- --output=FILE writes no file and says the revision is not one', async () => {
    const dir = gitRepo(files());
    const out = tempDir();
    const target = join(out, 'x');
    const result = await inRepo(dir, 'diff', '--', `--output=${target}`);
    expect(result.code).toBe(2);
    expect(result.err).toContain('不是 git 版本');
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(`${target}:ledger.yaml`)).toBe(false);
  });

  it('refuses any revision starting with -, in either place', async () => {
    const dir = gitRepo(files());
    for (const args of [['--', '-p'], ['HEAD', '--', '--stat'], ['--', '--exec=touch pwned']]) {
      const result = await inRepo(dir, 'diff', ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toContain('版本不能以 - 开头');
    }
    expect(readdirSync(dir).sort()).toEqual(['.git', 'departments.yaml', 'ledger.yaml']);
  });

  it('an unknown revision is a clear error, not git\'s usage text', async () => {
    const result = await inRepo(gitRepo(files()), 'diff', 'no-such-branch');
    expect(result.code).toBe(2);
    expect(result.err).toBe('gongkai: 错误[GIT_FAILED] git 中没有版本「no-such-branch」\n');
  });

  it('revisions that are real still work, including HEAD~1 and a tag', async () => {
    const dir = gitRepo(files());
    git(dir, 'tag', 'v1');
    await inRepo(dir, 'set', '5', '--due', '2021-11-15', '--commit');
    const result = await inRepo(dir, 'diff', 'v1', 'HEAD');
    expect(result.out).toBe('v1 → HEAD：1 处变化\n第 5 项　时限：2021-12-31 → 2021-11-15\n');
  });
});

describe('--commit commits gongkai\'s change and nothing else, described exactly', () => {
  it('refuses before writing when the ledger has an uncommitted hand edit', async () => {
    const dir = gitRepo(files());
    handEditDue(dir, '30', '2021-12-31', '2021-11-15');
    const before = readFileSync(join(dir, 'ledger.yaml'));
    const head = git(dir, 'rev-parse', 'HEAD');
    const result = await inRepo(dir, 'set', '30', '--due', '2021-11-30', '--commit');
    expect(result.code).toBe(2);
    expect(result.err).toContain('有尚未提交的修改（与 HEAD 不同）');
    expect(result.err).toContain('或不加 --commit 运行');
    expect(readFileSync(join(dir, 'ledger.yaml')).equals(before)).toBe(true);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('refuses when a change of the ledger is staged but not committed', async () => {
    const dir = gitRepo(files());
    handEditDue(dir, '30', '2021-12-31', '2021-11-15');
    git(dir, 'add', 'ledger.yaml');
    const result = await inRepo(dir, 'done', '22', '--commit');
    expect(result.code).toBe(2);
    expect(result.err).toContain('有尚未提交的修改');
    expect(git(dir, 'log', '--format=%s')).toBe('initial\n');
  });

  it('refuses when the ledger was never committed', async () => {
    const dir = gitRepo({ 'readme.txt': 'x\n' });
    writeFileSync(join(dir, 'ledger.yaml'), readFileSync(SHIPPED_LEDGER));
    writeFileSync(join(dir, 'departments.yaml'), readFileSync(SHIPPED_REGISTRY));
    const result = await inRepo(dir, 'done', '22', '--commit');
    expect(result.code).toBe(2);
    expect(result.err).toContain('还没有提交到 git');
    expect(readFileSync(join(dir, 'ledger.yaml')).equals(readFileSync(SHIPPED_LEDGER))).toBe(true);
  });

  it('on a clean ledger, the commit\'s real change is exactly what its message says', async () => {
    const dir = gitRepo(files());
    const result = await inRepo(dir, 'set', '30', '--due', '2021-11-30', '--commit');
    expect(result.code, result.err).toBe(0);
    expect(git(dir, 'log', '-1', '--format=%s')).toMatch(/^gongkai: 30 时限 2021-12-31→2021-11-30 \(/);
    const real = JSON.parse((await inRepo(dir, 'diff', 'HEAD~1', 'HEAD', '--format', 'json')).out).changes;
    expect(real).toEqual([{ kind: 'due', item: '30', from: '2021-12-31', to: '2021-11-30' }]);
    expect(git(dir, 'diff', 'HEAD~1', 'HEAD', '--numstat')).toBe('1\t1\tledger.yaml\n');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('after committing the hand edit, the same --commit goes through', async () => {
    const dir = gitRepo(files());
    handEditDue(dir, '30', '2021-12-31', '2021-11-15');
    git(dir, 'commit', '-qam', '手工改时限');
    const result = await inRepo(dir, 'set', '30', '--due', '2021-11-30', '--commit');
    expect(result.code, result.err).toBe(0);
    expect(git(dir, 'log', '-1', '--format=%s')).toMatch(/^gongkai: 30 时限 2021-11-15→2021-11-30 \(/);
  });

  it('warns when HEAD is detached, and still commits', async () => {
    const dir = gitRepo(files());
    git(dir, 'checkout', '-q', '--detach');
    const result = await inRepo(dir, 'done', '22', '--on', '2021-10-20', '--commit');
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain('HEAD 处于分离状态');
    expect(git(dir, 'log', '-1', '--format=%s')).toContain('gongkai: 22');
    const onBranch = await inRepo(gitRepo(files()), 'done', '22', '--on', '2021-10-20', '--commit');
    expect(onBranch.err).toBe('');
  });
});
