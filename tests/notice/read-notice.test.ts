import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/read/decode-text.js';
import { readNotice } from '../../src/notice/read-notice.js';
import { importFindings } from '../../src/notice/findings.js';
import type { Notice } from '../../src/notice/notice.js';
import { NOTICE } from '../helpers/paths.js';

/**
 * All 35 items of 民政部2021年政务公开工作要点及任务分工, written by hand from the
 * notice: section, then roles as `role:name` (`lead:scope=name` for scoped leads).
 */
const EXPECTED: Record<string, string> = {
  '1': '一 lead:政策法规司 cooperate:信息中心',
  '2': '一 lead:规章=政策法规司 lead:规范性文件=制发司(局) cooperate:各有关司(局) cooperate:信息中心 cooperate:档案资料馆',
  '3': '一 joint:规划财务司 joint:基层政权建设和社区治理司 joint:养老服务司',
  '4': '一 lead:政策法规司 cooperate:各有关司(局)',
  '5': '一 sole:规划财务司',
  '6': '一 sole:社会组织管理局',
  '7': '一 joint:社会救助司 joint:规划财务司',
  '8': '一 sole:养老服务司',
  '9': '一 sole:慈善事业促进和社会工作司',
  '10': '一 sole:机关党委(人事司)',
  '11': '二 joint:各司(局)',
  '12': '二 lead:办公厅(国际合作司) joint:各有关司(局) cooperate:信息中心',
  '13': '二 lead:办公厅(国际合作司) joint:各有关司(局)',
  '14': '二 lead:办公厅(国际合作司) joint:各有关司(局)',
  '15': '二 sole:办公厅(国际合作司)',
  '16': '二 sole:社会组织管理局',
  '17': '三 lead:办公厅(国际合作司) joint:各有关司(局)',
  '18': '三 lead:办公厅(国际合作司) joint:各有关司(局)',
  '19': '三 joint:办公厅(国际合作司) joint:社会组织管理局 joint:社会救助司',
  '20': '四 joint:各有关司(局) joint:信息中心',
  '21': '四 lead:办公厅(国际合作司) cooperate:信息中心',
  '22': '四 sole:信息中心',
  '23': '四 sole:信息中心',
  '24': '五 lead:办公厅(国际合作司) cooperate:信息中心',
  '25': '五 joint:各司(局)',
  '26': '五 sole:有关承办司(局) cooperate:档案资料馆',
  '27': '五 lead:办公厅(国际合作司) cooperate:信息中心',
  '28': '五 lead:办公厅(国际合作司) cooperate:规划财务司',
  '29': '五 lead:政策法规司 cooperate:办公厅(国际合作司)',
  '30': '六 lead:办公厅(国际合作司) lead:政策法规司 cooperate:各有关司(局)',
  '31': '六 joint:社会救助司 joint:养老服务司',
  '32': '六 sole:基层政权建设和社区治理司',
  '33': '六 lead:办公厅(国际合作司) cooperate:各有关司(局) cooperate:直属单位',
  '34': '六 lead:办公厅(国际合作司) cooperate:各有关司(局) cooperate:直属单位',
  '35': '六 lead:机关党委(人事司) cooperate:办公厅(国际合作司)',
};

function summary(notice: Notice): Record<string, string> {
  return Object.fromEntries(
    notice.items.map((item) => [
      item.number,
      [item.section, ...item.assignments.map((a) => `${a.role}:${a.scope ? `${a.scope}=` : ''}${a.name}`)].join(' '),
    ]),
  );
}

const noticeBytes = readFileSync(NOTICE);
const noticeText = noticeBytes.toString('utf8');

function decode(bytes: Buffer) {
  const decoded = decodeText(bytes, { allowLegacy: true });
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded;
}

/** The flattened web copy turned into clean line-broken text with CRLF, items wrapped mid-sentence. */
function lineBroken(text: string): string {
  return text
    .replace(/ (?=[一二三四五六]、)/g, '\n')
    .replace(/ (?=\d+\.)/g, '\n')
    .replace(/(?<=\n\d+\.[^\n]{30})/g, '\n') // wrap each item after 30 characters
    .replace(/\n/g, '\r\n');
}

