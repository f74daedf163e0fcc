import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { FULL_SIZE } from '../helpers/scale.js';
import { runTempDir, tempDir } from '../helpers/temp.js';
import { toolAvailable } from '../helpers/tools.js';
import { docxPart, officeToPdf, inkPerPage, pdfText } from './office-pdf.js';

const WEEK = join(FIXTURES, 'ledgers', 'mca-week.yaml');
const PROGRESS = join(FIXTURES, 'ledgers', 'mca-progress.yaml');
const canConvert =
  toolAvailable('soffice', 'apt-get install libreoffice-writer libreoffice-calc') && toolAvailable('pdftoppm', 'apt-get install poppler-utils') && toolAvailable('pdfinfo', 'apt-get install poppler-utils');

const registryWithContact = () => {
  const registry = readFileSync(SHIPPED_REGISTRY, 'utf8').replace(/(  - name: 办公厅\(国际合作司\)\n)/, '$1    contact: 张三\n    phone: 010-58123456\n');
  expect(registry).toContain('contact: 张三');
  return registry;
};
const weekLedger = () => readFileSync(WEEK, 'utf8').replace(/^departments: .*$/m, 'departments: departments.yaml');

/** The shipped registry with the office's contact, and the coordinator's week. */
function workspace(): { dir: string; ledger: string } {
  const dir = tempDir({ 'departments.yaml': registryWithContact(), 'ledger.yaml': weekLedger() });
  return { dir, ledger: join(dir, 'ledger.yaml') };
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * Every document this file prints — the Word documents of the week and the workbooks of the xlsx views — written
 * once and converted to PDF in one LibreOffice run, shared by the tests below (whichever comes first makes it):
 * a LibreOffice start costs about 1 s of CPU (with the profile office-pdf.ts gives it), the conversion of each
 * document a fraction of that.
 */
let printing: ReturnType<typeof printAll> | undefined;
const printed = () => (printing ??= printAll());

async function printAll() {
  const dir = runTempDir('office-print');
  writeFileSync(join(dir, 'departments.yaml'), registryWithContact());
  writeFileSync(join(dir, 'ledger.yaml'), weekLedger());
  const ledger = join(dir, 'ledger.yaml');
  const asOf = ['--ledger', ledger, '--as-of', '2021-10-08'];
  const report = join(dir, '报告.docx');
  expect((await runCli(['report', ...asOf, '-o', report])).code).toBe(0);
  const reminded = await runCli(['remind', ...asOf, '--format', 'docx', '-o', join(dir, '催办')]);
  expect(reminded.code, reminded.err).toBe(0);
  const letters = readdirSync(join(dir, '催办')).map((f) => join(dir, '催办', f));
  expect(letters.map((f) => f.slice(f.lastIndexOf('/') + 1))).toContain('信息中心.docx');
  const checklist = join(dir, '信息中心清单.docx');
  expect((await runCli(['checklist', ...asOf, '--dept', '信息中心', '-o', checklist])).code).toBe(0);
  const status = JSON.parse((await runCli(['status', ...asOf, '--format', 'json'])).out);
  // The 回头看 goes through the same LibreOffice run (one soffice start for every document).
  const review = join(dir, '回头看.docx');
  const reviewed = await runCli(['review', ...asOf, '--format', 'docx', '-o', review]);
  expect(reviewed.code, reviewed.err).toBe(0);
  const reviewJson = JSON.parse((await runCli(['review', ...asOf, '--format', 'json'])).out);
  // The xlsx views of the progress ledger, as an office prints them.
  const summary = join(dir, 'summary.xlsx');
  const department = join(dir, 'department.xlsx');
  for (const [args, file] of [[['status'], summary], [['status', '--dept', '信息中心'], department]] as const) {
    const written = await runCli([...args, '--format', 'xlsx', '-o', file, '--ledger', PROGRESS, '--as-of', '2021-10-08']);
    expect(written.code, written.err).toBe(0);
  }
  // Every department's letter at full size; by default one (each more adds about 0.1 s of LibreOffice's CPU).
  const printedLetters = FULL_SIZE ? letters : letters.filter((f) => f.endsWith('信息中心.docx'));
  const docx = [report, checklist, review, ...printedLetters];
  const pdfs = officeToPdf([...docx, summary, department], join(dir, 'pdf'));
  return { dir, report, letters: printedLetters, status, reviewJson, pdfs: pdfs.slice(0, docx.length), workbooks: { summary: pdfs.at(-2)!, department: pdfs.at(-1)! } };
}

describe.runIf(canConvert)('--format docx: Word documents in the 公文 layout', () => {
  it('report, remind, checklist and review convert to PDF pages with ink, the title first, the figures of status --format json, and the 公文 styles', async () => {
    const { dir, report, letters, status, reviewJson, pdfs } = await printed();
    // The review's last page may hold only its closing lines (特此报告, the contact, sender and date): too little ink for
    // the measure below, so for it every page must carry text instead.
    const texts = pdfs.map(pdfText);
    for (const [i, page] of texts[2]!.split('\f').slice(0, -1).entries()) expect(page.trim(), `回头看 page ${i + 1}`).not.toBe('');
    for (const pdf of pdfs.filter((_, i) => i !== 2)) {
      const ink = inkPerPage(pdf, join(dir, 'pdf'));
      expect(ink.length, pdf).toBeGreaterThan(0);
      for (const share of ink) expect(share, `${pdf}: a blank page`).toBeGreaterThan(0.005);
    }
    const [reportText, checklistText, reviewText, ...letterTexts] = texts;
    const firstLines = (text: string) => squeeze(text.split('\n').slice(0, 4).join(''));
    // A date is never broken across a table cell's lines (2021-10- / 08), in any of the documents.
    for (const [i, text] of texts.entries()) expect(text, pdfs[i]).not.toMatch(/\d{4}-\d{1,2}-?\n\s*\d/);
    // The report closes with 特此报告 on the page of its sender and date.
    const reportPages = reportText!.split('\f').filter((page) => page.trim());
    expect(squeeze(reportPages[reportPages.length - 1]!)).toMatch(/特此报告。.*民政部办公厅/);
    expect(firstLines(reportText!)).toContain(`关于${status.plan.title}落实情况的报告`);
    expect(firstLines(checklistText!)).toContain('信息中心任务清单');
    for (const text of letterTexts) expect(firstLines(text)).toContain('催办通知');

    // Every headline figure of status --format json is in the report's words, and every department's row in its table.
    const t = status.totals;
    const text = squeeze(reportText!);
    expect(text).toContain(`共${t.items}项任务`);
    for (const [status_, label] of [['done', '已完成'], ['in_progress', '推进中'], ['not_started', '未启动'], ['ongoing', '持续推进']] as const) {
      if (t.by_status[status_]) expect(text).toContain(`${label}${t.by_status[status_]}项`);
    }
    expect(text).toContain(t.overdue ? `逾期${t.overdue}项` : '没有逾期的任务');
    expect(text).toContain(`完成度${Math.round(t.completion * 100)}%`);
    for (const d of status.departments.filter((d: { items: number; name: string }) => d.items && d.name.length <= 6)) {
      expect(text, d.name).toContain(`${d.name}${d.items}${d.by_status.done}${d.by_status.in_progress}${d.by_status.not_started}${d.overdue}${Math.round(d.completion * 100)}%`);
    }
    expect(text).toContain('民政部办公厅2021年10月8日');
    expect(text).toContain('联系人：张三电话：010-58123456');

    // The review: its title first, the figures of review --format json in words and in the department table, signed and dated.
    expect(firstLines(reviewText!)).toContain(`关于${status.plan.title}落实情况“回头看”的报告`);
    const r = reviewJson.totals;
    const reviewed_ = squeeze(reviewText!);
    expect(reviewed_).toContain(`共${r.items}项任务：按期完成${r.on_time}项，逾期完成${r.late}项，未完成${r.unfinished}项（其中逾期${r.overdue}项），持续推进${r.ongoing}项，已取消${r.cancelled}项`);
    expect(reviewed_).toContain(`延期${r.postponed}项、共${r.postponements}次`);
    const rate = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);
    for (const d of reviewJson.departments.filter((d: { items: number; name: string }) => d.items && d.name.length <= 6)) {
      expect(reviewed_, d.name).toContain(`${d.name}${d.items}${d.on_time}${d.late}${d.unfinished}${d.overdue}${d.postponements}${rate(d.on_time_rate)}`);
    }
    expect(reviewed_).toContain(`合计${r.items}${r.on_time}${r.late}${r.unfinished}${r.overdue}${r.postponements}${rate(r.on_time_rate)}`);
    // Each postponement with its reason, each unfinished item by its number.
    for (const item of reviewJson.items) for (const p of item.postponements) expect(reviewed_).toContain(squeeze(`${p.from}→${p.to}`));
    expect(reviewed_).toMatch(/特此报告。.*民政部办公厅2021年10月8日—\d+—$/);
    expect(reviewed_).toContain('联系人：张三电话：010-58123456');

    // The letter quotes its tasks whole (never cut mid-word) and ends with the contact line.
    const letter = squeeze(letterTexts[letters.findIndex((f) => f.endsWith('信息中心.docx'))]!);
    expect(letter).toContain('信息中心：');
    expect(letter).toContain(squeeze('强化网络安全责任,抓好部门户网站和客户端安全防护。'));
    expect(letter).toContain('联系人：张三电话：010-58123456');
    expect(letter).not.toContain('……');

    // The styles name the 公文 fonts and sizes (half-points: 二号 22 pt = 44, 三号 16 pt = 32, 四号 14 pt = 28).
    const styles = docxPart(report, 'word/styles.xml');
    const style = (name: string) => new RegExp(`<w:style [^>]*w:styleId="${name}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
    expect(style('GongwenTitle')).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(style('GongwenTitle')).toMatch(/<w:sz w:val="44"\/>/);
    expect(style('GongwenBody')).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(style('GongwenBody')).toMatch(/<w:sz w:val="32"\/>/);
    expect(style('GongwenBody')).toMatch(/<w:spacing [^>]*w:line="57\d" w:lineRule="exact"/);
    expect(style('GongwenHeading1')).toMatch(/w:eastAsia="黑体"/);
    expect(style('GongwenHeading2')).toMatch(/w:eastAsia="楷体_GB2312"/);
    const document = docxPart(report, 'word/document.xml');
    // A4 and the 版心 of 156 × 225 mm: margins 37/35/28/26 mm in twips.
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(document).toContain('<w:tblHeader/>');
    const footer = docxPart(report, 'word/footer1.xml');
    expect(footer).toMatch(/w:eastAsia="宋体"/);
    expect(footer).toMatch(/<w:sz w:val="28"\/>/);
    expect(squeeze(reportText!)).toContain('—1—');
  }, 180_000);
});

describe.runIf(canConvert)('xlsx printed by an office suite', () => {
  it('prints A4 landscape with the header on every page and 第 N 页 at the foot; a summary fits the page width', async () => {
    const { summary, department } = (await printed()).workbooks;
    const info = (pdf: string) => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    // 842 × 595 points: A4 turned on its side.
    for (const pdf of [summary, department]) expect(info(pdf)).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    // Every department and every column of the summary on one page.
    expect(info(summary)).toMatch(/Pages:\s+1\n/);
    const summaryText = pdfText(summary);
    expect(summaryText).toContain('完成度');
    expect(summaryText).toContain('第 1 页，共 1 页');
    // A sheet too wide to shrink runs onto more pages, each with the header row.
    const pages = Number(/Pages:\s+(\d+)/.exec(info(department))![1]);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', department, '-'], { encoding: 'utf8' });
      expect(text).toContain(`第 ${page} 页，共 ${pages} 页`);
    }
  });
});

describe('--format docx without a place to write', () => {
  it('remind --format docx asks for -o and writes nothing', async () => {
    const { ledger } = workspace();
    const result = await runCli(['remind', '--ledger', ledger, '--as-of', '2021-10-08', '--format', 'docx']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('-o 目录');
  });
});

it('a registry whose departments name a contact and phone validates without a finding about them', async () => {
  const { ledger } = workspace();
  const result = await runCli(['validate', '--ledger', ledger, '--format', 'json']);
  expect(result.out).not.toMatch(/contact|phone/);
});
