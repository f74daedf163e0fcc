// Writes a realistic gongkai ledger of N items (and its registry) into a folder, for benchmarks.
// Usage: node tests/bench/generate-ledger.mjs N OUT_DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const INTERNAL = [
  ['办公厅(国际合作司)', ['办公厅', '国际合作司']], ['政策法规司', []], ['规划财务司', []], ['社会组织管理局(社会组织执法监督局)', ['社会组织管理局', '社会组织执法监督局']],
  ['社会救助司', []], ['基层政权建设和社区治理司', ['基层政权司']], ['区划地名司', []], ['社会事务司', []], ['养老服务司', []], ['儿童福利司', []],
  ['慈善事业促进和社会工作司', ['慈善司']], ['机关党委(人事司)', ['机关党委', '人事司']], ['离退休干部局', []], ['老龄工作司', []], ['法规审查处', []],
  ['财务审计处', []], ['网络安全处', []], ['督查室', []], ['研究室', []], ['新闻办公室', ['新闻办']], ['信访办公室', ['信访办']], ['统计处', []],
  ['标准化处', []], ['档案处', []], ['保密办公室', ['保密办']], ['外事处', []],
];
const AFFILIATED = [['信息中心', []], ['档案资料馆', []], ['政策研究中心', []], ['培训中心', []], ['出版社', []], ['研究院', []]];
const PHRASES = [
  '对照中国政府法制信息网行政法规库公布的行政法规国家正式版本', '及时更新部门户网站政府信息公开平台的行政法规文本', '稳步扩大预决算公开范围',
  '推进部直属预算单位预算、决算及相关报表公开', '加强民政统计数据公开', '依法公开全国性社会组织行政许可信息', '健全舆情协同联动处置机制',
  '提高政务舆情收集、分析和研判能力', '加强部门户网站留言咨询服务', '完善留言平台功能', '持续完善政府信息依申请公开信息系统',
  '确保答复告知文书送达后10个工作日内完成网上办结', '组织对2020年度政务公开工作要点落实情况开展“回头看”', '做好年度制发规范性文件数量情况统计',
];
const STATUSES = ['未启动', '未启动', '推进中', '推进中', '已完成', '持续推进', '已取消'];

let seed;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const pad = (n) => String(n).padStart(2, '0');
const date = (monthFrom, monthTo) => `2021-${pad(monthFrom + Math.floor(random() * (monthTo - monthFrom + 1)))}-${pad(1 + Math.floor(random() * 28))}`;
const flow = (names) => `[${names.join(', ')}]`;

/** Writes a ledger of n items and its registry into `out`; the same n and seed give the same files, whatever was generated before in this process. */
export function generate(n, out, startSeed = 42) {
  seed = startSeed;
  mkdirSync(out, { recursive: true });
  const registry = ['organisation: 基准部', 'departments:'];
  for (const [name, aliases] of INTERNAL) registry.push(`  - name: ${name}`, ...(aliases.length ? [`    aliases: ${flow(aliases)}`] : []), '    kind: internal');
  for (const [name, aliases] of AFFILIATED) registry.push(`  - name: ${name}`, ...(aliases.length ? [`    aliases: ${flow(aliases)}`] : []), '    kind: affiliated');
  registry.push('groups:', '  - name: 各司(局)', '    members: all', '    kind: internal', '  - name: 直属单位', '    members: all', '    kind: affiliated', '  - name: 各有关司(局)', '    members: some', '    kind: internal');
  writeFileSync(join(out, 'departments.yaml'), registry.join('\n') + '\n');

  const names = [...INTERNAL, ...AFFILIATED].map(([name]) => name);
  const lines = ['plan:', `  title: 基准部2021年政务公开工作要点及任务分工（${n} 项）`, '  issuer: 基准部办公厅', '  document_number: 基办函〔2021〕1号', '  issued_on: 2021-03-01', '  year: 2021', '  default_due: 2021-12-31', 'departments: departments.yaml', 'sections:'];
  const sections = Math.max(1, Math.min(60, Math.ceil(n / 20)));
  let number = 0;
  for (let s = 1; s <= sections; s++) {
    lines.push(`  - number: "${s}"`, `    title: 第${s}部分工作`, '    items:');
    const count = Math.floor(n / sections) + (s <= n % sections ? 1 : 0);
    for (let i = 0; i < count; i++) {
      number++;
      const text = Array.from({ length: 3 + Math.floor(random() * 3) }, () => pick(PHRASES)).join(',') + '。';
      const lead = pick(names);
      let cooperate = [pick(names), pick(names)].filter((c) => c !== lead);
      cooperate = [...new Set(cooperate)];
      const kind = random();
      let clause;
      const roleLines = [];
      if (kind < 0.5) {
        clause = `${lead}牵头${cooperate.length ? `,${cooperate.join('、')}配合` : ''}`;
        roleLines.push(`        lead: ${flow([lead])}`, ...(cooperate.length ? [`        cooperate: ${flow(cooperate)}`] : []));
      } else if (kind < 0.7) {
        const joint = [...new Set([lead, ...cooperate])];
        clause = `${joint.join('、')}按职责分工负责`;
        roleLines.push(`        joint: ${flow(joint)}`);
      } else if (kind < 0.85) {
        clause = `${lead}牵头,各有关司(局)按职责分工负责,直属单位配合`;
        roleLines.push(`        lead: ${flow([lead])}`, '        joint: [各有关司(局)]', '        cooperate: [直属单位]');
      } else {
        clause = lead;
        roleLines.push(`        sole: ${flow([lead])}`);
      }
      const status = pick(STATUSES);
      lines.push(`      - number: "${number}"`, `        text: ${text}`, `        clause: ${clause}`, ...roleLines, `        status: ${status}`, `        due: ${date(4, 12)}`);
      if (status === '已完成') lines.push(`        done_on: ${date(3, 9)}`);
      const notes = Math.floor(random() * 3);
      if (notes) {
        lines.push('        progress:');
        for (let k = 0; k < notes; k++) lines.push(`          - { date: ${date(3, 9)}, dept: ${lead}, note: ${pick(PHRASES)} }`);
      }
    }
  }
  writeFileSync(join(out, 'ledger.yaml'), lines.join('\n') + '\n');
  return join(out, 'ledger.yaml');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n = '1000', out = 'bench-ledger'] = process.argv.slice(2);
  console.log(generate(Number(n), out));
}