/** ASCII digits and punctuation in the body turned full-width: １．（），. */
function fullWidth(text: string): string {
  return text.replace(/[0-9.,()]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

describe('readNotice on the real notice', () => {
  const notice = readNotice(noticeText);

  it('finds 6 sections and 35 items with exactly the roles of the notice', () => {
    expect(notice.sections.map((s) => `${s.number}、${s.title}`)).toEqual([
      '一、推进重点信息公开',
      '二、做好重大政策解读',
      '三、主动回应群众关切',
      '四、加强政务公开平台建设',
      '五、规范政府信息依申请公开办理工作',
      '六、强化基层基础工作',
    ]);
    expect(summary(notice)).toEqual(EXPECTED);
    expect(notice.items.every((i) => !i.problems.length)).toBe(true);
  });

  it('reads the header: title, issuer, document number in 〔〕, date, year', () => {
    expect(notice).toMatchObject({
      title: '民政部办公厅关于印发《民政部2021年政务公开工作要点及任务分工》的通知',
      planTitle: '民政部2021年政务公开工作要点及任务分工',
      issuer: '民政部办公厅',
      documentNumber: '民办便函〔2021〕648号',
      issuedOn: '2021-06-30',
      year: 2021,
    });
    expect(notice.preamble).toMatch(/^做好2021年政务公开工作,.*提供支撑。$/);
  });

  it('keeps digits inside item text and leaves the site junk out', () => {
    const item26 = notice.items[25]!;
    expect(item26.text).toContain('送达后10个工作日内完成网上办结');
    expect(notice.items[33]!.text).toMatch(/^组织对2020年度民政部政务公开工作要点落实情况/);
    const last = notice.items[34]!;
    expect(last.text).toBe('将政务公开工作开展情况列入各司(局)年度考核绩效评价项目,优化完善政务公开绩效评价指标,突出年度重点任务,做好绩效评价工作。');
    expect(last.clause).toBe('机关党委(人事司)牵头,办公厅(国际合作司)配合');
  });
});

describe('readNotice on variants of the notice', () => {
  const original = readNotice(noticeText);

  it('reads the GB18030-encoded notice the same, and says it is GB18030', () => {
    const decoded = decode(iconv.encode(noticeText, 'gb18030'));
    expect(decoded.encoding).toBe('gb18030');
    expect(summary(readNotice(decoded.text))).toEqual(EXPECTED);
  });

  it('reads clean line-broken text with CRLF the same, joining wrapped lines', () => {
    const variant = readNotice(decode(Buffer.from(lineBroken(noticeText))).text);
    expect(summary(variant)).toEqual(EXPECTED);
    expect(variant.items.map((i) => i.text)).toEqual(original.items.map((i) => i.text));
  });

  it('reads full-width punctuation and digits with a BOM the same', () => {
    const decoded = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fullWidth(noticeText))]));
    expect(decoded.encoding).toBe('utf-8-bom');
    const variant = readNotice(decoded.text);
    expect(summary(variant)).toEqual(EXPECTED);
    expect(variant.documentNumber).toBe('民办便函〔2021〕648号');
  });

  it('reads UTF-16 with a BOM the same', () => {
    const decoded = decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(noticeText, 'utf16le')]));
    expect(summary(readNotice(decoded.text))).toEqual(EXPECTED);
  });

  it('reads items numbered 1、 the same', () => {
    expect(summary(readNotice(noticeText.replace(/ (\d+)\./g, ' $1、')))).toEqual(EXPECTED);
  });
});

