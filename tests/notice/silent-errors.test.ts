import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

/** Each silent error found on real plans (issue 11): the import is now right, or says what it is unsure of. */

interface Ledger {
  plan: { title: string; issuer?: string; document_number?: string; year: number; default_due: string };
  departments: { departments: { name: string }[]; groups: { name: string }[] };
  sections: { number: string; title: string; items: Record<string, unknown>[] }[];
}

async function importText(text: string, ...args: string[]) {
  const dir = tempDir({ 'notice.txt': text });
  const run = await runCli(['import', join(dir, 'notice.txt'), '--format', 'json', ...args]);
  const ledger: Ledger | undefined = run.out ? JSON.parse(run.out) : undefined;
  return { ...run, ledger, items: ledger?.sections.flatMap((s) => s.items) ?? [] };
}

const HEAD = '某省民政厅2021年政务公开工作要点\n';

describe('silent errors of the old importer', () => {
  it('2.6月底前… is item 2 whose text starts with a date, not item "2.6" swallowing the rest', async () => {
    const { items, code } = await importText(
      `${HEAD}一、推进预决算公开\n1.公开部门预算。(财务处负责)\n2.6月底前公开预算执行情况。(财务处负责)\n3.公开决算。(审计处负责)\n`,
    );
    expect(code).toBe(0);
    expect(items.map((i) => i.number)).toEqual(['1', '2', '3']);
    expect(items[1]).toMatchObject({ text: '6月底前公开预算执行情况。', sole: ['财务处'], due: '2021-06-30', due_text: '6月底前' });
    expect(items[2]).toMatchObject({ sole: ['审计处'] });
  });

  it('deadline words inside a clause are the deadline, never a department, and never enter the registry', async () => {
    const { items, ledger } = await importText(
      `${HEAD}一、重点工作\n1.公开财政预算。(规划财务司负责,2021年6月底前完成)\n2.做好舆情回应。(办公厅牵头,各司局配合,长期坚持)\n3.公开规章。(政策法规司负责,持续推进)\n4.报送年度报告。(牵头单位:办公厅;完成时限:2021年1月31日前)\n`,
    );
    expect(items[0]).toMatchObject({ sole: ['规划财务司'], due: '2021-06-30', due_text: '2021年6月底前完成', status: '未启动' });
    expect(items[1]).toMatchObject({ lead: ['办公厅'], cooperate: ['各司局'], status: '持续推进', due_text: '长期坚持' });
    expect(items[2]).toMatchObject({ sole: ['政策法规司'], status: '持续推进' });
    expect(items[3]).toMatchObject({ lead: ['办公厅'], due: '2021-01-31' });
    const names = [...ledger!.departments.departments, ...ledger!.departments.groups].map((d) => d.name);
    expect(names.filter((n) => /\d|坚持|推进|完成/.test(n))).toEqual([]);
  });

  it('reads deadlines from label lines, from the text and as ongoing words', async () => {
    const { items } = await importText(
      `${HEAD}一、重点工作\n1.推进立法。\n牵头单位:市法制办\n完成时限:2018年底\n2.积极推进试点。8月底前出台工作方案。(救助处负责)\n3.做好疫苗接种信息公开。\n责任单位:疾控处\n完成时限:长期推进\n`,
    );
    expect(items[0]).toMatchObject({ lead: ['市法制办'], due: '2018-12-31', due_text: '2018年底' });
    expect(items[1]).toMatchObject({ sole: ['救助处'], due: '2021-08-31', due_text: '8月底前' });
    expect(items[2]).toMatchObject({ sole: ['疾控处'], status: '持续推进', due_text: '长期推进' });
  });

  it('keeps deadline words it cannot compute and flags the unit', async () => {
    const { items, code, err } = await importText(`${HEAD}一、重点工作\n1.答复申请。\n责任单位:办公厅\n完成时限:收到申请后10个工作日内\n`);
    expect(code).toBe(1);
    expect(items[0]).toMatchObject({ sole: ['办公厅'], due: '2021-12-31', due_text: '收到申请后10个工作日内' });
    expect(err).toContain('notice.txt:3: 警告[IMPORT_DUE_UNREAD] 第 1 项：完成时限「收到申请后10个工作日内」无法换算为日期，已保留原文');
  });

  it('never falls back to the current year silently: no year found is said, exit 1', async () => {
    const { ledger, code, err } = await importText('(二十四)规范行政服务中心建设。此项工作由市政府行政服务中心负责,市编办配合。\n');
    expect(code).toBe(1);
    expect(err).toContain('通知中找不到计划年度');
    expect(ledger!.plan.year).toBe(2021); // the test clock's year, and said so
  });

  it('reads page metadata right: the document number, a 总体要求 paragraph, the addressee line', async () => {
    const { ledger, items } = await importText(
      [
        '关于印发《省民政厅2020年政务公开工作要点及任务分工》的通知',
        '',
        '辽民办函〔2020〕111号',
        '机关各处室,省民政事务服务中心:',
        '现将《省民政厅2020年政务公开工作要点及任务分工》印发给你们,请认真贯彻落实。',
        '辽宁省民政厅',
        '2020年8月24日',
        '一、总体要求。做好2020年政务公开工作,要坚持以人民为中心,着力推进重点信息公开,为全面推进民政工作提供支撑。',
        '二、重点任务',
        '1.系统梳理规范性文件。(办公室牵头,各有关处室配合)',
      ].join('\n'),
    );
    expect(ledger!.plan).toMatchObject({ document_number: '辽民办函〔2020〕111号', issuer: '辽宁省民政厅', year: 2020 });
    // 一、总体要求 holds no task: a ledger section must hold items (validate says MISSING_FIELD otherwise).
    expect(ledger!.sections.map((s) => `${s.number}、${s.title}`)).toEqual(['二、重点任务']);
    expect(items).toHaveLength(1);
  });

  it('names the grammar is unsure of are flagged and kept out of the registry; deadline words are never names', async () => {
    const { ledger, code, err } = await importText(`${HEAD}一、重点工作\n1.做好公开工作。(办公室牵头,视情况而定)\n2.做好申请答复。(办公室牵头,督查室)\n`);
    expect(code).toBe(1);
    expect(err).toContain('完成时限「视情况而定」无法换算为日期，已保留原文');
    expect(err).toContain('不确定「督查室」');
    expect(ledger!.departments.departments.map((d) => d.name)).toEqual(['办公室']);
  });
});
