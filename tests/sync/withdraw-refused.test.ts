import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { git } from '../helpers/temp.js';
import { policedRepository } from './shared-fixture.js';

type Item = { number: string; due?: string; progress?: { note: string }[] };
/** The items of the ledger on the server's main branch. */
function serverItems(server: string): Map<string, Item> {
  const ledger = parse(git(server, 'show', 'main:data/ledger.yaml')) as { sections: { items: Item[] }[] };
  return new Map(ledger.sections.flatMap((s) => s.items).map((i) => [String(i.number), i]));
}

/**
 * After the shared repository refuses a push, `sync --withdraw-refused` is the
 * way back: the refused commits (never pushed) leave the branch, the rest are
 * replayed on the shared branch and pushed. A revert on top is not enough,
 * since the refused commit would still reach the shared history.
 */
describe('sync --withdraw-refused', () => {
  it('takes out the refused commit, keeps and pushes the others, and says what was withdrawn and why', async () => {
    const { server, clone } = await policedRepository();
    const center = clone('信息中心联络员', 'xinxi@example.invalid');
    const cli = (...args: string[]) => runCli(args, { cwd: center });
    expect((await cli('note', '22', '--dept', '信息中心', '--on', '2021-10-08', '接口联调中', '--commit')).code).toBe(0);
    expect((await cli('set', '22', '--due', '2021-10-31', '--commit')).code).toBe(0); // the deadline is the office's
    expect((await cli('note', '23', '--dept', '信息中心', '--on', '2021-10-09', '等保测评进场', '--commit')).code).toBe(0);
    const before = git(server, 'rev-parse', 'main');

    const refused = await cli('sync');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('第 22 项的「时限」');
    expect(refused.err).toContain('gongkai sync --withdraw-refused');
    // A revert on top does not get it through: the refused commit would still be pushed. Asked of the policy
    // in-process (the same code the server's hook runs, without a push's gongkai process: sync's push above was one).
    const refusedCommit = git(center, 'rev-parse', '--short=7', 'HEAD~1').trim();
    git(center, 'revert', '--no-edit', 'HEAD~1');
    const reverted = await cli('check-commits', 'origin/main..HEAD');
    expect(reverted.code, reverted.err).toBe(1);
    expect(reverted.out).toContain(`提交 ${refusedCommit}（`);
    expect(reverted.out).toContain('第 22 项的「时限」');
    git(center, 'reset', '-q', '--hard', 'HEAD~1');
    expect(git(server, 'rev-parse', 'main')).toBe(before);

    const withdrawn = await cli('sync', '--withdraw-refused');
    expect(withdrawn.code, withdrawn.err).toBe(0);
    expect(withdrawn.out).toContain('已撤回 1 个被拒绝的提交（从未推送）');
    expect(withdrawn.out).toMatch(/修改了第 22 项的「时限」：各部门只能改本部门任务的状态、完成日期、进展和延期申请，「时限」由办公厅修改/);
    expect(withdrawn.out).toContain('其余 2 个提交已重新放在远端最新版本之后');
    expect(withdrawn.out).toContain('已推送');
    const items = serverItems(server);
    expect(items.get('22')!.due).not.toBe('2021-10-31');
    expect(items.get('22')!.progress!.map((p) => p.note)).toContain('接口联调中');
    expect(items.get('23')!.progress!.map((p) => p.note)).toContain('等保测评进场');
    expect(git(server, 'log', '--format=%ae', 'main', '-2')).toBe('xinxi@example.invalid\nxinxi@example.invalid\n');
    expect(git(center, 'status', '--porcelain')).toBe('');
  });

  it('puts the branch back when a kept commit passed only on what a withdrawn one changed', async () => {
    const { server, clone } = await policedRepository();
    const center = clone('信息中心联络员', 'xinxi@example.invalid');
    // 信息中心 makes itself the coordinator in the registry (refused), then changes a deadline "as the coordinator".
    const registry = join(center, 'data', 'departments.yaml');
    writeFileSync(registry, readFileSync(registry, 'utf8').replace('    committers: [xinxi@example.invalid]\n', '    committers: [xinxi@example.invalid]\n    coordinator: true\n'));
    git(center, 'commit', '-q', '--no-verify', '-am', '名录');
    expect((await runCli(['set', '22', '--due', '2021-10-31', '--commit'], { cwd: center })).code).toBe(0);
    const tip = git(center, 'rev-parse', 'HEAD');
    const result = await runCli(['sync', '--withdraw-refused'], { cwd: center });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/未撤回：撤回之后，提交 [0-9a-f]{7} 仍然不符合推送规则；分支保持原样/);
    expect(git(center, 'rev-parse', 'HEAD')).toBe(tip);
    expect(git(center, 'status', '--porcelain')).toBe('');
    expect(serverItems(server).get('22')!.due).not.toBe('2021-10-31');
  });
});