describe('an item with entries under it', () => {
  const roles = (notice: Notice) => notice.items.map((i) => `${i.number} ${i.assignments.map((a) => `${a.role}:${a.name}`).join(' ')}${i.problems.length ? ' [flagged]' : ''}`);

  it('is a task of its own when it carries label lines and its entries carry their own clauses', () => {
    const notice = readNotice(
      '某市2025年政务公开工作要点\n一、平台建设\n（一）网站集约化\n1.升级政务服务平台功能\n牵头单位：市数据局\n配合单位：市政务办、市档案馆\n完成时限：2025年年底前\n（1）开展平台适老化改造（市数据局负责），6月底前完成。\n（2）每半年开展一次平台检查（市数据局、市政务办）。\n2.规范网站栏目设置（市政府办公室）。\n',
    );
    expect(roles(notice)).toEqual(['(一)1 lead:市数据局 cooperate:市政务办 cooperate:市档案馆', '(一)1(1) sole:市数据局', '(一)1(2) joint:市数据局 joint:市政务办', '(一)2 sole:市政府办公室']);
    expect(notice.items[1]!.due).toBe('2025-06-30');
  });

  it('is only the heading of entries that take its clause, and a title heading is never a task', () => {
    const notice = readNotice('某县2024年政务公开工作要点\n一、惠民资金公开\n（一）资金发放信息\n1.公开惠民资金发放情况（县民政局牵头，县财政局配合）。\n①公开低保资金发放名单，每季度更新。\n②公开临时救助资金发放情况，6月底前完成。\n');
    expect(roles(notice)).toEqual(['(一)1① lead:县民政局 cooperate:县财政局', '(一)1② lead:县民政局 cooperate:县财政局']);
    expect(notice.items[1]!.due).toBe('2024-06-30');
  });

  it('flags an entry whose own clause is not read for sure instead of giving it its heading’s', () => {
    const notice = readNotice('某县2024年政务公开工作要点\n一、重点工作\n1.公开惠民资金发放情况（县民政局负责）。\n（1）公开低保资金发放名单，民族宗教服务中心、司法委分别负责。\n');
    const entry = notice.items.find((i) => i.number === '1(1)')!;
    expect(entry.assignments.some((a) => a.name === '县民政局')).toBe(false);
    expect(entry.problems.length).toBeGreaterThan(0);
  });
});

describe('tabs in a text copy', () => {
  it('reads rows of a table copied from Word or Excel (cells separated by tabs, empty merged cells) as the table', () => {
    const notice = readNotice('某县2024年政务公开重点任务分工表\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t公开财政预决算信息\t县财政局\t县审计局\t6月底前\n2\t公开重大建设项目信息\t县发改局\t\t年底前\n');
    expect(notice.items.map((i) => `${i.number} ${i.assignments.map((a) => `${a.role}:${a.name}`).join(' ')} ${i.due}`)).toEqual(['1 lead:县财政局 cooperate:县审计局 2024-06-30', '2 lead:县发改局 2024-12-31']);
  });

  it('keeps label lines with a tab after the label as label lines', () => {
    const notice = readNotice('某市2025年政务公开工作要点\n一、重点工作\n1.公开财政预决算信息\n牵头单位：\t市财政局\n配合单位：\t市审计局\n完成时限：\t6月底前\n');
    expect(notice.items.map((i) => `${i.assignments.map((a) => `${a.role}:${a.name}`).join(' ')} ${i.due}`)).toEqual(['lead:市财政局 cooperate:市审计局 2025-06-30']);
  });
});

describe('a bare name as the last sentence', () => {
  it('reads it as the item’s body and leaves the page footer out', () => {
    const notice = readNotice('某大学2024年信息公开工作要点\n一、重点工作\n1.公开学校章程（党委办公室负责）。\n2.公开重大基建项目招投标信息。基建处。\n阅读次数：1024\n');
    expect(notice.items.map((i) => `${i.text} ${i.assignments.map((a) => `${a.role}:${a.name}`).join(' ')}`)).toEqual(['公开学校章程 sole:党委办公室', '公开重大基建项目招投标信息。 sole:基建处']);
  });

  it('does not take a short task sentence for a name', () => {
    const notice = readNotice('某县2024年政务公开工作要点\n一、重点工作\n1.公开财政预决算信息。设立政务公开专区。\n');
    expect(notice.items[0]!.assignments).toEqual([]);
    expect(notice.items[0]!.problems.length).toBeGreaterThan(0);
  });
});

describe('a web page’s footer and bodies named 联/协', () => {
  it('ends the last item before the footer (主办：…, ICP备…) and reads 区工商联, 县残联 as bodies', () => {
    const notice = readNotice('某区2023年政务公开工作要点\n一、重点工作\n1.开展政策宣讲，三季度完成（区政府办、区工商联）。\n2.更新村务公开目录，由各镇人民政府负责，县残联配合，6月中旬前完成。\n主办：某区人民政府办公室\n皖ICP备0000001号\n');
    expect(notice.items.map((i) => `${i.assignments.map((a) => `${a.role}:${a.name}`).join(' ')}${i.problems.length ? ' [flagged]' : ''}`)).toEqual(['joint:区政府办 joint:区工商联', 'sole:各镇人民政府 cooperate:县残联']);
  });
});

