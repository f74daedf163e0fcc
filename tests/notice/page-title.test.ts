import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

/**
 * A web page whose body starts right at the plan's parts (the title stands in the page's <title> or an
 * <h1> the body text does not repeat), and a page whose metadata sits in a table (索引号：| … | 文号：| …).
 * Generated over title wordings, site-name separators and where the title stands.
 */

type Item = { number: string };

async function importPage(html: string) {
  const dir = tempDir({ 'page.html': html });
  const run = await runCli(['import', join(dir, 'page.html'), '--format', 'json']);
  const ledger = run.out ? JSON.parse(run.out) : undefined;
  return { ...run, ledger, items: (ledger?.sections.flatMap((s: { items: Item[] }) => s.items) ?? []) as Item[] };
}

const BODY = `<div class="article"><p>一、推进重点领域信息公开</p><p>1. 公开财政预决算信息。（县财政局牵头，各乡镇配合）</p><p>2. 公开重大建设项目信息。（县发改局负责）</p>
<p>二、加强政策解读</p><p>3. 做好政策解读工作。（县政府办公室牵头）</p></div>`;

const PLANS = ['某县2025年政务公开工作要点', '某市卫生健康委2024年政务公开工作任务分工', '某区2023年政务公开重点任务清单'];
const TITLES: Record<string, (plan: string) => string> = {
  'the plan itself': (plan) => plan,
  'a cover title with 《》': (plan) => `某县人民政府办公室关于印发《${plan}》的通知`,
  'a cover title without 《》': (plan) => `某县人民政府办公室关于印发${plan}的通知`,
};
const SITES = ['_某县人民政府', ' - 某县人民政府门户网站', '|某县人民政府', ''];

describe('a page that names its plan only in <title> or <h1>', () => {
  for (const plan of PLANS) {
    for (const [form, title] of Object.entries(TITLES)) {
      it.each(SITES)(`${plan}, ${form}, site name «%s», in <title>`, async (site) => {
        const { ledger, err } = await importPage(`<!DOCTYPE html><html><head><title>${title(plan)}${site}</title></head><body><div class="nav">首页 政务公开</div>${BODY}</body></html>`);
        expect(ledger.plan.title).toBe(plan);
        expect(ledger.plan.year).toBe(Number(/\d{4}/.exec(plan)![0]));
        expect(err).not.toContain('IMPORT_TITLE_MISSING');
        expect(err).not.toContain('IMPORT_YEAR');
      });
    }
    it(`${plan} in an <h1> outside the article, a site's name in <title>`, async () => {
      const { ledger } = await importPage(`<html><head><title>某县人民政府门户网站</title></head><body><div class="header"><h1>某县人民政府</h1></div><div class="title"><h1>${plan}</h1></div>${BODY}</body></html>`);
      expect(ledger.plan.title).toBe(plan);
    });
  }

  it('a body that has its own title keeps it', async () => {
    const { ledger } = await importPage(`<html><head><title>首页_某县人民政府</title></head><body><div class="article"><p>某县2022年政务公开工作要点</p></div>${BODY}</body></html>`);
    expect(ledger.plan.title).toBe('某县2022年政务公开工作要点');
  });
});

describe('a page whose metadata is a table of label and value cells', () => {
  const ROWS = [
    ['索引号：', '002570189/2025-45211', '发布机构：', '某县人民政府办公室'],
    ['文号：', '某政办发〔2025〕12号', '发文日期：', '2025-03-18'],
    ['主题分类：', '1. 综合政务 2. 政务公开', '有效性：', '有效'],
  ];
  for (const numbered of [false, true]) {
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 2, 0]]) {
      it(`${numbered ? 'labels numbered 1. 2. …, ' : ''}rows in order ${order.join('')}: its values are read, a numbered value is no task`, async () => {
        let n = 0;
        const table = order.map((r) => `<tr>${ROWS[r]!.map((cell, i) => `<td>${i % 2 === 0 && numbered ? `${++n}. ` : ''}${cell}</td>`).join('')}</tr>`).join('');
        const { ledger, items } = await importPage(
          `<html><head><title>x</title></head><body><table class="meta">${table}</table><div class="article"><h1>某县人民政府办公室关于印发某县2025年政务公开工作要点的通知</h1></div>${BODY}</body></html>`,
        );
        expect(items.map((i) => i.number)).toEqual(['1', '2', '3']);
        expect(ledger.plan).toMatchObject({ title: '某县2025年政务公开工作要点', document_number: '某政办发〔2025〕12号', issued_on: '2025-03-18', year: 2025 });
      });
    }
  }
});
