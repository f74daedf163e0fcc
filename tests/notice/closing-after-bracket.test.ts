import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { readNoticeBytes } from '../../src/notice/index.js';
import type { NoticeItem } from '../../src/notice/notice.js';
import { inventedNames, inventedText, pick, random } from './corpus/invented.js';

/**
 * The signature (issuer, date) after the last item, whose bracket holds bodies' names alone and perhaps its deadline
 * (`…年度报告（办公室，2029年1月31日前）。` then `某局办公室` / `2029年2月20日`, judge19, notice 82): the signature
 * is cut off the item and read as the notice's issuer and date, in a Word document (a paragraph a line) as in text.
 */

const roles = (item: NoticeItem | undefined) =>
  (['lead', 'joint', 'sole', 'cooperate'] as const).map((role) => `${role}:${(item?.assignments ?? []).filter((a) => a.role === role).map((a) => a.name).join('、')}`).join(' ');

const docx = (lines: string[]) => Packer.toBuffer(new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] }));

describe('a signature after the last item\'s bracket', () => {
  const rand = random(82);
  const cases = Array.from({ length: 24 }, (_, i) => {
    const year = 2020 + (i % 9);
    const [a, b, c] = inventedNames(rand, 3, pick(rand, ['市', '区', '']));
    const [clause, want, due] = pick(rand, [
      [`${a}，${year}年1月31日前`, `lead: joint: sole:${a} cooperate:`, `${year}-01-31`],
      [`${a}、${b}，6月底前`, `lead: joint:${a}、${b} sole: cooperate:`, `${year}-06-30`],
      [a, `lead: joint: sole:${a} cooperate:`, undefined],
      [`${a}牵头，${b}配合，长期坚持`, `lead:${a} joint: sole: cooperate:${b}`, 'ongoing'],
      [`${a}负责，${c}配合`, `lead: joint: sole:${a} cooperate:${c}`, undefined],
    ] as const);
    const [open, close] = pick(rand, [['（', '）'], ['(', ')'], ['〔', '〕']] as const);
    const issuer = `${pick(rand, ['澜江', '青川', '岱山'])}${pick(rand, ['市', '县'])}${pick(rand, ['自然资源和规划局办公室', '人民政府办公室', '审计局'])}`;
    const [month, day] = [2 + (i % 3), 10 + (i % 15)];
    const date = `${year}年${month}月${day}日`;
    const last = `${inventedText(rand)}${open}${clause}${close}${pick(rand, ['。', ''])}`;
    const signature = pick(rand, [[issuer, date], [`${issuer}\u3000\u3000${date}`]]);
    const lines = [`某局${year}年政务公开工作要点`, '一、重点工作', `1．${inventedText(rand)}（${b}负责）。`, `2．${last}`, ...signature];
    return { name: `${last} / ${signature.join(' / ')}`, lines, want, due, issuer, issuedOn: `${year}-0${month}-${day}`, word: i % 2 === 0 };
  });
  it.each(cases.map((c) => [`${c.word ? 'docx' : 'text'}: ${c.name}`, c] as const))('%s', async (_, { lines, want, due, issuer, issuedOn, word }) => {
    const read = await readNoticeBytes(word ? await docx(lines) : Buffer.from(`${lines.join('\n')}\n`));
    if (!read.ok) throw new Error(read.message);
    const item = read.notice.items[1]!;
    expect(read.notice.items).toHaveLength(2);
    expect(roles(item)).toBe(want);
    expect(item.text).not.toContain(issuer);
    expect(item.problems).toEqual([]);
    if (due === 'ongoing') expect(item.ongoing).toBe(true);
    else if (due) expect(item.due).toBe(due);
    expect([read.notice.issuer, read.notice.issuedOn]).toEqual([issuer, issuedOn]);
  });
});
