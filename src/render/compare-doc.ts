import type { CompareReport, CompareRow } from '../carry/compare-report.js';
import type { DocColumn, TableDoc } from './table-doc.js';

const owners = (side: CompareRow['from']) => (side ? side.owners.join('、') || '（未指明）' : '');

/** `gongkai compare`: the tasks that continue (with what changed), the new and the dropped. */
export function compareDoc(report: CompareReport): TableDoc {
  const c = report.counts;
  const kept = report.rows.filter((r) => r.kind === 'kept');
  const columns: DocColumn[] = [
    { header: `${report.from.year} 编号`, align: 'right' },
    { header: `${report.to.year} 编号`, align: 'right' },
    { header: '相似度', align: 'right' },
    { header: '变化' },
    { header: '责任单位', maxWidth: 40 },
    { header: '任务', flexible: true },
  ];
  const change = (r: CompareRow) => [r.carried ? '上年结转' : '', r.reworded ? '改写' : '', r.renumbered ? '改号' : '', r.moved ? '换部门' : ''].filter(Boolean).join('、') || '相同';
  return {
    title: `${report.from.title} → ${report.to.title}`,
    facts: [`${report.from.year} 年 ${c.kept + c.dropped} 项，${report.to.year} 年 ${c.kept + c.new} 项：延续 ${c.kept} 项（其中上年结转 ${c.carried}；改写 ${c.reworded}、改号 ${c.renumbered}、换部门 ${c.moved}），新增 ${c.new} 项，删去 ${c.dropped} 项`],
    tables: [
      {
        heading: `延续（${c.kept} 项）`,
        columns,
        rows: kept.map((r) => ({
          cells: [r.from!.number, r.to!.number, r.similarity!.toFixed(2), change(r), r.moved ? `${owners(r.from)} → ${owners(r.to)}` : owners(r.to), r.to!.text],
          tone: r.moved ? ('warn' as const) : undefined,
        })),
        empty: '两份计划没有相同的任务。',
        csvGroup: [['分类', '延续']],
      },
      {
        heading: `新增（${c.new} 项）`,
        columns: [columns[1]!, columns[4]!, columns[5]!],
        rows: report.rows.filter((r) => r.kind === 'new').map((r) => ({ cells: [r.to!.number, owners(r.to), r.to!.text] })),
        empty: '没有新增的任务。',
        csvGroup: [['分类', '新增']],
      },
      {
        heading: `删去（${c.dropped} 项）`,
        columns: [columns[0]!, columns[4]!, columns[5]!],
        rows: report.rows.filter((r) => r.kind === 'dropped').map((r) => ({ cells: [r.from!.number, owners(r.from), r.from!.text], tone: 'dim' as const })),
        empty: '没有删去的任务。',
        csvGroup: [['分类', '删去']],
      },
    ],
    notes: ['同一项任务按文字配对：去掉标点后两段文字共有的相邻两字（字符二元组）的比例，全部任务一起求最优配对；相似度低于 0.40 的不算同一项；标了上年结转（carried_over）的按链接配对。「换部门」：负责（牵头、按职责分工负责、负责）的部门不同。'],
  };
}
