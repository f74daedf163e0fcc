// Generates a notice in the 民政部 layout with `items` numbered items (flattened web copy on one line,
// or one item per line), for timing `gongkai import` on very large plans.
// Usage: node tests/bench/generate-notice.mjs 160000 > big.txt
const DEPARTMENTS = ['政策法规司', '规划财务司', '社会救助司', '养老服务司', '办公厅(国际合作司)', '信息中心', '档案资料馆'];
const CLAUSES = [
  (a, b) => `(${a}牵头,${b}配合)`,
  (a) => `(${a})`,
  (a, b) => `〔${a}、${b}按职责分工负责〕`,
  (a, b) => `(${a}负责,${b}配合,2021年6月底前完成)`,
];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const numeral = (n) => (n <= 10 ? NUMERALS[n - 1] : `${Math.floor(n / 10) === 1 ? '' : NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? NUMERALS[(n % 10) - 1] : ''}`);

export function generateNotice(items, { lines = false } = {}) {
  const parts = ['某部办公厅关于印发《某部2021年政务公开工作要点及任务分工》的通知 某办函[2021]1号 2021-06-30 某部2021年政务公开工作要点及任务分工'];
  const perSection = Math.ceil(items / 90);
  for (let i = 1; i <= items; i++) {
    if ((i - 1) % perSection === 0) parts.push(`${numeral(Math.floor((i - 1) / perSection) + 1)}、推进第${Math.floor((i - 1) / perSection) + 1}部分工作`);
    const a = DEPARTMENTS[i % DEPARTMENTS.length];
    const b = DEPARTMENTS[(i * 3 + 1) % DEPARTMENTS.length];
    parts.push(`${i}.做好第${i}项公开工作,送达后10个工作日内完成。${CLAUSES[i % CLAUSES.length](a, b)}`);
  }
  return parts.join(lines ? '\n' : ' ') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(generateNotice(Number(process.argv[2] ?? 1000), { lines: process.argv.includes('--lines') }));
