import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { git } from '../helpers/temp.js';
import { policedRepository, registryOfThree } from '../sync/shared-fixture.js';

/** `git push …` as a liaison would type it; the server's answer on stderr. */
const push = (dir: string, ...args: string[]) => spawnSync('git', ['push', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const ledgerFile = (dir: string) => join(dir, 'data', 'ledger.yaml');

/** Item 1 is 政策法规司's; 信息中心 may not mark it done. */
function markItemOneDone(dir: string) {
  const text = readFileSync(ledgerFile(dir), 'utf8');
  const at = text.indexOf('      - number: "1"');
  const end = text.indexOf('      - number: "2"');
  writeFileSync(ledgerFile(dir), text.slice(0, at) + text.slice(at, end).replace(/status: .*/, 'status: 已完成\n        done_on: 2021-10-20') + text.slice(end));
}

describe('the shared repository\'s push policy fails closed', () => {
  it('a ledger that cannot be read before the push does not open the door: 信息中心 marking 政策法规司\'s item done is refused', async () => {
    const { server, clone } = await policedRepository();
    // The coordinator may push a hand-broken ledger (say, to fix it in two steps); the policy lets only the coordinator.
    const office = clone('办公厅统筹', 'office@example.invalid');
    writeFileSync(ledgerFile(office), readFileSync(ledgerFile(office), 'utf8').replace('sections:', 'sections: [unclosed'));
    git(office, 'commit', '-q', '--no-verify', '-am', '台账（手工改坏）');
    expect(push(office, 'origin', 'main').status).toBe(0);

    const center = clone('信息中心联络员', 'xinxi@example.invalid');
    writeFileSync(ledgerFile(center), readFileSync(ledgerFile(center), 'utf8').replace('sections: [unclosed', 'sections:'));
    markItemOneDone(center);
    git(center, 'commit', '-q', '--no-verify', '-am', '修好台账，顺便第 1 项已完成');
    const before = git(server, 'rev-parse', 'main');
    const refused = push(center, 'origin', 'main');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/remote: 提交 [0-9a-f]{7}（信息中心联络员 <xinxi@example\.invalid>，信息中心）不能推送：提交前或提交后的台账无法读取/);
    expect(refused.stderr).not.toContain('无法核对');
    expect(git(server, 'rev-parse', 'main')).toBe(before);
  });

  it('a department cannot push a ledger that cannot be read', async () => {
    const { server, clone } = await policedRepository();
    const center = clone('信息中心联络员', 'xinxi@example.invalid');
    writeFileSync(ledgerFile(center), readFileSync(ledgerFile(center), 'utf8').replace('sections:', 'sections: [unclosed'));
    git(center, 'commit', '-q', '--no-verify', '-am', '坏台账');
    const before = git(server, 'rev-parse', 'main');
    const refused = push(center, 'origin', 'main');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('台账无法读取');
    expect(git(server, 'rev-parse', 'main')).toBe(before);
  });

  it('a force-push of a parentless commit without the ledger does not replace main', async () => {
    const { server, clone } = await policedRepository();
    const center = clone('信息中心联络员', 'xinxi@example.invalid');
    git(center, 'checkout', '-q', '--orphan', 'fresh');
    git(center, 'rm', '-rq', '--cached', '.');
    writeFileSync(join(center, 'README'), '新的开始\n');
    git(center, 'add', 'README');
    git(center, 'commit', '-q', '--no-verify', '-m', '重来');
    const before = git(server, 'rev-parse', 'main');
    const refused = push(center, '-f', 'origin', 'HEAD:main');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('分支 main 不是在原来的基础上前进');
    expect(git(server, 'rev-parse', 'main')).toBe(before);
  });

  it('a department cannot rewind main; the coordinator can, with a new commit of its own on the older state', async () => {
    const { server, clone } = await policedRepository();
    const office = clone('办公厅统筹', 'office@example.invalid');
    for (const n of ['1', '2', '3']) {
      expect((await runCli(['note', n, '--dept', '办公厅', '--on', '2021-10-0' + n, `督办 ${n}`, '--commit'], { cwd: office })).code).toBe(0);
    }
    expect(push(office, 'origin', 'main').status).toBe(0);
    const center = clone('信息中心联络员', 'xinxi@example.invalid');
    const before = git(server, 'rev-parse', 'main');
    const refused = push(center, '-f', 'origin', 'HEAD~3:main');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('只有办公厅可以这样做');
    expect(git(server, 'rev-parse', 'main')).toBe(before);

    // An old coordinator commit as the new tip is not enough: the rewind must be a new commit by the coordinator.
    expect(push(office, '-f', 'origin', 'HEAD~3:main').status).not.toBe(0);
    git(office, 'reset', '-q', '--hard', 'HEAD~3');
    git(office, 'commit', '-q', '--allow-empty', '-m', '退回到督办之前');
    const accepted = push(office, '-f', 'origin', 'main');
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(git(server, 'rev-parse', 'main')).toBe(git(office, 'rev-parse', 'HEAD'));
  });

  it('a merge that keeps one side as it was does not hide the commits after it: 信息中心 marking 政策法规司\'s item done behind an "ours" merge is refused', async () => {
    const { server, clone } = await policedRepository();
    const center = clone('信息中心联络员', 'xinxi@example.invalid');
    // A merge identical to its first parent: git's diff against that parent is empty, and the policy must still tell
    // each parent's changes, and each later commit's, apart.
    git(center, 'checkout', '-q', '-b', 'side');
    expect((await runCli(['note', '1', '--dept', '信息中心', '--on', '2021-10-03', '配合材料已报送', '--commit'], { cwd: center })).code).toBe(0);
    git(center, 'checkout', '-q', 'main');
    git(center, 'merge', '-q', '-s', 'ours', '--no-edit', 'side');
    markItemOneDone(center);
    git(center, 'commit', '-q', '--no-verify', '-am', '第 1 项已完成');
    const before = git(server, 'rev-parse', 'main');
    const refused = push(center, 'origin', 'main');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/remote: 提交 [0-9a-f]{7}（信息中心联络员 <xinxi@example\.invalid>，信息中心）修改了第 1 项的「状态」/);
    expect(git(server, 'rev-parse', 'main')).toBe(before);
  });

  it('a department cannot delete a branch', async () => {
    const { server, clone } = await policedRepository();
    const office = clone('办公厅统筹', 'office@example.invalid');
    expect(push(office, 'origin', 'main:draft').status).toBe(0);
    const center = clone('信息中心联络员', 'xinxi@example.invalid');
    const refused = push(center, 'origin', '--delete', 'draft');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('删除分支 draft：只有办公厅可以删除分支');
    expect(git(server, 'branch', '--list', 'draft')).toContain('draft');
  });

  it('with signing required, a forged e-mail, an unsigned commit and another department\'s key are refused; a liaison\'s own signed commit passes', async () => {
    const keys = join(execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim());
    const keyOf = (name: string) => {
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', join(keys, name)]);
      return readFileSync(join(keys, `${name}.pub`), 'utf8').trim();
    };
    const officeKey = keyOf('office');
    const centerKey = keyOf('center');
    const registry = registryOfThree((text) =>
      text
        .replace('    committers: [office@example.invalid]\n', `    committers: [office@example.invalid]\n    signing_keys: ["${officeKey}"]\n`)
        .replace('    committers: [xinxi@example.invalid]\n', `    committers: [xinxi@example.invalid]\n    signing_keys: ["${centerKey}"]\n`),
    );
    const { server, clone } = await policedRepository({ registry, hookArgs: ['--require-signed'] });
    const signWith = (dir: string, key: string) => {
      git(dir, 'config', 'gpg.format', 'ssh');
      git(dir, 'config', 'user.signingkey', join(keys, key));
      git(dir, 'config', 'commit.gpgsign', 'true');
    };
    // 信息中心 claims to be 办公厅 and changes 政策法规司's item, signing with its own key.
    const forger = clone('办公厅统筹', 'office@example.invalid');
    signWith(forger, 'center');
    markItemOneDone(forger);
    git(forger, 'commit', '-q', '--no-verify', '-am', '第 1 项已完成');
    const before = git(server, 'rev-parse', 'main');
    const forged = push(forger, 'origin', 'main');
    expect(forged.status).not.toBe(0);
    expect(forged.stderr).toContain('签名的公钥登记给 xinxi@example.invalid，与提交人不是同一部门');
    // Unsigned, the same forgery is refused too.
    git(forger, 'commit', '-q', '--amend', '--no-edit', '--no-gpg-sign');
    const unsigned = push(forger, 'origin', 'main');
    expect(unsigned.status).not.toBe(0);
    expect(unsigned.stderr).toContain('没有用部门名录中登记的签名公钥签名');
    expect(git(server, 'rev-parse', 'main')).toBe(before);

    // 信息中心's own item, signed with its own key: accepted.
    const center = clone('信息中心联络员', 'xinxi@example.invalid');
    signWith(center, 'center');
    expect((await runCli(['set', '22', '--status', '推进中', '--commit'], { cwd: center })).code).toBe(0);
    const accepted = push(center, 'origin', 'main');
    expect(accepted.status, accepted.stderr).toBe(0);
    execFileSync('rm', ['-rf', keys]);
  });
});
