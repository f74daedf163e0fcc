import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNextInstance } from '../../src/carry/recurrence.js';
import { SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

/**
 * A recurring task (the 政府信息公开工作年度报告, each year's 预算公开) is in every
 * year's plan. Last year's instance left unfinished is not this year's: it is
 * carried on its own with its own deadline, never merged into the new one.
 */
const oldLedger = (year: number, items: { text: string; due: string; status?: string }[]) => `plan:
  title: 民政部${year}年政务公开工作要点及任务分工
  issuer: 民政部办公厅
  issued_on: ${year}-05-20
  year: ${year}
  default_due: ${year}-12-31
departments: departments.yaml
sections:
  - number: 一
    title: 推进重点信息公开
    items:
${items.map((item, i) => `      - number: "${i + 1}"
        text: ${item.text}
        clause: 办公厅(国际合作司)牵头
        lead: [办公厅(国际合作司)]
        status: ${item.status ?? '未启动'}
        due: ${item.due}
`).join('')}`;

const notice = (year: number, items: string[]) => `民政部办公厅关于印发《民政部${year}年政务公开工作要点及任务分工》的通知
民办便函〔${year}〕100号

民政部政务公开领导小组各成员单位：

《民政部${year}年政务公开工作要点及任务分工》已经部领导审定，现印发给你们，请认真抓好落实。

民政部办公厅
${year}年3月10日

民政部${year}年政务公开工作要点及任务分工

一、推进重点信息公开

${items.map((text, i) => `${i + 1}．${text}（办公厅(国际合作司)牵头）`).join('\n\n')}
`;

// The recurring tasks, written with the year they are about; {Y} is the plan's year, {N} the next.
const RECURRING = [
  '编制发布民政部{Y}年政府信息公开工作年度报告，向社会公开更多有价值的基础性数据',
  '做好{Y}年度部门预算公开工作，细化公开内容，{N}年1月31日前完成',
  '按要求公开{Y}年度部门决算及相关报表，加强民政统计数据公开',
];
const fill = (text: string, year: number) => text.replaceAll('{Y}', String(year)).replaceAll('{N}', String(year + 1));

interface Exported {
  number: string;
  due: string;
  carried_over: { item: string; due: string } | null;
}

describe('carry-over keeps two years’ instances of a recurring task apart', () => {
  it('the unfinished 年度报告 due next January is carried with its own deadline; this year’s 年度报告 is not marked as carried', async () => {
    for (const [year, template] of [2026, 2031].flatMap((y) => RECURRING.map((t) => [y, t] as const))) {
      const dir = tempDir({
        'old/departments.yaml': readFileSync(SHIPPED_REGISTRY),
        'new/departments.yaml': readFileSync(SHIPPED_REGISTRY),
        // The old instance is due in January of the new year: the old year ended before its deadline.
        'old/ledger.yaml': oldLedger(year, [
          { text: fill(template, year), due: `${year + 1}-01-31` },
          { text: '规范部门规章、行政规范性文件公开工作，集中统一公开并动态更新。', due: `${year}-12-31`, status: '推进中' },
        ]),
        'notice.txt': notice(year + 1, [`${fill(template, year + 1)}，${year + 2}年1月31日前完成。`, '规范部门规章、行政规范性文件公开工作，集中统一公开并动态更新，提供下载版本。']),
      });
      const ledger = join(dir, 'new', 'ledger.yaml');
      const at = { now: () => new Date(`${year + 1}-03-20T02:00:00Z`) };
      const imported = await runCli(['import', join(dir, 'notice.txt'), '--registry', join(dir, 'new', 'departments.yaml'), '-o', ledger, '--carry-over', join(dir, 'old', 'ledger.yaml')], at);
      expect(imported.code, imported.err).toBe(0);
      const items = JSON.parse((await runCli(['--ledger', ledger, 'export'], at)).out).items as Exported[];
      const label = `${year}: ${template}`;
      // This year's instance keeps its own deadline and is not a continuation of last year's.
      expect(items.find((i) => i.number === '1'), label).toMatchObject({ due: `${year + 2}-01-31`, carried_over: null });
      // Last year's instance is carried on its own, still due when its own deadline says.
      expect(items.find((i) => i.number === '结转1'), label).toMatchObject({ due: `${year + 1}-01-31`, carried_over: { item: '1', due: `${year + 1}-01-31` } });
      // A task the new plan continues (reworded) is still linked.
      expect(items.find((i) => i.number === '2')!.carried_over, label).toMatchObject({ item: '2' });
      expect(imported.err).toContain(`${year} 年第 1 项 → 结转1`);
      // The new ledger is valid although the carried deadline is before the new notice was issued.
      const validated = JSON.parse((await runCli(['--ledger', ledger, 'validate', '--format', 'json'], at)).out);
      expect(validated.errors, label).toBe(0);
    }
  }, 60_000);

  it('tells instances by the years their texts name or by deadlines a plan year apart, not by a phrase', () => {
    for (const distance of [1, 2]) {
      for (const year of [2019, 2026, 2030]) {
        for (const template of RECURRING) {
          expect(isNextInstance({ text: fill(template, year) }, { text: fill(template, year + distance) }, distance), template).toBe(true);
          // The same words about the same year: the same task, restated.
          expect(isNextInstance({ text: fill(template, year) }, { text: fill(template, year) }, distance), template).toBe(false);
        }
        // No year in the words: deadlines on the same day a plan apart are two instances; the year's end is every undated item's and says nothing.
        const text = '做好政府信息公开工作年度报告编制发布工作';
        for (const day of ['01-31', '03-31', '06-30', '11-15']) {
          expect(isNextInstance({ text, due: `${year}-${day}` }, { text, due: `${year + distance}-${day}` }, distance), day).toBe(true);
          expect(isNextInstance({ text, due: `${year}-${day}` }, { text, due: `${year}-${day}` }, distance), day).toBe(false);
        }
        expect(isNextInstance({ text, due: `${year}-12-31` }, { text, due: `${year + distance}-12-31` }, distance)).toBe(false);
        expect(isNextInstance({ text }, { text, due: `${year + distance}-01-31` }, distance)).toBe(false);
      }
    }
  });
});
