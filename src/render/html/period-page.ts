import type { PeriodReport } from '../../query/period-report.js';
import { periodLabel, periodSections } from '../period-text.js';
import { esc, escCell } from './escape.js';
import { htmlPage } from './page-frame.js';

/** The 调度通报 as one self-contained HTML page (the same sentences as the Word one). */
export function renderPeriodHtml(report: PeriodReport, generatedAt: string): string {
  const title = `${report.plan.title}落实情况调度通报`;
  const body = periodSections(report)
    .map((s) => {
      const table = s.table
        ? `<table><thead><tr>${s.table.columns.map((c, i) => `<th${i ? ' class="n"' : ''}>${esc(c)}</th>`).join('')}</tr></thead><tbody>${s.table.rows
            .map((r) => `<tr>${r.map((v, i) => `<td${i ? ' class="n"' : ''}>${escCell(v)}</td>`).join('')}</tr>`)
            .join('')}</tbody></table>`
        : '';
      return `<section><h2>${esc(s.title)}</h2>${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}${table}</section>`;
    })
    .join('\n');
  return htmlPage(
    `${title}（${periodLabel(report)}）`,
    `<header><h1>${esc(title)}</h1><p class="subtitle">${esc(periodLabel(report))}　${esc(report.plan.document_number ?? '')}</p></header>
${body}
<footer>由 gongkai 生成于 ${esc(generatedAt)}；${esc(report.period.start)} 至 ${esc(report.period.end)}。</footer>`,
  );
}
