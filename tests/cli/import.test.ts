import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchItems } from '../../src/carry/match-items.js';
import { textSimilarity } from '../../src/carry/text-similarity.js';
import { NOTICE, ROOT, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const noticeText = readFileSync(NOTICE, 'utf8');

describe('gongkai import', () => {
  it('regenerates the shipped ledger byte for byte (README: how to regenerate)', async () => {
    const result = await runCli(['import', NOTICE, '--registry', SHIPPED_REGISTRY], { cwd: join(ROOT, 'data') });
    expect(result.code).toBe(0);
    expect(result.out).toBe(readFileSync(SHIPPED_LEDGER, 'utf8'));
    expect(result.err).toBe(`gongkai: 提示[IMPORT_SUMMARY] 已读取 ${NOTICE}（UTF-8）：6 个部分，35 项任务\n`);
  });

  it('makes a ledger that validates clean apart from the expected warnings, through a pipe', async () => {
    const imported = await runCli(['import', '-'], { stdinText: noticeText });
    expect(imported.code).toBe(0);
    expect(imported.err).toContain('35 项任务，11 个部门（类别为推测，请核实）');
    const validated = await runCli(['validate', '--ledger', '-', '--format', 'json'], { stdinText: imported.out });
    expect(validated.code).toBe(0);
    const codes = new Set(JSON.parse(validated.out).diagnostics.map((d: { code: string }) => d.code));
    // Guessed kinds want confirming; vague groups want resolving. Nothing else.
    expect([...codes].sort()).toEqual(['KIND_GUESSED', 'UNRESOLVED_GROUP']);
  });

  it('guesses kinds and takes 合署 second names as aliases', async () => {
    const imported = await runCli(['import', NOTICE, '--format', 'json']);
    const ledger = JSON.parse(imported.out);
    const byName = Object.fromEntries(ledger.departments.departments.map((d: { name: string }) => [d.name, d]));
    expect(byName['办公厅(国际合作司)']).toEqual({ name: '办公厅(国际合作司)', aliases: ['办公厅', '国际合作司'], kind: 'internal', guessed: true });
    expect(byName['档案资料馆']).toMatchObject({ kind: 'affiliated', guessed: true });
    expect(byName['信息中心']).toMatchObject({ kind: 'affiliated' });
    expect(ledger.sections[0].items[1]).toMatchObject({
      number: '2',
      lead: [{ dept: '政策法规司', scope: '规章' }, { dept: '制发司(局)', scope: '规范性文件' }],
      status: '未启动',
      due: '2021-12-31',
    });
  });

  it.each([
    ['the bare name after the combined one', '1.公开数据集（区府办（区大数据局）负责）。\n2.政策解读（区司法局会同区府办）。\n3.公开采购目录（区大数据局负责）。\n'],
    ['the bare name before the combined one', '1.政策解读（区司法局会同区府办）。\n2.公开数据集（区府办(区大数据局)负责）。\n3.公开采购目录（区大数据局负责）。\n'],
  ])('reads a 合署 body written alone elsewhere as that body, not a second department (%s)', async (_, items) => {
    const dir = tempDir({ 'notice.txt': `某区2022年政务公开工作要点\n一、重点工作\n${items}` });
    const imported = await runCli(['import', join(dir, 'notice.txt'), '-o', join(dir, 'ledger.yaml')]);
    expect(imported.code).toBe(0);
    const status = await runCli(['status', '--ledger', join(dir, 'ledger.yaml'), '--dept', '区府办', '--as-of', '2022-03-01', '--format', 'json']);
    expect(JSON.parse(status.out).items.map((i: { number: string }) => i.number).sort()).toEqual(['1', '2', '3']);
    const json = JSON.parse((await runCli(['import', join(dir, 'notice.txt'), '--format', 'json'])).out);
    expect(json.departments.departments.map((d: { name: string }) => d.name)).toEqual([expect.stringMatching(/^区府办\(区大数据局\)$|^区司法局$/), expect.stringMatching(/^区府办\(区大数据局\)$|^区司法局$/)]);
  });

  it.each(['各镇人民政府', '各街道办事处', '各县(市、区)政府', '各学校', '各设区市自然资源局'])(
    'reads %s as bodies outside the office: each answers for the item, and it concerns none of the office’s departments',
    async (group) => {
      const dir = tempDir({ 'notice.txt': `某区2022年政务公开工作要点\n一、重点工作\n1.公开基层政务信息（${group}负责）。\n2.公开采购目录（区府办负责）。\n` });
      expect((await runCli(['import', join(dir, 'notice.txt'), '-o', join(dir, 'ledger.yaml')])).code).toBe(0);
      const status = JSON.parse((await runCli(['status', '--ledger', join(dir, 'ledger.yaml'), '--dept', '区府办', '--as-of', '2022-03-01', '--format', 'json'])).out);
      expect([status.items.map((i: { number: string }) => i.number), status.possible]).toEqual([['2'], []]);
      // Nobody of the registry owns item 1: overdue lists it under the group, not under a department.
      const overdue = await runCli(['overdue', '--ledger', join(dir, 'ledger.yaml'), '--as-of', '2023-01-10']);
      expect(overdue.out).toMatch(new RegExp(`逾期｜${group.replace(/[()]/g, '\\$&')}`));
      expect((await runCli(['validate', '--ledger', join(dir, 'ledger.yaml')])).code).toBe(0);
    },
  );

  it('lets the roles of a flagged item be fixed by hand: the notice’s words it could not read leave a warning, not an error', async () => {
    const dir = tempDir({ 'notice.txt': '某局2024年政务公开工作要点\n一、重点工作\n1.公开财政预决算（办公室统揽，财务科配合）。\n2.公开采购（审批科负责）。\n' });
    const ledger = join(dir, 'ledger.yaml');
    expect((await runCli(['import', join(dir, 'notice.txt'), '-o', ledger])).err).toContain('不确定「办公室统揽」是部门名称');
    // What the coordinator does: the roles as the notice means them, 办公室 added to the registry; the notice's words stay.
    const fixed = readFileSync(ledger, 'utf8')
      .replace(/ *# gongkai import: .*\n/, '')
      .replace('cooperate: [办公室统揽, 财务科]', 'lead: [办公室]\n        cooperate: [财务科]')
      .replace('  departments:\n', '  departments:\n    - name: 办公室\n      kind: internal\n');
    expect(fixed).toContain('clause: 办公室统揽，财务科配合');
    writeFileSync(ledger, fixed);
    const validated = await runCli(['validate', '--ledger', ledger, '--format', 'json']);
    expect(validated.code).toBe(0);
    const findings = JSON.parse(validated.out).diagnostics.filter((d: { code: string }) => d.code !== 'KIND_GUESSED');
    expect(findings.map((d: { code: string; severity: string }) => `${d.severity} ${d.code}`)).toEqual(['warning CLAUSE_UNPARSED']);
  });

  it('reads brackets within brackets (各县〔市、区〕政府 inside （）) as the same name as 各县（市、区）政府: one group, one spelling', async () => {
    const dir = tempDir({ 'notice.txt': '赣州市2024年政务公开工作要点\n一、主要任务\n1．深化基层政务公开标准化。（各县〔市、区〕政府负责）\n2．推进政务公开专区建设〔市政务服务管理局牵头，各县（市、区）政府配合〕\n' });
    const json = JSON.parse((await runCli(['import', join(dir, 'notice.txt'), '--format', 'json'])).out);
    expect(json.departments.groups.map((g: { name: string }) => g.name)).toEqual(['各县(市、区)政府']);
    const items = json.sections[0].items;
    expect([items[0].sole, items[1].cooperate]).toEqual([['各县(市、区)政府'], ['各县(市、区)政府']]);
  });

  it('keeps a first name two combined bodies share as a department of its own (办公室(外事处), 办公室(人事处), 办公室)', async () => {
    const dir = tempDir({ 'notice.txt': '某厅2022年政务公开工作要点\n一、重点工作\n1.公开外事信息（办公室(外事处)负责）。\n2.公开招录信息（办公室(人事处)负责）。\n3.公开财务信息（办公室负责）。\n' });
    const json = JSON.parse((await runCli(['import', join(dir, 'notice.txt'), '--format', 'json'])).out);
    expect(json.departments.departments.map((d: { name: string; aliases?: string[] }) => [d.name, d.aliases ?? []])).toEqual([
      ['办公室(外事处)', ['外事处']],
      ['办公室(人事处)', ['人事处']],
      ['办公室', []],
    ]);
  });

  it('writes with -o, and refuses to overwrite without --force', async () => {
    const dir = tempDir();
    const out = join(dir, 'ledger.yaml');
    expect((await runCli(['import', NOTICE, '-o', out])).code).toBe(0);
    const first = readFileSync(out, 'utf8');
    writeFileSync(out, 'hand edits\n');
    const refused = await runCli(['import', NOTICE, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('已存在；要覆盖请加 --force');
    expect(readFileSync(out, 'utf8')).toBe('hand edits\n');
    expect((await runCli(['import', NOTICE, '-o', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(first);
  });

  it('reports names the given registry does not know, exit 1', async () => {
    const dir = tempDir({ 'departments.yaml': readFileSync(SHIPPED_REGISTRY, 'utf8').replace('  - name: 信息中心\n    kind: affiliated\n', '') });
    const result = await runCli(['import', NOTICE, '--registry', join(dir, 'departments.yaml')]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('部门名录中没有「信息中心」');
  });

  describe('bad notices', () => {
    it.each([
      ['an empty file', '', 2, '通知是空的'],
      ['a text with no items', '关于做好某项工作的通知\n请各单位认真落实。\n', 2, '没有找到编号的任务'],
    ])('%s', async (_, content, code, message) => {
      const dir = tempDir({ 'notice.txt': content });
      const result = await runCli(['import', join(dir, 'notice.txt')]);
      expect(result.code).toBe(code);
      expect(result.err).toContain(message);
      expect(result.out).toBe('');
      expect(hasStackTrace(result.err)).toBe(false);
    });

    it('a PDF, whatever its name: how to convert it', async () => {
      const dir = tempDir({ 'notice.txt': Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0x01, 0x02, 0xff]) });
      const result = await runCli(['import', join(dir, 'notice.txt')]);
      expect(result.code).toBe(2);
      expect(result.err).toContain('错误[UNSUPPORTED_FORMAT] 这是 PDF 文件，不能直接读取。请用 `pdftotext -layout 文件.pdf 文件.txt`');
      expect(hasStackTrace(result.err)).toBe(false);
    });

    it('an old Word or WPS file (.doc, .wps): how to convert it', async () => {
      const dir = tempDir({ '通知.doc': Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]) });
      const result = await runCli(['import', join(dir, '通知.doc')]);
      expect(result.code).toBe(2);
      expect(result.err).toContain('这是旧版 Word/WPS/Excel 文件（.doc、.wps、.xls、.et），不能直接读取。请在 Word 或 WPS 中「另存为」.docx');
      expect(result.out).toBe('');
    });

    it('a binary file', async () => {
      const dir = tempDir({ 'notice.txt': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x0a, 0x00, 0x01, 0x02, 0xff]) });
      const result = await runCli(['import', join(dir, 'notice.txt')]);
      expect(result.code).toBe(2);
      expect(result.err).toContain('错误[NOT_TEXT] 文件不是文本');
      expect(hasStackTrace(result.err)).toBe(false);
    });

    it('a missing file', async () => {
      const result = await runCli(['import', join(tempDir(), 'nope.txt')]);
      expect(result.code).toBe(2);
      expect(result.err).toContain('错误[FILE_NOT_FOUND] 文件不存在');
    });

    it('an item with no clause is imported, flagged and reported, exit 1', async () => {
      const broken = noticeText.replace('(养老服务司) 9.', '并向社会公布名单。 9.').replace('并向社会公布名单。并向社会公布名单。', '并向社会公布名单。');
      const dir = tempDir({ 'notice.txt': broken });
      const out = join(dir, 'ledger.yaml');
      const result = await runCli(['import', join(dir, 'notice.txt'), '-o', out]);
      expect(result.code).toBe(1);
      expect(result.err).toContain('第 8 项：没有找到责任分工（应在末尾的括号里）：「加强信用监管');
      const ledger = readFileSync(out, 'utf8');
      expect(ledger).toContain('      # gongkai import: 没有找到责任分工（应在末尾的括号里）；请对照通知填写角色\n      - number: "8"\n        text: 加强信用监管');
      expect(existsSync(out)).toBe(true);
      const validated = await runCli(['validate', '--ledger', out, '--format', 'json']);
      const item8 = JSON.parse(validated.out).diagnostics.filter((d: { message: string }) => d.message.includes('第 8 项'));
      expect(item8.map((d: { code: string }) => d.code)).toEqual(['NO_ACCOUNTABLE']);
    });
  });
});

describe('matching last year\'s items with this year\'s (--carry-over, compare)', () => {
  it('scores each pair as textSimilarity scores the two texts, and pairs each task with its rewording', () => {
    // Item texts of the shipped ledger, and the same reworded: a clause cut, words added, punctuation changed.
    const texts = [...readFileSync(SHIPPED_LEDGER, 'utf8').matchAll(/^ {8}text: (.+)$/gm)].map((m) => m[1]!);
    expect(texts.length).toBe(35);
    const from = texts.map((text, i) => ({ number: String(i + 1), text, owners: [] }));
    const to = texts.map((text, i) => ({ number: String(100 + i), text: i % 3 === 0 ? `持续${text.slice(0, -4)}` : i % 3 === 1 ? text.replace(/，/g, '、') : `${text}并定期公开进展。`, owners: [] }));
    // Item 5 may not pair with its rewording: it is left for the best other match or none.
    const apart = (a: { number: string }, b: { number: string }) => a.number === '5' && b.number === '104';
    const { pairs, dropped, added } = matchItems(from, to, 0.4, apart);
    for (const pair of pairs) expect(pair.similarity, `${pair.from.number} → ${pair.to.number}`).toBe(textSimilarity(pair.from.text, pair.to.text));
    const paired = pairs.filter((p) => p.from.number !== '5');
    expect(paired.every((p) => Number(p.to.number) === Number(p.from.number) + 99)).toBe(true);
    expect(paired.length).toBe(34);
    expect(pairs.some((p) => p.from.number === '5' && p.to.number === '104')).toBe(false);
    expect(pairs.length + dropped.length).toBe(35);
    expect(pairs.length + added.length).toBe(35);
  });
});
