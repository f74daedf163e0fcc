import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// The modules whose patterns are gated: importing them makes their gated patterns (Gated, EndGated).
import '../../src/notice/clause/grammar.js';
import '../../src/notice/clause/deadline.js';
import { COMPILING_TEXT, GATED } from '../../src/notice/text.js';

/**
 * A Gated pattern is not tried on text without one of the characters it needs (src/notice/text.ts): the gate must
 * never turn away text the pattern matches, or the grammar would read such text otherwise. Each pattern is run on
 * every part of the exam notices, of the ledgers' clauses and on words written for each of its forms; wherever it
 * matches, its gate must let the text through.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path, keep);
    return keep(name) ? [path] : [];
  });
}

/** Lines and the parts between punctuation of the exams' text notices and of every ledger's clauses, as the grammar sees them. */
function corpus(): string[] {
  const texts = [
    ...files(join(ROOT, 'tests', 'fixtures', 'exams'), (name) => /\.(txt|html)$/.test(name)),
    ...files(join(ROOT, 'tests', 'fixtures'), (name) => /\.ya?ml$/.test(name)),
    join(ROOT, 'data', 'ledger.yaml'),
  ].map((file) => readFileSync(file, 'utf8'));
  const pieces = new Set<string>();
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const words = line.replace(/^\s*(?:clause|text|due_text):\s*/, '').trim();
      if (!words || words.length > 300) continue;
      pieces.add(words);
      for (const part of words.split(/[，,；;。]/)) if (part.trim()) pieces.add(part.trim());
    }
  }
  return [...pieces];
}

/** Words for each form of the gated patterns, so that every form is matched at least once whatever the fixtures hold. */
const WRITTEN = [
  '收到申请后10个工作日内',
  '视情况而定',
  '按照时间节点要求完成',
  '根据工作需要',
  '适时公开',
  '与文件同步发布',
  '及时',
  '随时',
  '定期',
  '每季度',
  '立即',
  '即时',
  '随到随办',
  '清明节前',
  '于6月底前完成',
  '不晚于6月30日',
  '最迟于年底',
  '长期坚持',
  '持续推进',
  '做到全年动态更新',
  '确保常态化开展',
  '2021年6月底前完成',
  '次年1月底前',
  '年内完成',
  '上半年',
  '下半年',
  '第三季度',
  '此项工作由办公室负责',
  '由政策法规司负责',
  '行政处罚决定由甲处负责公开',
  '办公室（牵头）、财务处（配合）',
  '办公室牵头、财务处配合',
  '办公室牵头 各科室配合',
  '人事处牵头\u3000年底前完成',
  '宣传处联系人：王某',
  '牵头单位：办公室\u3000联系人：王某',
  '办公室为牵头单位',
  '责任单位为办公室',
  '办公室会同财务处办理',
  '办公室牵头会同财务处组织实施',
  '科技处协同财务处落实',
  '财务处会同落实',
  '办公室会财务处办理',
  '规划处与财务处共同负责',
  '人事处和财务处',
  '办公室、财务处及各科室',
  '以及有关单位',
  // Role words ending a part, each form (role-words.ts).
  '甲处、乙处等按职责分工承担',
  '甲处按分工实施',
  '甲处、乙处分别推进',
  '甲处、乙处共同落实',
  '甲处牵头',
  '甲处主办',
  '甲处牵头抓总',
  '甲处牵头协调',
  '甲处抓总',
  '甲处分别牵头推进',
  '乙处配合',
  '乙处协助',
  '乙处协办',
  '乙处参与',
  '乙处协同',
  '乙处按职责配合做好',
  '乙处配合实施',
  '甲处统筹',
  '甲处统筹安排',
  '甲处负责统筹',
  '甲处总体协调',
  '丙处指导',
  '丙处监督',
  '丙处督导',
  '丙处督促',
  '丙处督查',
  '丙处督办',
  '丙处审核把关',
  '丙处汇总',
  '丙处协调',
  '丙处检查',
  '丙处督促落实',
  '丙处监督执行',
  '甲处负总责',
  '甲处总负责',
  '甲处全面负责',
  '甲处具体主责',
  '甲处负责',
  '甲处落实',
  '甲处具体负责推进',
  '甲处负责实施',
];

describe('gated patterns', () => {
  const texts = [...corpus(), ...WRITTEN];

  it('the modules made their gates', () => {
    expect(GATED.length).toBeGreaterThanOrEqual(27);
  });

  it('no gate turns away words its pattern matches, and each pattern matches some words', () => {
    const turnedAway: string[] = [];
    for (const gate of GATED) {
      // A copy without g or y: it matches anywhere, from the start, whatever the shared pattern's lastIndex.
      const pattern = new RegExp(gate.pattern.source, gate.pattern.flags.replace(/[gy]/g, ''));
      let matched = 0;
      for (const text of texts) {
        if (!pattern.test(text)) continue;
        matched++;
        if (!gate.admits(text)) turnedAway.push(`${gate.pattern.source.slice(0, 40)}: ${text}`);
      }
      expect(matched, gate.pattern.source).toBeGreaterThan(0);
    }
    expect(turnedAway).toEqual([]);
  });

  it('each pattern is first run on a text it walks once: it matches nowhere there, and opens with no repetition of any character', () => {
    // A pattern opening, unanchored, with a repetition that takes any character (`[^，]*由`, `.+会同`) would try it
    // from each of the text's 1,000 places to its end: half a million steps before its first real use.
    const opensWithAnyRepeated = /^(?:\((?:\?:)?)*(?:\.|\[\^[^\]]*\]|\\[SDW]|\[\\s\\S\])(?:[*+]|\{\d*,)/;
    for (const gate of GATED) {
      expect(new RegExp(gate.pattern.source, gate.pattern.flags.replace(/[gy]/g, '')).test(COMPILING_TEXT), gate.pattern.source).toBe(false);
      if (!gate.pattern.source.startsWith('^')) expect(gate.pattern.source, 'opens with a repetition of any character').not.toMatch(opensWithAnyRepeated);
    }
    expect(opensWithAnyRepeated.test('[^，]*由')).toBe(true);
    expect(opensWithAnyRepeated.test('(.+?)会同')).toBe(true);
    expect(COMPILING_TEXT.length).toBeGreaterThanOrEqual(1000);
  });

  it('a gate turns away words without what its pattern needs', () => {
    // Names alone, as many clause parts are: no gated pattern could match them, and none is tried.
    for (const words of ['规划财务司', '信息中心', '养老服务司']) {
      expect(GATED.filter((gate) => gate.admits(words)).map((gate) => gate.pattern.source)).toEqual([]);
    }
    // A part ending in 牵头: only the role words a lead's word can end.
    expect(GATED.filter((gate) => gate.admits('政策法规司牵头')).map((gate) => gate.pattern.source)).toEqual(['(?:(?:分别)?(?:牵头|主办)(?:负责|落实|推进|抓总|协调)?|抓总)$']);
  });
});
