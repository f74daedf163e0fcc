import type { TableDoc } from '../table-doc.js';
import { esc, escCell } from './escape.js';
import { htmlPage } from './page-frame.js';

/**
 * A table doc (review, …) as one self-contained page in the leaders' report
 * style: the same style sheet and security policy, no script, prints on A4.
 */
export function renderDocHtml(doc: TableDoc): string {
  const tables = doc.tables
    .map((table) => {
      const heading = table.heading ? `<h2>${esc(table.heading)}</h2>` : '';
      if (!table.rows.length) return `<section>${heading}<p class="empty">${esc(table.empty ?? '无')}</p></section>`;
      const head = `<tr>${table.columns.map((c) => `<th>${esc(c.header)}</th>`).join('')}</tr>`;
      const rows = table.rows
        .map((row) => {
          const tone = row.tone ? ` class="${row.tone}"` : '';
          const cells = row.cells.map((cell, i) => `<td${table.columns[i]?.align === 'right' ? ' class="num"' : ''}>${row.strong ? `<strong>${escCell(cell)}</strong>` : escCell(cell)}</td>`).join('');
          return `<tr${tone}>${cells}</tr>`;
        })
        .join('\n');
      return `<section>${heading}<table><thead>${head}</thead><tbody>\n${rows}\n</tbody></table></section>`;
    })
    .join('\n');
  const header = `<header>\n<h1>${esc(doc.title)}</h1>\n${doc.facts.map((f) => `<p class="subtitle">${esc(f)}</p>`).join('\n')}\n</header>`;
  return htmlPage(doc.title, `${header}\n${tables}\n${doc.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('\n')}`);
}