describe('sloppy copies (exam 8)', () => {
  const roles = (notice: Notice) => notice.items.map((i) => `${i.number} ${i.assignments.map((a) => `${a.role}:${a.name}`).join(' ')} ${i.due ?? ''}`.trim());

  it('keeps a label line whose names wrap after 、 in its item (no phantom item)', () => {
    const notice = readNotice('某局2023年政务公开工作要点\n一、重点工作\n（四）围绕汛期服务开展新闻发布\n牵头单位：办公室\n配合单位：应急与减灾处、\n省气象台\n完成时限：5月中旬\n（五）公开年度报告（办公室负责）。\n');
    expect(roles(notice)).toEqual(['(四) lead:办公室 cooperate:应急与减灾处 cooperate:省气象台 2023-05-20', '(五) sole:办公室']);
  });

  it('numbers a table row whose 序号 a span took as the numbered row’s next part, never a number used again', () => {
    const notice = readNotice('某公司2024年信息公开工作任务分工表\n| 序号 | 工作任务 | 牵头部门 | 完成时限 |\n| 1 | 公开电价政策 | 营销部 | 年底前 |\n| 2 | 公开计划停电信息 | 运维检修部 | 年底前 |\n| | 发布抢修进度 | 调度控制中心 | 年底前 |\n| 3 | 公开办电流程 | 营销部 | 6月底前 |\n');
    expect(notice.items.map((i) => i.number)).toEqual(['1', '2.1', '2.2', '3']);
  });

  it('reads a name written twice once, and keeps the words of a sentence that opens with a relative time', () => {
    const notice = readNotice('某镇2022年政务公开工作要点\n一、重点工作\n1.公开惠民资金（党政办、纪委、党政办按职责分工负责）。\n2.重要政策出台后3个工作日内发布解读材料，由起草科室负责，办公室协同。\n');
    expect(roles(notice).map((r) => r.replace(/ \d{4}-\d\d-\d\d$/, ''))).toEqual(['1 joint:党政办 joint:纪委', '2 sole:起草科室 cooperate:办公室']);
    expect(notice.items[1]!.text).toBe('重要政策出台后3个工作日内发布解读材料');
  });
});

describe('a one-line web copy', () => {
  it('reads the items after a publication date on the same line (the date is no metadata of the items)', () => {
    const notice = readNotice('首页 > 政务公开 > 计划总结 某厅2016年政务公开工作要点 发布日期: 2016-05-06 一、推进决策公开 1.公开重大决策事项（办公室负责）。 2.公开审计结果（审计处负责，法规处配合）。');
    expect(notice.items.map((i) => `${i.number} ${i.assignments.map((a) => `${a.role}:${a.name}`).join(' ')}`)).toEqual(['1 sole:办公室', '2 sole:审计处 cooperate:法规处']);
  });
});

