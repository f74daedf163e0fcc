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
const short = (dir: string, revision = 'HEAD') => git(dir, 'rev-parse', '--short=7', revision).trim();
/** Every branch on the server and where it stands. */
const branches = (server: string) => git(server, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads');

/** Item 1 is 政策法规司's; 信息中心 may not mark it done. */
function markItemOneDone(dir: string) {
  const text = readFileSync(ledgerFile(dir), 'utf8');
  const at = text.indexOf('      - number: "1"');
  const end = text.indexOf('      - number: "2"');
  writeFileSync(ledgerFile(dir), text.slice(0, at) + text.slice(at, end).replace(/status: .*/, 'status: 已完成\n        done_on: 2021-10-20') + text.slice(end));
}

/** Memoizes an async set-up shared by the tests of this file (made by whichever test asks first). */
function shared<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/**
 * One shared repository, and every attempt to get around its policy that the hook must refuse, sent in ONE
 * push of several branches (each push runs the hook, a gongkai process): the hook refuses the push as a whole
 * and names each commit and branch it refuses, so each test below finds its own line by commit or branch.
 * The accepted pushes around it (the coordinator's) are pushes of their own.
 */
const attempts = shared(async () => {
  const { server, clone } = await policedRepository();
  // The coordinator: three notes on main, copied to `draft`, `release` and `old`; and on `broken`, a hand-broken
  // ledger (the coordinator may push one, say to fix it in two steps; the policy lets only the coordinator).
  const office = clone('办公厅统筹', 'office@example.invalid');
  for (const n of ['1', '2', '3']) {
    expect((await runCli(['note', n, '--dept', '办公厅', '--on', '2021-10-0' + n, `督办 ${n}`, '--commit'], { cwd: office })).code).toBe(0);
  }
  git(office, 'checkout', '-q', '-b', 'broken', 'HEAD~3');
  writeFileSync(ledgerFile(office), readFileSync(ledgerFile(office), 'utf8').replace('sections:', 'sections: [unclosed'));
  git(office, 'commit', '-q', '--no-verify', '-am', '台账（手工改坏）');
  git(office, 'checkout', '-q', 'main');
  const seeded = push(office, 'origin', 'main', 'main:draft', 'main:release', 'main:old', 'broken');

  const center = clone('信息中心联络员', 'xinxi@example.invalid');
  // `broken`: mends the coordinator's broken ledger and, in the same commit, marks 政策法规司's item 1 done.
  git(center, 'checkout', '-q', '-b', 'mend', 'origin/broken');
  writeFileSync(ledgerFile(center), readFileSync(ledgerFile(center), 'utf8').replace('sections: [unclosed', 'sections:'));
  markItemOneDone(center);
  git(center, 'commit', '-q', '--no-verify', '-am', '修好台账，顺便第 1 项已完成');
  const mended = short(center);
  // A new branch `bad`: a ledger that cannot be read.
  git(center, 'checkout', '-q', '-b', 'bad', 'main');
  writeFileSync(ledgerFile(center), readFileSync(ledgerFile(center), 'utf8').replace('sections:', 'sections: [unclosed'));
  git(center, 'commit', '-q', '--no-verify', '-am', '坏台账');
  const bad = short(center);
  // `release`: a parentless commit without the ledger.
  git(center, 'checkout', '-q', '--orphan', 'fresh');
  git(center, 'rm', '-rq', '--cached', '.');
  writeFileSync(join(center, 'README'), '新的开始\n');
  git(center, 'add', 'README');
  git(center, 'commit', '-q', '--no-verify', '-m', '重来');
  git(center, 'clean', '-qfd');
  // main: a merge identical to its first parent, git's diff against that parent empty; the policy must still
  // tell each parent's changes, and each later commit's, apart. Then 政策法规司's item 1 marked done.
  git(center, 'checkout', '-q', '-f', 'main');
  git(center, 'checkout', '-q', '-b', 'side');
  expect((await runCli(['note', '1', '--dept', '信息中心', '--on', '2021-10-03', '配合材料已报送', '--commit'], { cwd: center })).code).toBe(0);
  git(center, 'checkout', '-q', 'main');
  git(center, 'merge', '-q', '-s', 'ours', '--no-edit', 'side');
  markItemOneDone(center);
  git(center, 'commit', '-q', '--no-verify', '-am', '第 1 项已完成');
  const behindMerge = short(center);
  // `draft` rewound to the coordinator's own older commit (who pushes does not matter to the server: an old
  // coordinator commit as the new tip is refused from anyone), and `old` deleted.
  const before = branches(server);
  const refused = push(center, '-f', 'origin', 'mend:broken', 'bad', 'fresh:release', 'main', 'main~4:draft', ':old');
  const after = branches(server);

  // The coordinator rewinds `draft` the way the policy asks: a new commit of its own on the older state.
  git(office, 'checkout', '-q', '-b', 'draft', 'HEAD~3');
  git(office, 'commit', '-q', '--allow-empty', '-m', '退回到督办之前');
  const rewound = push(office, '-f', 'origin', 'draft');
  // What the tests look at, read now: the folders go when the test that made them ends.
  return { seeded, refused, before, after, mended, bad, behindMerge, rewound, draft: { office: git(office, 'rev-parse', 'HEAD'), server: git(server, 'rev-parse', 'draft') } };
});

describe('the shared repository\'s push policy fails closed', () => {
  it('refuses the push as a whole, naming each refused commit and branch, and moves no branch', async () => {
    const { seeded, refused, before, after } = await attempts();
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).not.toContain('无法核对');
    expect(after).toBe(before);
  });

  it('a ledger that cannot be read before the push does not open the door: 信息中心 marking 政策法规司\'s item done is refused', async () => {
    const { seeded, refused, mended } = await attempts();
    // The coordinator pushed the hand-broken ledger.
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(refused.stderr).toContain(`remote: 提交 ${mended}（信息中心联络员 <xinxi@example.invalid>，信息中心）不能推送：提交前或提交后的台账无法读取`);
  });

  it('a department cannot push a ledger that cannot be read', async () => {
    const { refused, bad } = await attempts();
    expect(refused.stderr).toMatch(new RegExp(`提交 ${bad}（[^\\n]*台账无法读取`));
  });

  it('a force-push of a parentless commit without the ledger does not replace a branch', async () => {
    const { refused } = await attempts();
    expect(refused.stderr).toContain('分支 release 不是在原来的基础上前进');
  });

  it('a department cannot rewind a branch; the coordinator can, with a new commit of its own on the older state', async () => {
    const { refused, rewound, draft } = await attempts();
    expect(refused.stderr).toMatch(/分支 draft 不是在原来的基础上前进[^\n]*只有办公厅可以这样做/);
    expect(rewound.status, rewound.stderr).toBe(0);
    expect(draft.server).toBe(draft.office);
  });

  it('a merge that keeps one side as it was does not hide the commits after it: 信息中心 marking 政策法规司\'s item done behind an "ours" merge is refused', async () => {
    const { refused, behindMerge } = await attempts();
    expect(refused.stderr).toContain(`remote: 提交 ${behindMerge}（信息中心联络员 <xinxi@example.invalid>，信息中心）修改了第 1 项的「状态」`);
  });

  it('a department cannot delete a branch', async () => {
    const { refused, after } = await attempts();
    expect(refused.stderr).toContain('删除分支 old：只有办公厅可以删除分支');
    expect(after).toContain('refs/heads/old ');
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
    // 信息中心 claims to be 办公厅 and changes 政策法规司's item, signing with its own key (to main); unsigned, the
    // same forgery (to another branch). One push: the hook refuses it as a whole and names each commit.
    const forger = clone('办公厅统筹', 'office@example.invalid');
    signWith(forger, 'center');
    markItemOneDone(forger);
    git(forger, 'commit', '-q', '--no-verify', '-am', '第 1 项已完成');
    const signed = short(forger);
    git(forger, 'branch', '-q', 'signed');
    git(forger, 'commit', '-q', '--amend', '--no-edit', '--no-gpg-sign');
    const unsigned = short(forger);
    const before = branches(server);
    const refused = push(forger, 'origin', 'signed:main', 'HEAD:refs/heads/unsigned');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(new RegExp(`提交 ${signed}（[^\\n]*签名的公钥登记给 xinxi@example\\.invalid，与提交人不是同一部门`));
    expect(refused.stderr).toMatch(new RegExp(`提交 ${unsigned}（[^\\n]*没有用部门名录中登记的签名公钥签名`));
    expect(branches(server)).toBe(before);

    // 信息中心's own item, signed with its own key: the server accepts the push.
    const center = clone('信息中心联络员', 'xinxi@example.invalid');
    signWith(center, 'center');
    expect((await runCli(['set', '22', '--status', '推进中', '--commit'], { cwd: center })).code).toBe(0);
    const accepted = push(center, 'origin', 'main');
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(git(server, 'rev-parse', 'main')).toBe(git(center, 'rev-parse', 'HEAD'));
    // The same commit unsigned is refused (asked of the policy in-process, the same code the hook runs): the server asked for signatures.
    git(center, 'commit', '-q', '--amend', '--no-edit', '--no-gpg-sign');
    expect((await runCli(['check-commits', '--require-signed', 'origin/main..HEAD'], { cwd: center })).code).toBe(1);
    execFileSync('rm', ['-rf', keys]);
  });
});
