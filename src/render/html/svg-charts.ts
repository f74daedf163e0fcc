import { STATUS_LABELS, type Status } from '../../model/status.js';
import { displayWidth } from '../safe-text.js';
import { esc } from './escape.js';

/** Colours that print as distinct greys too. */
export const STATUS_COLOURS: Record<Status, string> = {
  done: '#2f855a',
  in_progress: '#3182ce',
  not_started: '#a0aec0',
  ongoing: '#805ad5',
  cancelled: '#e2e8f0',
};

/** Red says one thing only: the department has overdue items. Otherwise green once (nearly) done, blue while under way. */
export function completionColour(completion: number, overdue: boolean): string {
  return overdue ? '#c53030' : completion >= 0.8 ? '#2f855a' : '#3182ce';
}

export interface BarRow {
  label: string;
  /** 0..1, or null when nothing can be completed. */
  value: number | null;
  /** Marks a row (a department with overdue items). */
  flagged?: boolean;
}

/** A horizontal bar chart of completion, one bar per department, as inline SVG (prints as drawn). */
export function completionChart(rows: BarRow[], title: string): string {
  const rowHeight = 22;
  const labelWidth = Math.max(...rows.map((r) => displayWidth(r.label)), 8) * 6.5 + 12;
  const barWidth = 420;
  const width = labelWidth + barWidth + 60;
  const top = 8;
  const height = top + rows.length * rowHeight + 24;
  const bars = rows
    .map((row, i) => {
      const y = top + i * rowHeight;
      const value = row.value ?? 0;
      const shown = row.value === null ? '—' : `${Math.round(value * 100)}%`;
      return (
        `<g class="bar-row"><text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" class="label${row.flagged ? ' flagged' : ''}">${esc(row.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="${rowHeight - 8}" fill="#edf2f7"/>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${(barWidth * value).toFixed(1)}" height="${rowHeight - 8}" fill="${completionColour(value, Boolean(row.flagged))}"/>` +
        `<text x="${labelWidth + barWidth + 6}" y="${y + 15}" class="value">${shown}</text></g>`
      );
    })
    .join('');
  const axis = [0, 0.25, 0.5, 0.75, 1]
    .map((t) => {
      const x = labelWidth + barWidth * t;
      return `<line x1="${x}" y1="${top}" x2="${x}" y2="${height - 18}" stroke="#cbd5e0" stroke-dasharray="2 3"/><text x="${x}" y="${height - 4}" text-anchor="middle" class="axis">${t * 100}%</text>`;
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${axis}${bars}</svg>`;
}

/** One stacked bar of the items by status, with a legend giving each count. */
export function statusChart(counts: Record<Status, number>, order: readonly Status[], title: string): string {
  const total = order.reduce((sum, s) => sum + counts[s], 0) || 1;
  const width = 640;
  let x = 0;
  const segments = order
    .filter((s) => counts[s] > 0)
    .map((s) => {
      const w = (width * counts[s]) / total;
      const segment = `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="28" fill="${STATUS_COLOURS[s]}"><title>${STATUS_LABELS[s]} ${counts[s]} 项</title></rect>`;
      x += w;
      return segment;
    })
    .join('');
  const legend = order
    .map((s, i) => {
      const lx = (i % 5) * 128;
      return `<rect x="${lx}" y="40" width="12" height="12" fill="${STATUS_COLOURS[s]}" stroke="#a0aec0" stroke-width="0.5"/><text x="${lx + 18}" y="51" class="legend">${STATUS_LABELS[s]} ${counts[s]} 项</text>`;
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${width} 60" width="100%" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${segments}${legend}</svg>`;
}
