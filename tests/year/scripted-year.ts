import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { copyOfTemplate, gitRepo } from '../helpers/temp.js';

/**
 * A year of the shipped 2021 plan, as an office would live it, each step a
 * gongkai command committed to git on the day it happened (the commit's date
 * is that day): deadlines set, late and on-time completions, postponements
 * (one after the deadline had passed, one twice), a cancellation, an ongoing
 * item, a deadline moved by hand after it had passed.
 */
export const YEAR: [date: string, args: string[]][] = [
  ['2021-07-01', ['set', '22', '--due', '2021-09-30']],
  ['2021-07-01', ['set', '23', '--due', '2021-10-11']],
  ['2021-07-01', ['set', '5', '--due', '2021-06-30', '--force']],
  ['2021-07-01', ['set', '2', '--due', '2021-11-30']],
  ['2021-07-01', ['set', '3', '--due', '2021-11-30']],
  ['2021-07-10', ['set', '9', '--status', '持续推进']],
  ['2021-07-10', ['note', '9', '--dept', '慈善事业促进和社会工作司', '--on', '2021-07-10', '慈善中国平台按月更新']],
  ['2021-07-14', ['done', '5', '--on', '2021-07-14']],
  ['2021-08-20', ['set', '7', '--status', '已取消', '--reason', '并入第 6 项', '--approved-by', '王副部长', '--on', '2021-08-20']],
  ['2021-09-15', ['done', '1', '--on', '2021-09-15']],
  ['2021-09-20', ['set', '20', '--status', '推进中']],
  ['2021-10-08', ['postpone', '22', '--to', '2021-12-15', '--reason', '国办专栏接口规范尚未下发', '--approved-by', '张主任', '--on', '2021-10-08']],
  ['2021-10-09', ['postpone', '23', '--to', '2021-11-30', '--reason', '等保测评排期', '--approved-by', '李主任', '--on', '2021-10-09']],
  ['2021-11-25', ['postpone', '23', '--to', '2022-03-31', '--reason', '测评机构延后', '--approved-by', '李主任', '--on', '2021-11-25']],
  ['2021-12-10', ['set', '2', '--due', '2021-12-31', '--force']],
  ['2021-12-20', ['done', '22', '--on', '2021-12-20']],
  ['2021-12-31', ['done', '12', '--on', '2021-12-31']],
];

/**
 * Plays the year into a fresh git repository of the shipped data; returns the ledger file. The year is
 * played once per test run (tests/helpers/temp.ts, copyOfTemplate) and each caller gets a copy.
 */
export async function scriptedYear(): Promise<string> {
  const repo = await copyOfTemplate('scripted-year', async (template) => {
    const played = gitRepo({ 'data/ledger.yaml': readFileSync(SHIPPED_LEDGER), 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const ledger = join(played, 'data', 'ledger.yaml');
    for (const [date, args] of YEAR) {
      // git takes the day from the environment: the commit is dated as the step happened.
      process.env.GIT_AUTHOR_DATE = process.env.GIT_COMMITTER_DATE = `${date}T10:00:00+08:00`;
      try {
        const result = await runCli(['--ledger', ledger, ...args, '--commit'], { now: () => new Date(`${date}T02:00:00Z`) });
        expect(result.code, `${args.join(' ')}\n${result.err}`).toBe(0);
      } finally {
        delete process.env.GIT_AUTHOR_DATE;
        delete process.env.GIT_COMMITTER_DATE;
      }
    }
    cpSync(played, template, { recursive: true });
  });
  return join(repo, 'data', 'ledger.yaml');
}
