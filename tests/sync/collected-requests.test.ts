import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillForm } from '../helpers/fill-form.js';
import { runCli } from '../helpers/run-cli.js';
import { git } from '../helpers/temp.js';
import { itemShape, ledgerShape } from '../../src/schema/ledger-shape.js';
import { violationLine } from '../../src/render/violations.js';
import type { Violation } from '../../src/model/permission-findings.js';
import { commitBranches, policedRepository } from './shared-fixture.js';

const push = (dir: string, ...args: string[]) => spawnSync('git', ['push', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const ledgerFile = (dir: string) => join(dir, 'data', 'ledger.yaml');

/** The ledger text with YAML lines inserted into item `number` (before its `status:` line), as a hand edit would. */
function addToItem(text: string, number: string, lines: string): string {
  const at = text.indexOf(`      - number: "${number}"`);
  const status = text.indexOf('        status:', at);
  return text.slice(0, status) + lines + text.slice(status);
}

/** The lines of the server's answer about one commit (by its short hash). */
const lineOf = (stderr: string, commit: string) => stderr.split('\n').filter((line) => line.includes(`提交 ${commit}（`)).join('\n');

const REQUEST = '        postponement_requests:\n          - { on: 2021-10-12, dept: 信息中心, to: 2022-03-31, reason: 接口规范未下发 }\n';

/**
 * 信息中心's requests to postpone and progress notes, each a commit on a branch of its own from the same start:
 * those the policy allows in one push, every one it refuses in another (each push runs the hook, a gongkai
 * process; the hook refuses a push as a whole and names each commit it refuses). Made by whichever test asks first.
 */
let made: ReturnType<typeof makeAttempts> | undefined;
const attempts = () => (made ??= makeAttempts());

async function makeAttempts() {
  const { clone } = await policedRepository();
  // Item 1: 政策法规司 leads, 信息中心 cooperates. The office records 政策法规司's note; 信息中心 starts from it,
  // taken from the office's clone: it reaches the server with 信息中心's accepted push, judged as the office's.
  const office = clone('办公厅统筹', 'office@example.invalid');
  expect((await runCli(['note', '1', '--dept', '政策法规司', '--on', '2021-10-08', '已核对法规库', '--commit'], { cwd: office })).code).toBe(0);
  const center = clone('信息中心联络员', 'xinxi@example.invalid');
  git(center, 'pull', '-q', '--ff-only', office, 'main');
  const start = git(center, 'rev-parse', 'HEAD').trim();
  const ledger = readFileSync(ledgerFile(center), 'utf8');
  /** The ledger as a gongkai command in the clone leaves it; the file is put back. */
  const editedBy = async (...args: string[]) => {
    expect((await runCli(args, { cwd: center })).code).toBe(0);
    const text = readFileSync(ledgerFile(center), 'utf8');
    writeFileSync(ledgerFile(center), ledger);
    return text;
  };
  const requested = addToItem(ledger, '22', REQUEST);
  const changes = [
    // Allowed: its own request on its own item 22; its own note on item 1.
    { branch: 'request', text: requested },
    { branch: 'note', text: await editedBy('note', '1', '--dept', '信息中心', '--on', '2021-10-09', '已配合更新平台') },
    // Refused.
    { branch: 'for-another', text: addToItem(ledger, '1', '        postponement_requests:\n          - { on: 2021-10-12, dept: 政策法规司, to: 2022-03-31, reason: 代为申请 }\n') },
    { branch: 'granted', text: addToItem(ledger, '23', '        postponements:\n          - { on: 2021-10-12, from: 2021-12-31, to: 2022-03-31, reason: 自己批准, approved_by: 王五 }\n') },
    { branch: 'taken-back', after: 'request', text: requested.replace(/        postponement_requests:\n.*\n/, '') },
    { branch: 'note-for-another', text: await editedBy('note', '1', '--dept', '政策法规司', '--on', '2021-10-09', '代报') },
    { branch: 'note-removed', text: ledger.replace(/        progress:\n.*已核对法规库.*\n/, '') },
    { branch: 'note-reworded', text: ledger.replace('已核对法规库', '尚未核对') },
  ];
  const hashes = commitBranches(
    center,
    start,
    { name: '信息中心联络员', email: 'xinxi@example.invalid' },
    changes.map(({ branch, after, text }) => ({ branch, after, message: branch, files: { 'data/ledger.yaml': text } })),
  );
  const of = (branch: string) => hashes[changes.findIndex((c) => c.branch === branch)]!;
  const commits = {
    request: of('request'),
    note: of('note'),
    forAnother: of('for-another'),
    granted: of('granted'),
    takenBack: of('taken-back'),
    noteForAnother: of('note-for-another'),
    noteRemoved: of('note-removed'),
    noteReworded: of('note-reworded'),
  };
  const accepted = push(center, 'origin', 'request:main', 'note');
  const refused = push(center, 'origin', 'taken-back:main', 'for-another', 'granted', 'note-for-another', 'note-removed', 'note-reworded');
  // The office's note is on the server, in 政策法规司's name and the office's.
  const noted = git(center, 'log', '--format=%ae %s', 'origin/main');
  return { noted, accepted, refused, commits };
}

/**
 * A postponement request (延期申请) from a department's form, collected and
 * committed by the office, passes the shared repository's policy: asking for
 * more time is the department's by its role, granting it the office's.
 */
describe('collected forms and the push policy agree', () => {
  it('the office collects forms with requests to postpone, for a department with its own e-mail and one without; sync pushes them', async () => {
    const { server, clone } = await policedRepository();
    const office = clone('办公厅统筹', 'office@example.invalid');
    const cli = (...args: string[]) => runCli(args, { cwd: office });
    // The two departments' forms only (each form is a workbook written and read back: the other thirteen would cost as much again).
    for (const dept of ['信息中心', '政策法规司']) expect((await cli('forms', '-o', join(office, '..', 'forms'), '--dept', dept, '--as-of', '2021-10-09')).code).toBe(0);
    // 信息中心 has a liaison e-mail in the registry: the commit is the department's, judged by its roles.
    const center = join(office, '..', 'forms', '信息中心.xlsx');
    await fillForm(center, { '22': { 本期进展: '接口联调中', 联系人: '王五', 申请延期至: '2022-03-31', 延期理由: '国办接口规范未下发' } as never });
    // 政策法规司 has none: the commit is credited to the office that collected it, never to an empty e-mail.
    const policy = join(office, '..', 'forms', '政策法规司.xlsx');
    await fillForm(policy, { '1': { 状态: '推进中', 联系人: '赵六', 申请延期至: '2022-02-28', 延期理由: '法规库改版' } as never });
    for (const form of [center, policy]) {
      const collected = await cli('collect', form, '--on', '2021-10-12', '--commit');
      expect(collected.code, collected.err).toBe(0);
    }
    expect(git(office, 'log', '-2', '--format=%an <%ae>')).toBe('赵六（政策法规司） <office@example.invalid>\n王五（信息中心） <xinxi@example.invalid>\n');
    const synced = await cli('sync');
    expect(synced.code, synced.err).toBe(0);
    expect(git(server, 'rev-parse', 'main')).toBe(git(office, 'rev-parse', 'HEAD'));
  });

  it('a cooperating department\'s form cannot set the status: the problem is named at the cell, as the policy would refuse it', async () => {
    const { clone } = await policedRepository();
    const office = clone('办公厅统筹', 'office@example.invalid');
    expect((await runCli(['forms', '-o', join(office, '..', 'forms'), '--dept', '信息中心', '--as-of', '2021-10-09'], { cwd: office })).code).toBe(0);
    const form = join(office, '..', 'forms', '信息中心.xlsx');
    // Item 1: 政策法规司 leads, 信息中心 cooperates.
    await fillForm(form, { '1': { 状态: '推进中' } });
    const collected = await runCli(['collect', form, '--on', '2021-10-12', '--commit'], { cwd: office });
    expect(collected.code).toBe(2);
    expect(collected.err).toMatch(/信息中心\.xlsx:填报!\w+\d+: .*信息中心在第 1 项中是配合部门，状态和完成日期由负责的部门报送/);
  });

  it('a department may add a request in its own name only; granting, removing or asking for another department is refused in the users\' words', async () => {
    const { accepted, refused, commits } = await attempts();
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(refused.status).not.toBe(0);
    expect(lineOf(refused.stderr, commits.forAnother)).toMatch(/第 1 项的「延期申请」：各部门只能以本部门的名义新增「延期申请」/);
    expect(lineOf(refused.stderr, commits.granted)).toMatch(/第 23 项的「延期记录」：各部门只能改本部门任务的状态、完成日期、进展和延期申请，「延期记录」由办公厅修改/);
    // Taking back a request once made is the office's too.
    expect(lineOf(refused.stderr, commits.takenBack)).toContain('第 22 项的「延期申请」：各部门只能以本部门的名义新增「延期申请」；已有的条目不能删改');
    expect(refused.stderr).not.toMatch(/postponement|_requests/);
  });

  it('a department writes, corrects and removes progress notes in its own name only', async () => {
    const { noted, accepted, refused, commits } = await attempts();
    expect(noted).toMatch(/^office@example\.invalid gongkai: 1 进展 \(政策法规司\)$/m);
    // Its own note on an item it cooperates on.
    expect(accepted.status, accepted.stderr).toBe(0);
    for (const [what, commit] of [['a note in another department\'s name', commits.noteForAnother], ['removing another department\'s note', commits.noteRemoved], ['rewording another department\'s note', commits.noteReworded]] as const) {
      expect(lineOf(refused.stderr, commit), what).toContain('第 1 项的「进展」：各部门只能增删改以本部门名义记的「进展」');
    }
  });

  it('names every field of the ledger format in Chinese, never by its YAML key', () => {
    const base: Violation = { commit: '0'.repeat(40), authorName: '王五', authorEmail: 'w@example.invalid', department: '信息中心', field: '', reason: 'coordinator_only' };
    const fields = [...Object.keys(itemShape.properties).map((field) => ({ item: '7', field })), ...Object.keys(ledgerShape.properties).map((field) => ({ field }))];
    for (const reason of ['coordinator_only', 'not_own_item', 'own_entries_only', 'unknown_author'] as const) {
      for (const f of fields) {
        const line = violationLine({ ...base, ...f, reason });
        expect(line.replace('w@example.invalid', ''), `${f.field} ${reason}`).not.toMatch(/[A-Za-z_]{3,}/);
      }
    }
  });
});