describe('exam 9', () => {
  const roles = (notice: Notice) => notice.items.map((i) => `${i.number} ${i.assignments.map((a) => `${a.role}:${a.name}`).join(' ')}`);

  it('adds the bodies of a heading’s 本部分各项工作 rule to every item of the part, beside their own', () => {
    const notice = readNotice('某厅2019年政务公开工作要点\n一、推进自然资源信息公开（本部分各项工作，各设区市自然资源局配合）\n（一）公开矿业权出让信息（矿业权管理处负责）。\n（二）公开土地供应计划（土地利用处负责）。\n二、加强平台建设\n（三）优化门户网站（信息中心负责）。\n');
    expect(roles(notice)).toEqual(['(一) sole:矿业权管理处 cooperate:各设区市自然资源局', '(二) sole:土地利用处 cooperate:各设区市自然资源局', '(三) sole:信息中心']);
  });

  it('takes the plan and its year from a cover title without 《》 issued in December for next year', () => {
    const notice = readNotice('某区人民政府办公室关于印发某区2027年政务公开工作要点任务分工的通知\n各街道：\n现印发给你们，请认真贯彻执行。\n某区人民政府办公室\n2026年12月28日\n一、重点工作\n1.公开财政预决算，6月底前完成（区财政局负责）。\n2.公开涉企政策，长期坚持（区政府办）。\n');
    expect(notice).toMatchObject({ year: 2027, planTitle: '某区2027年政务公开工作要点任务分工' });
    expect(notice.items.map((i) => i.due ?? (i.ongoing ? 'ongoing' : 'none'))).toEqual(['2027-06-30', 'ongoing']);
  });

  it('reads no task from a table of liaison people (处室 | 联络员 | 联系电话)', () => {
    const notice = readNotice('某局2022年政务公开工作任务分工表\n| 序号 | 工作任务 | 牵头处室 | 完成时限 |\n| 1 | 公开企业开办指南 | 登记注册处 | 6月底前 |\n| 2 | 公开抽查结果 | 执法稽查局 | 年底前 |\n\n附件：联络员名单\n| 处室 | 联络员 | 联系电话 |\n| 办公室 | 孙某 | 0371-6718xxxx |\n| 登记注册处 | 周某 | 0371-6718xxxx |\n');
    expect(roles(notice)).toEqual(['1 lead:登记注册处', '2 lead:执法稽查局']);
  });
});

describe('a closing paragraph after label lines', () => {
  it('is not the last item’s deadline words', () => {
    const notice = readNotice('某局2024年政务公开工作要点\n一、重点工作\n1.公开财政预决算\n牵头单位：财务处\n完成时限：长期坚持\n请各单位认真落实。\n某局办公室\n2024年3月1日\n');
    expect(notice.items.map((i) => [i.dueText, i.ongoing])).toEqual([['长期坚持', true]]);
  });
});

describe('work that never finishes (DOMAIN.md: 全年动态公开, 密切关注…舆情)', () => {
  it.each([
    ['全年动态公开慈善组织募捐方案等信息', true],
    ['密切关注涉及本地的重要政务舆情并及时回应', true],
    ['持续跟踪评估基层政务公开标准落实情况', true],
    ['密切关注重要舆情，6月底前完成舆情回应机制修订', false],
    ['公开年度预算和决算', false],
  ])('%s: ongoing %s', (text, ongoing) => {
    const notice = readNotice(`某局2021年政务公开工作要点\n一、重点工作\n1.${text}。（办公室负责）\n`);
    expect(notice.items[0]!.ongoing ?? false).toBe(ongoing);
  });
});

describe('exam 13', () => {
  it.each(['各地各部门要将本方案落实情况纳入年度政务公开工作考核。', '各单位要高度重视，明确专人负责，确保各项任务落到实处。'])(
    'reads a 保障措施 part of sentences opening with 各 as no task and no group: %s',
    (sentence) => {
      const notice = readNotice(`某市2024年政务公开工作要点\n一、主要任务\n1．建设市级政策文件库。（市司法局负责）\n二、保障措施\n　　${sentence}\n`);
      expect(notice.items.map((i) => i.number)).toEqual(['1']);
    },
  );

  it.each(['赣州市2024—2026年政务公开提质增效三年行动方案', '某县2025年政务公开重点工作推进方案', '某局2023年度政务公开要点'])('takes %s for the plan’s title, year and all', (title) => {
    const notice = readNotice(`${title}\n一、主要任务\n1．建设市级政策文件库。（市司法局负责）\n`);
    expect([notice.planTitle, notice.year]).toEqual([title, Number(/\d{4}/.exec(title)![0])]);
  });
});

