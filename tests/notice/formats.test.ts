import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

/** Notices as offices send them: Word and Excel files built here with libraries, a saved web page, a Traditional-script copy. */

type Item = Record<string, unknown> & { number: string; text: string; clause: string };

async function importFile(name: string, content: Buffer | string, ...args: string[]) {
  const dir = tempDir({ [name]: content });
  const run = await runCli(['import', join(dir, name), '--format', 'json', ...args]);
  const ledger = run.out ? JSON.parse(run.out) : undefined;
  const items: Item[] = ledger?.sections.flatMap((s: { items: Item[] }) => s.items) ?? [];
  return { ...run, ledger, items };
}

const cell = (text: string, options: { rowSpan?: number; columnSpan?: number } = {}) => new TableCell({ children: text.split('\n').map((line) => new Paragraph(line)), ...options });

async function docx(children: (Paragraph | Table)[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe('Word (.docx)', () => {
  it('reads a 任务分工表 with vertically merged cells: one unit per row, the merged task and 序号 shared', async () => {
    const table = new Table({
      rows: [
        new TableRow({ children: ['序号', '工作任务', '具体措施', '牵头单位', '配合单位', '完成时限'].map((t) => cell(t)) }),
        new TableRow({ children: [cell('1', { rowSpan: 2 }), cell('推进决策公开', { rowSpan: 2 }), cell('公开重大决策草案'), cell('法规处'), cell('办公室、信息中心'), cell('2022年6月底前')] }),
        new TableRow({ children: [cell('公开决策解读材料'), cell('宣传处'), cell(''), cell('长期推进')] }),
        new TableRow({ children: [cell('2'), cell('做好政务舆情回应'), cell('建立舆情会商机制'), cell('办公室'), cell('各有关处室'), cell('三季度')] }),
        new TableRow({ children: [cell('3'), cell('规范依申请公开'), cell('按时答复申请'), cell('办公室'), cell(''), cell('收到申请后20个工作日内')] }),
      ],
    });
    const bytes = await docx([new Paragraph({ text: '某省卫生健康委2022年政务公开工作任务分工表', alignment: AlignmentType.CENTER }), table]);
    const { items, code, err, ledger } = await importFile('任务分工表.docx', bytes);
    expect(ledger.plan).toMatchObject({ title: '某省卫生健康委2022年政务公开工作任务分工表', year: 2022 });
    expect(items.map((i) => [i.number, i.text, i.lead, i.cooperate, i.due, i.status])).toEqual([
      ['1.1', '推进决策公开：公开重大决策草案', ['法规处'], ['办公室', '信息中心'], '2022-06-30', '未启动'],
      ['1.2', '推进决策公开：公开决策解读材料', ['宣传处'], undefined, '2022-12-31', '持续推进'],
      ['2', '做好政务舆情回应：建立舆情会商机制', ['办公室'], ['各有关处室'], '2022-09-30', '未启动'],
      ['3', '规范依申请公开：按时答复申请', ['办公室'], undefined, '2022-12-31', '未启动'],
    ]);
    expect(items[0]!.clause).toBe('牵头单位:法规处；配合单位:办公室、信息中心');
    expect(items[3]!.due_text).toBe('收到申请后20个工作日内');
    // The deadline that cannot be computed is listed with its paragraph and cell.
    expect(code).toBe(1);
    expect(err).toContain('任务分工表.docx 第2段（表1 第5行第6列）: 警告[IMPORT_DUE_UNREAD] 第 3 项：完成时限「收到申请后20个工作日内」无法换算为日期，已保留原文');
    expect(err).toContain('（Word 文档）');
  });

  it('reads a plan written as paragraphs, by content whatever the file is called', async () => {
    const bytes = await docx(
      [
        '某市人民政府办公室关于印发《某市2022年政务公开工作要点》的通知',
        '某政办发〔2022〕7号',
        '各区人民政府，市政府各部门：',
        '现将《某市2022年政务公开工作要点》印发给你们，请认真贯彻执行。',
        '某市人民政府办公室',
        '2022年5月6日',
        '某市2022年政务公开工作要点',
        '一、推进重点领域信息公开',
        '（一）推进财政信息公开。',
        '1．公开市级部门预算和决算。（市财政局牵头，市政府各部门按职责分工负责）',
        '2．公开政府债务信息。（市财政局负责，2022年9月底前完成）',
        '（二）推进民生信息公开。（市民政局牵头，各区政府配合）',
        '二、加强政策解读',
        '3．做好重大政策解读。市政府办公室会同市司法局落实。',
      ].map((t) => new Paragraph(t)),
    );
    const { items, code, ledger } = await importFile('plan.bin', bytes);
    expect(code).toBe(0);
    expect(ledger.plan).toMatchObject({ issuer: '某市人民政府办公室', document_number: '某政办发〔2022〕7号', year: 2022, issued_on: '2022-05-06' });
    expect(items.map((i) => [i.number, i.lead ?? i.sole, i.joint ?? i.cooperate, i.due])).toEqual([
      ['(一)1', ['市财政局'], ['市政府各部门'], '2022-12-31'],
      ['(一)2', ['市财政局'], undefined, '2022-09-30'],
      ['(二)', ['市民政局'], ['各区政府'], '2022-12-31'],
      ['3', ['市政府办公室'], ['市司法局'], '2022-12-31'],
    ]);
    // 市政府各部门 are the city's own departments, each one's task; 各区政府 are bodies outside the office, each answering for itself.
    expect(ledger.departments.groups.map((g: { name: string; members: string; kind: string }) => `${g.name}:${g.members}:${g.kind}`)).toEqual(['市政府各部门:all:internal', '各区政府:all:external']);
  });
});

describe('Word automatic numbering', () => {
  it('reads numbers Word generates (一、 and 1. from numbering.xml) as if typed, continuing across sections', async () => {
    const numbered = (text: string, level: number) => new Paragraph({ text, numbering: { reference: 'plan', level } });
    const document = new Document({
      numbering: {
        config: [
          {
            reference: 'plan',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', start: 1 },
              { level: 1, format: LevelFormat.DECIMAL, text: '%2.', start: 1 },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph('某县2024年政务公开工作要点'),
            numbered('推进重点领域公开', 0),
            numbered('公开县级预算。（县财政局负责）', 1),
            numbered('公开政府债务。（县财政局牵头，各乡镇配合）', 1),
            numbered('加强政策解读', 0),
            numbered('做好政策图解。（县融媒体中心负责）', 1),
          ],
        },
      ],
    });
    const { items, ledger, code } = await importFile('要点.docx', await Packer.toBuffer(document));
    expect(code).toBe(0);
    expect(ledger.sections.map((s: { number: string; title: string }) => `${s.number}、${s.title}`)).toEqual(['一、推进重点领域公开', '二、加强政策解读']);
    expect(items.map((i) => [i.number, i.sole ?? i.lead])).toEqual([
      ['一1', ['县财政局']],
      ['一2', ['县财政局']],
      ['二1', ['县融媒体中心']],
    ]);
  });
});

describe('Excel (.xlsx)', () => {
  it('reads a 任务分工表 sheet with merged cells and a merged title row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('任务分工');
    sheet.addRow(['某区2023年政务公开重点任务台账']);
    sheet.mergeCells('A1:F1');
    sheet.addRow(['序号', '重点任务', '细化分工', '责任单位', '配合单位', '时间要求']);
    sheet.addRow([1, '加强政策解读', '开展政策吹风会', '区政府办', '区融媒体中心', '上半年']);
    sheet.addRow([null, null, '制作图解', '区发改局', '', '2023年10月底前']);
    sheet.mergeCells('A3:A4');
    sheet.mergeCells('B3:B4');
    sheet.addRow([2, '公开财政信息', '公开预算', '区财政局', '各街道办事处', '持续推进']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { items, code, err, ledger } = await importFile('台账.xlsx', bytes);
    expect(err).toContain('（Excel 工作簿）');
    expect(code).toBe(0);
    expect(ledger.plan).toMatchObject({ title: '某区2023年政务公开重点任务台账', year: 2023 });
    expect(items.map((i) => [i.number, i.text, i.joint ?? i.sole, i.cooperate, i.due, i.status])).toEqual([
      ['1.1', '加强政策解读：开展政策吹风会', ['区政府办'], ['区融媒体中心'], '2023-06-30', '未启动'],
      ['1.2', '加强政策解读：制作图解', ['区发改局'], undefined, '2023-10-31', '未启动'],
      ['2', '公开财政信息：公开预算', ['区财政局'], ['各街道办事处'], '2023-12-31', '持续推进'],
    ]);
  });

  it('reads a date cell as that day, whatever the machine’s time zone, and names in a cell a line each as a list', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['某市2026年政务公开重点任务分工表']);
    sheet.addRow(['序号', '工作任务', '牵头单位', '配合单位', '完成时限']);
    sheet.addRow([1, '公开重大项目审批信息', '市发改委\n市资源规划局', '市住建局', new Date(Date.UTC(2026, 7, 31))]);
    sheet.addRow([2, '公开财政预决算', '市财政局', '', new Date(Date.UTC(2027, 0, 31))]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const { items, code, err } = await importFile('plan.xlsx', bytes);
      expect(code, err).toBe(0);
      expect(items.map((i) => [i.lead, i.cooperate, i.due, i.due_text])).toEqual([
        [['市发改委', '市资源规划局'], ['市住建局'], '2026-08-31', '2026年8月31日'],
        [['市财政局'], undefined, '2027-01-31', '2027年1月31日'],
      ]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('names the cell of a unit it is unsure of', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['序号', '工作任务', '责任单位', '完成时限']);
    sheet.addRow([1, '公开预算', '区财政局', '2023年3月底前']);
    sheet.addRow([2, '公开决算', '视工作进展确定', '2023年8月底前']);
    const { code, err } = await importFile('plan.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(code).toBe(1);
    expect(err).toContain('plan.xlsx（Sheet1!C3）: 警告[IMPORT_ROLES_UNSURE] 第 2 项：不确定「视工作进展确定」是部门名称');
  });
});

describe('a web page saved from a government site', () => {
  it('reads the body and its table, leaves the site chrome out', async () => {
    const html = readFileSync(join(FIXTURES, 'notices', 'formats', 'gov-page.html'));
    const { items, code, err, ledger } = await importFile('page.txt', html);
    expect(err).toContain('（网页，UTF-8）');
    expect(ledger.plan).toMatchObject({ title: '某市卫生健康委2022年政务公开工作任务分工', document_number: '某卫办〔2022〕12号', issued_on: '2022-04-08', year: 2022 });
    expect(items.map((i) => [i.number, i.text, i.lead ?? i.sole, i.cooperate, i.status, i.due])).toEqual([
      ['1.1', '做好疫情防控信息发布：每日发布疫情信息', ['疾控处'], ['宣传处'], '持续推进', '2022-12-31'],
      ['1.2', '做好疫情防控信息发布：发布防控政策解读', ['宣传处'], undefined, '未启动', '2022-06-30'],
      ['2', '公开部门预算和决算', ['财务处'], undefined, '未启动', '2022-08-31'],
      ['3', '办理依申请公开', ['办公室'], undefined, '未启动', '2022-12-31'],
    ]);
    expect(items[2]!.milestones).toEqual([
      { due: '2022-03-31', text: '公开预算' },
      { due: '2022-08-31', text: '公开决算' },
    ]);
    expect(code).toBe(1); // 收到申请后20个工作日内 cannot be computed
    expect(JSON.stringify(ledger)).not.toMatch(/首页|版权所有|分享到|统计代码|IE9/);
  });
});

describe('a Traditional-script copy', () => {
  it('reads 牽頭/負責 as roles, names in Simplified, text and clause kept as written', async () => {
    const text = readFileSync(join(FIXTURES, 'notices', 'formats', 'traditional-plan.txt'));
    const { items, code, ledger } = await importFile('plan.txt', text);
    expect(code).toBe(0);
    expect(ledger.plan).toMatchObject({ title: '某省民政廳2022年政務公開工作要點', document_number: '某民办发〔2022〕5号', year: 2022 });
    expect(items.map((i) => [i.number, i.lead ?? i.joint ?? i.sole, i.cooperate, i.status, i.due])).toEqual([
      ['1', ['政策法规处'], ['办公室'], '未启动', '2022-12-31'],
      ['2', ['政策法规处', '规划财务处'], undefined, '未启动', '2022-12-31'],
      ['3', ['社会救助处'], undefined, '未启动', '2022-06-30'],
      ['4', ['办公室'], ['各有关处室'], '持续推进', '2022-12-31'],
    ]);
    expect(items[0]).toMatchObject({ text: '完善重大行政決策公眾參與機制，公開決策草案和解讀材料。', clause: '政策法規處牽頭，辦公室配合' });
  });

  it('and validate agrees with the clause as written', async () => {
    const dir = tempDir({ 'plan.txt': readFileSync(join(FIXTURES, 'notices', 'formats', 'traditional-plan.txt')) });
    const out = join(dir, 'ledger.yaml');
    expect((await runCli(['import', join(dir, 'plan.txt'), '-o', out])).code).toBe(0);
    const validated = JSON.parse((await runCli(['validate', '--ledger', out, '--format', 'json'])).out);
    expect(validated.diagnostics.filter((d: { code: string }) => d.code.startsWith('CLAUSE'))).toEqual([]);
  });
});

describe('files that cannot be read as they are', () => {
  it('a zip that is neither Word nor Excel', async () => {
    const { zipSync } = await import('fflate');
    const { code, err, out } = await importFile('notice.docx', Buffer.from(zipSync({ 'readme.txt': new TextEncoder().encode('hello') })));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('这是压缩文件，但不是 Word（.docx）或 Excel（.xlsx）文档');
    expect(hasStackTrace(err)).toBe(false);
  });
});
