import { describe, expect, it } from 'vitest';
import { readHeader } from '../../src/notice/header.js';

/**
 * The preamble is the words after the plan's title repeated above the body (DOMAIN.md F12), never the cover
 * notice's sentence that mentions the title (现将《…》印发给你们, …，由某办公厅印发) nor its signature.
 */
describe('the preamble, not the cover notice', () => {
  const title = '某市2023年政务公开工作要点';
  const covers = [
    `现将《${title}》印发给你们，请认真贯彻执行。\n某市人民政府办公厅　2023年5月8日`,
    `《${title}》已经市政府同意，现印发给你们，请结合实际认真抓好落实。\n某市人民政府办公室\n2023年3月1日`,
    `${title}，由某市人民政府办公厅印发。\n通知内容`,
    `经市政府同意，现将“${title}”印发给你们。`,
    `某市人民政府办公厅关于印发${title}的通知`,
  ];
  const preambles = ['为深入贯彻落实国务院办公厅有关要求，制定本要点。', '根据《中华人民共和国政府信息公开条例》，结合我市实际，制定本要点。'];
  it.each(covers.map((c) => [c.replace(/\n/g, '⏎')] as const))('%s: no preamble taken from it', (cover) => {
    const head = `${title}\n${cover.replace(/⏎/g, '\n')}\n`;
    expect(readHeader(head).preamble).toBeUndefined();
  });
  it.each(covers.flatMap((c) => preambles.map((p) => [c.replace(/\n/g, '⏎'), p] as const)))('%s, then the title and %s', (cover, preamble) => {
    const head = `${title}\n${cover.replace(/⏎/g, '\n')}\n${title}\n${preamble}\n`;
    expect(readHeader(head).preamble).toBe(preamble);
  });
});
