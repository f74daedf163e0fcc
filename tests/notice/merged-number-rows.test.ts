import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { importLedger } from './imported-ledger.js';

/**
 * A 任务分工表 whose 序号 is merged over several rows (F7): the rows under one 序号 are one task
 * spread over them (a row per body, a row per line of its words) unless each row is a task of its
 * own, with words and bodies of its own (then N.1, N.2). Either way the ledger the import writes is
 * one `validate` accepts: no 缺少编号 that blocks every commit.
 */

type Item = Record<string, unknown> & { number: string; text: string };

/** A cell that covers `rows` rows from here down; `undefined` in a row: covered by a cell above. */
interface Spec {
  text: string;
  rows?: number;
}
type Row = (Spec | undefined)[];

async function xlsx(header: string[], body: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('任务分工');
  sheet.addRow(['某市2026年政务公开工作任务分工表']);
  sheet.mergeCells(1, 1, 1, header.length);
  sheet.addRow(header);
  body.forEach((row, r) => {
    const excelRow = r + 3;
    row.forEach((cell, c) => {
      if (!cell) return;
      sheet.getCell(excelRow, c + 1).value = /^\d+$/.test(cell.text) ? Number(cell.text) : cell.text;
      if ((cell.rows ?? 1) > 1) sheet.mergeCells(excelRow, c + 1, excelRow + cell.rows! - 1, c + 1);
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function docx(header: string[], body: Row[]): Promise<Buffer> {
  const cell = (text: string, rowSpan = 1) => new TableCell({ children: [new Paragraph(text)], rowSpan });
  const table = new Table({
    rows: [
      new TableRow({ children: header.map((h) => cell(h)) }),
      ...body.map((row) => new TableRow({ children: row.filter((c): c is Spec => !!c).map((c) => cell(c.text, c.rows ?? 1)) })),
    ],
  });
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('某市2026年政务公开工作任务分工表'), table] }] }));
}

function html(header: string[], body: Row[]): string {
  const row = (cells: string[]) => `<tr>${cells.join('')}</tr>`;
  const rows = body.map((r) => row(r.filter((c): c is Spec => !!c).map((c) => `<td${(c.rows ?? 1) > 1 ? ` rowspan="${c.rows}"` : ''}>${c.text}</td>`)));
  return `<!DOCTYPE html><html><head><title>x</title></head><body><h2>某市2026年政务公开工作任务分工表</h2><table>${row(header.map((h) => `<th>${h}</th>`))}${rows.join('')}</table></body></html>`;
}

const CONTAINERS = {
  xlsx: { name: '分工表.xlsx', build: xlsx },
  docx: { name: '分工表.docx', build: docx },
  html: { name: '分工表.html', build: async (h: string[], b: Row[]) => Buffer.from(html(h, b)) },
};

const BODIES = ['市发改委', '市财政局', '市住建局', '市交通局'];
const LINES = ['公开重大项目审批结果', '公开项目资金安排情况', '公开项目建设进展', '公开项目竣工验收信息'];

/** Imports as a user does (-o ledger.yaml) and validates the ledger as the commit hook would: the items read and the errors, from one import. */
async function importAndValidate(name: string, bytes: Buffer): Promise<{ items: Item[]; errors: unknown[] }> {
  const dir = tempDir({ [name]: bytes });
  const { items, errors } = await importLedger(join(dir, name));
  return { items: items as unknown as Item[], errors };
}