describe('a notice whose tasks are a table', () => {
  it('keeps what a 备注 column or a column of an unknown header says in the item’s words, under its header (it was dropped)', () => {
    const notice = readNotice('某局2024年政务公开工作任务分工\n| 序号 | 重点任务 | 责任单位 | 完成时限 | 公开渠道 | 备注 |\n| 1 | 公开财政预决算 | 财务科 | 6月底前 | 在门户网站专栏公开 | 需报局领导审定 |\n| 2 | 公开行政许可结果 | 审批科 | 年底前 | 无 | 无 |\n');
    expect(notice.items.map((i) => i.text)).toEqual(['公开财政预决算（公开渠道：在门户网站专栏公开）（备注：需报局领导审定）', '公开行政许可结果']);
    expect(notice.items.map((i) => i.assignments.map((a) => a.name).join())).toEqual(['财务科', '审批科']);
  });

  it('reads no task from numbered notes outside the table that name nobody (说明)', () => {
    const notice = readNotice('某厅2024年政务公开工作任务分工\n说明：\n1.牵头处室对任务完成负总责。\n2.完成时限以本表为准。\n| 序号 | 工作任务 | 牵头处室 | 完成时限 |\n| 1 | 公开规范性文件 | 政策法规处 | 6月底前 |\n| 2 | 公开行政处罚信息 | 执法监督处 | 年底前 |\n');
    expect(notice.items.map((i) => `${i.number} ${i.assignments.map((a) => `${a.role}:${a.name}`).join(' ')}`)).toEqual(['1 lead:政策法规处', '2 lead:执法监督处']);
  });
});

describe('exam 11', () => {
  it('reads an item whose words open with a number after 、 (2、12368热线…) as that item', () => {
    const notice = readNotice('某院2018年审务公开工作要点\n一、诉讼服务公开\n1、公开立案须知（立案庭负责）。\n2、12368诉讼服务热线全天候受理咨询（诉讼服务中心负责）。\n3、公开执行案件信息（执行局负责）。\n');
    expect(notice.items.map((i) => `${i.number} ${i.assignments.map((a) => a.name).join('、')}`)).toEqual(['1 立案庭', '2 诉讼服务中心', '3 执行局']);
  });

  it('reads an item whose words open with a number after a full stop (3.95%以上…) as that item, and a wrapped decimal as text', () => {
    const notice = readNotice('某局2019年政务公开工作要点\n一、重点工作\n1.12345热线办理情况每月公开（办公室负责）。\n2.政务服务事项网上可办率达到\n3.5个百分点以上（审批科负责）。\n3.95%以上事项网上可办（信息中心负责）。\n');
    expect(notice.items.map((i) => `${i.number} ${i.text.slice(0, 6)} ${i.assignments.map((a) => a.name).join('、')}`)).toEqual(['1 12345热 办公室', '2 政务服务事项 审批科', '3 95%以上事 信息中心']);
  });

  it('never takes a breadcrumb (首页>…>工作要点) for the plan’s title', () => {
    const notice = readNotice('首页>政务公开>工作要点\n市林业局2027年政务公开工作要点及任务分工\n一、重点工作\n1.公开林木采伐许可信息（资源科负责）。\n');
    expect(notice).toMatchObject({ planTitle: '市林业局2027年政务公开工作要点及任务分工', year: 2027 });
  });
});

