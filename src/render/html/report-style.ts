/**
 * The report's only style sheet, inline. Fonts are the ones already on the
 * reader's machine (no web font: the file must open on an intranet PC); the
 * print rules give A4 pages with the overview on the first.
 */
export const REPORT_CSS = `
@page { size: A4; margin: 14mm 13mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei", "WenQuanYi Micro Hei", sans-serif;
  color: #1a202c; font-size: 10.5pt; line-height: 1.5; max-width: 184mm; margin: 12px auto; padding: 0 8px; background: #fff; }
h1 { font-size: 17pt; margin: 0 0 2px; }
h2 { font-size: 13pt; margin: 14px 0 6px; border-left: 4px solid #2b6cb0; padding-left: 8px; break-after: avoid; }
h3 { font-size: 11pt; margin: 10px 0 4px; break-after: avoid; }
.subtitle { color: #4a5568; margin: 0 0 10px; }
.count { font-weight: normal; color: #4a5568; font-size: 10pt; margin-left: 8px; }
.figures { display: grid; grid-template-columns: repeat(6, 1fr); gap: 6px; margin: 8px 0 4px; }
.figure { border: 1px solid #cbd5e0; border-radius: 4px; padding: 6px 4px; text-align: center; }
.figure .number { font-size: 20pt; font-weight: bold; line-height: 1.2; }
.figure .caption { font-size: 8.5pt; color: #4a5568; }
.figure.bad .number { color: #c53030; } .figure.warn .number { color: #b7791f; } .figure.good .number { color: #2f855a; }
.chart-block { break-inside: avoid; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
svg .label, svg .value, svg .legend { font-size: 11px; fill: #1a202c; }
svg .label.flagged { fill: #c53030; font-weight: bold; }
svg .axis { font-size: 9px; fill: #718096; }
.note { color: #4a5568; font-size: 8.5pt; margin: 2px 0 6px; }
.empty { color: #4a5568; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin-bottom: 6px; }
thead { display: table-header-group; }
th { background: #edf2f7; text-align: left; font-weight: bold; }
th, td { border: 1px solid #cbd5e0; padding: 2px 5px; vertical-align: top; }
tr { break-inside: avoid; }
td.n, th.n, td.num, th.num { text-align: right; white-space: nowrap; }
td.date, .nowrap, .nb { white-space: nowrap; }
td.due { min-width: 6.5em; } td.days { min-width: 7.5em; } td.note { min-width: 9em; font-size: 8.5pt; }
tr.late td:first-child { color: #c53030; font-weight: bold; }
.owner { break-inside: auto; }
.page-break { break-before: page; }
footer { margin-top: 16px; color: #718096; font-size: 8pt; border-top: 1px solid #cbd5e0; padding-top: 4px; }
`;