describe.each(Object.entries(CONTAINERS))('%s: rows under one merged 序号', (_, container) => {
  for (const spread of [2, 3]) {
    it(`a row per body (${spread} rows), one 责任单位 column: one item, every body joint`, async () => {
      const header = ['序号', '工作任务', '责任单位', '完成时限'];
      const body: Row[] = [
        [{ text: '1' }, { text: '公开财政预决算' }, { text: '市财政局' }, { text: '年底前' }],
        ...BODIES.slice(0, spread).map((name, k): Row => (k === 0 ? [{ text: '2', rows: spread }, { text: '推进重大项目信息公开', rows: spread }, { text: name }, { text: '6月底前', rows: spread }] : [undefined, undefined, { text: name }, undefined])),
        [{ text: '3' }, { text: '做好政务舆情回应' }, { text: '市政府办公室' }, { text: '全年' }],
      ];
      const { items, errors } = await importAndValidate(container.name, await container.build(header, body));
      expect(items.map((i) => i.number)).toEqual(['1', '2', '3']);
      expect(items[1]).toMatchObject({ text: '推进重大项目信息公开', joint: BODIES.slice(0, spread), due: '2026-06-30' });
      expect(errors).toEqual([]);
    });

    it(`a row per body (${spread} rows) under a merged 牵头单位: the lead and every 配合单位`, async () => {
      const header = ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'];
      const body: Row[] = [
        ...BODIES.slice(1, spread + 1).map((name, k): Row =>
          k === 0 ? [{ text: '1', rows: spread }, { text: '推进重大项目信息公开', rows: spread }, { text: '市发改委', rows: spread }, { text: name }, { text: '三季度', rows: spread }] : [undefined, undefined, undefined, { text: name }, undefined],
        ),
        [{ text: '2' }, { text: '做好政务舆情回应' }, { text: '市政府办公室' }, { text: '' }, { text: '全年' }],
      ];
      const { items, errors } = await importAndValidate(container.name, await container.build(header, body));
      expect(items.map((i) => i.number)).toEqual(['1', '2']);
      expect(items[0]).toMatchObject({ lead: ['市发改委'], cooperate: BODIES.slice(1, spread + 1), due: '2026-09-30' });
      expect(errors).toEqual([]);
    });

    it(`a row per line of the task's words (${spread} rows), the bodies merged: one item with every line`, async () => {
      const header = ['序号', '工作任务', '具体内容', '责任单位', '完成时限'];
      const body: Row[] = [
        [{ text: '1' }, { text: '公开财政预决算' }, { text: '公开部门预算' }, { text: '市财政局' }, { text: '年底前' }],
        ...LINES.slice(0, spread).map((line, k): Row =>
          k === 0 ? [{ text: '2', rows: spread }, { text: '推进重大项目信息公开', rows: spread }, { text: line }, { text: '市发改委', rows: spread }, { text: '年底前', rows: spread }] : [undefined, undefined, { text: line }, undefined, undefined],
        ),
      ];
      const { items, errors } = await importAndValidate(container.name, await container.build(header, body));
      expect(items.map((i) => i.number)).toEqual(['1', '2']);
      for (const line of LINES.slice(0, spread)) expect(items[1]!.text).toContain(line);
      expect(items[1]).toMatchObject({ sole: ['市发改委'], due: '2026-12-31' });
      expect(errors).toEqual([]);
    });

    it(`rows that are tasks of their own (${spread} rows, each with words and a body): N.1 … N.${spread}, and validate takes them as N`, async () => {
      const header = ['序号', '工作任务', '具体措施', '责任单位', '完成时限'];
      const body: Row[] = [
        [{ text: '1' }, { text: '公开财政预决算' }, { text: '公开部门预算' }, { text: '市财政局' }, { text: '年底前' }],
        ...LINES.slice(0, spread).map((line, k): Row =>
          k === 0 ? [{ text: '2', rows: spread }, { text: '推进重大项目信息公开', rows: spread }, { text: line }, { text: BODIES[k]! }, { text: '年底前', rows: spread }] : [undefined, undefined, { text: line }, { text: BODIES[k]! }, undefined],
        ),
        [{ text: '3' }, { text: '做好政务舆情回应' }, { text: '加强舆情监测' }, { text: '市政府办公室' }, { text: '全年' }],
      ];
      const { items, errors } = await importAndValidate(container.name, await container.build(header, body));
      expect(items.map((i) => i.number)).toEqual(['1', ...LINES.slice(0, spread).map((_, k) => `2.${k + 1}`), '3']);
      expect(items.slice(1, spread + 1).map((i) => i.sole)).toEqual(BODIES.slice(0, spread).map((b) => [b]));
      expect(errors).toEqual([]);
    });
  }
});