describe('exam 12: a notice copied onto one line', () => {
  const flat = '某市审计局2019年政务公开工作要点 根据《某省2019年政务公开工作要点》，结合实际，制定本要点。 一、重点信息公开 1．审计结果公告。公告审计结果。（财政审计科负责） 2．人事信息公开。公开人事信息，6月底前完成。（人事教育科负责）\n';

  it('takes the words before the preamble for the plan’s title, not the 《》 the preamble quotes, as it does with line breaks', () => {
    const withBreaks = readNotice(flat.replace(/ (?=根据|一、|\d．)/g, '\n'));
    expect(readNotice(flat)).toMatchObject({ planTitle: '某市审计局2019年政务公开工作要点', year: 2019 });
    expect(withBreaks).toMatchObject({ planTitle: '某市审计局2019年政务公开工作要点', year: 2019 });
    // No 《》 to mistake: the title was lost (未命名计划) and the year with it.
    expect(readNotice(flat.replace(/根据《.*?》，/, '为做好政务公开工作，'))).toMatchObject({ planTitle: '某市审计局2019年政务公开工作要点', year: 2019 });
    expect(readNotice('某区2026年政务公开工作要点 \u3000\u30002026年全区政务公开工作要提出如下工作要点： 一、重点信息公开 1．推进财政信息公开。（区财政局负责）')).toMatchObject({ planTitle: '某区2026年政务公开工作要点' });
  });

  it('says so when no title is found, never leaving 未命名计划 silent', () => {
    const notice = readNotice('一、重点信息公开\n1．审计结果公告。公告审计结果。（财政审计科负责）\n');
    expect(importFindings(notice, 'a.txt', 2019).map((f) => f.code)).toContain('IMPORT_TITLE_MISSING');
    expect(importFindings(readNotice(flat), 'a.txt', 2019).map((f) => f.code)).not.toContain('IMPORT_TITLE_MISSING');
    // A title with no year is not sure to be one; the 《》 the preamble cites is never taken instead.
    const yearless = readNotice(flat.replace('某市审计局2019年', '某市审计局'));
    expect(yearless.planTitle).toBeUndefined();
    expect(importFindings(yearless, 'a.txt', 2019).map((f) => f.code)).toContain('IMPORT_TITLE_MISSING');
  });

  it('reads ① ② items mid-line as items, numbered on across parts, as it does with line breaks', () => {
    const lines = '某大学2022年信息公开工作要点\n一、重点信息公开\n①公开学校章程（党委办公室）。\n②公开招生章程，4月底前完成（招生就业处）。\n二、服务信息\n③公开奖助学金信息（学生工作部牵头，各学院配合）。\n';
    const numbers = (text: string) => readNotice(text).items.map((i) => `${i.number} ${i.assignments.map((a) => a.name).join('、')}`);
    expect(numbers(lines.replace(/\n(?=.)/g, ' '))).toEqual(['① 党委办公室', '② 招生就业处', '③ 学生工作部、各学院']);
    expect(numbers(lines)).toEqual(['① 党委办公室', '② 招生就业处', '③ 学生工作部、各学院']);
    // A line to each part, its items run on after its heading.
    expect(numbers(lines.replace(/\n(?=[①②③])/g, ' '))).toEqual(['① 党委办公室', '② 招生就业处', '③ 学生工作部、各学院']);
  });

  it('keeps a ① ② list inside an item of a notice on many lines as the item’s words', () => {
    const notice = readNotice('某局2022年政务公开工作要点\n一、重点工作\n1．公开财政信息，包括 ①部门预算 ②部门决算（财务科负责）。\n2．公开人事信息（人事科负责）。\n');
    expect(notice.items.map((i) => `${i.number} ${i.text}`)).toEqual(['1 公开财政信息，包括 ①部门预算 ②部门决算', '2 公开人事信息']);
  });
});

describe('exam 12: the signature after the body', () => {
  const body = '柳州市审计局2019年政务公开工作要点\n一、重点信息公开\n1．审计结果公告。公告审计结果。（财政审计科负责）\n2．人事信息公开。公开人事信息。（人事教育科负责）\n\n';

  it('reads the issuer and the date of a closing signature, on two lines or one, or in a flattened copy', () => {
    expect(readNotice(`${body}柳州市审计局办公室\n2019年1月10日\n`)).toMatchObject({ issuer: '柳州市审计局办公室', issuedOn: '2019-01-10' });
    expect(readNotice(`${body}柳州市审计局办公室\u3000\u3000２０１９年１月１０日印发\n`)).toMatchObject({ issuer: '柳州市审计局办公室', issuedOn: '2019-01-10' });
    expect(readNotice(`${body}柳州市审计局办公室\n二〇一九年一月十日\n`)).toMatchObject({ issuer: '柳州市审计局办公室', issuedOn: '2019-01-10' });
    expect(readNotice(`${body.replace(/\n+/g, ' ')}柳州市审计局办公室 2019年1月10日`)).toMatchObject({ issuer: '柳州市审计局办公室', issuedOn: '2019-01-10' });
  });

  it('takes no date that is not a full date, and keeps a cover notice’s signature at the top', () => {
    const monthOnly = readNotice(`${body}柳州市审计局办公室\n2019年1月\n`);
    expect([monthOnly.issuer, monthOnly.issuedOn]).toEqual(['柳州市审计局办公室', undefined]);
    const cover = '某市审计局关于印发《某市审计局2019年政务公开工作要点》的通知\n各科室：\n现将要点印发给你们。\n某市审计局\n二〇一九年二月一日\n';
    expect(readNotice(`${cover}${body}柳州市审计局办公室\n2019年1月10日\n`)).toMatchObject({ issuer: '某市审计局', issuedOn: '2019-02-01' });
  });
});
