import { safeLine } from './safe-text.js';
import type { TableDoc } from './table-doc.js';

/** Text made inert in GitHub-flavoured markdown: no markup, links, HTML or table breaks. */
export function escapeMarkdown(text: string): string {
  return safeLine(text)
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|~#]/g, (ch) => `\\${ch}`);
}

/** A doc as GitHub-flavoured markdown tables. */
export function renderMarkdown(doc: TableDoc): string {
  const lines = [`# ${escapeMarkdown(doc.title)}`, '', ...doc.facts.map((f) => `- ${escapeMarkdown(f)}`)];
  for (const table of doc.tables) {
    lines.push('');
    if (table.heading) lines.push(`## ${escapeMarkdown(table.heading)}`, '');
    if (!table.rows.length) {
      if (table.empty) lines.push(escapeMarkdown(table.empty));
      continue;
    }
    lines.push(`| ${table.columns.map((c) => escapeMarkdown(c.header)).join(' | ')} |`);
    lines.push(`| ${table.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`);
    for (const row of table.rows) {
      const cells = row.cells.map((cell) => escapeMarkdown(cell) || ' ');
      lines.push(`| ${(row.strong ? cells.map((c) => `**${c}**`) : cells).join(' | ')} |`);
    }
  }
  if (doc.notes.length) lines.push('', ...doc.notes.map((n) => `> ${escapeMarkdown(n)}`));
  return lines.join('\n') + '\n';
}
