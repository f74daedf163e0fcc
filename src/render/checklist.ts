import type { DepartmentReport } from '../query/department-report.js';
import type { ItemRow } from '../query/item-row.js';
import type { Section } from '../model/ledger.js';
import { ROLES } from '../model/role.js';
import { dueParts, KIND_LABELS, noteCell, postponedLabel, ROLE_LABELS, sinceFacts, textMarks, timeCell } from './labels.js';
import { escapeMarkdown } from './markdown.js';

function taskLine(row: ItemRow, withVia: boolean, suffix = ''): string {
  const text = escapeMarkdown(row.text);
  const extra = [
    row.scope ? `牵头范围：${row.scope}` : '',
    withVia && row.via ? `经由${row.via}` : '',
    row.state === 'cancelled' ? '已取消' : row.state === 'done' || row.state === 'ongoing' ? timeCell(row) : [`时限 ${dueParts(row).due}`, ...dueParts(row).marks].join('，'),
    row.state === 'done' || row.state === 'cancelled' ? postponedLabel(row) : '',
  ].filter(Boolean);
  const late = row.state === 'overdue' ? ` **${timeCell(row)}**` : row.state === 'due_soon' ? ` **临期：${timeCell(row)}**` : row.stale ? ' **久未更新**' : '';
  const box = row.state === 'done' || row.state === 'cancelled' ? '[x]' : '[ ]';
  const body = row.state === 'cancelled' ? `~~${text}~~` : text;
  const marks = textMarks(row);
  const changed = marks ? `${marks} ` : '';
  // The latest progress note on its own indented line, so the task line stays readable.
  const note = row.latest_note ? `\n  - 最新进展：${escapeMarkdown(noteCell(row))}` : '';
  return `- ${box} ${changed}**第 ${escapeMarkdown(row.number)} 项** ${body}（${escapeMarkdown(extra.join('；'))}）${late}${suffix}${note}`;
}

/** The checklist counts line: 共 8 项：已完成 0 …; shared with the index. */
export function checklistCounts(report: DepartmentReport) {
  const count = (state: string) => report.items.filter((i) => i.state === state).length;
  return { total: report.items.length, done: count('done'), overdue: count('overdue'), dueSoon: count('due_soon'), possible: report.possible.length };
}

/**
 * A department's checklist as GitHub-flavoured markdown task lists, grouped by
 * section and role. With `possibleIn` (a file beside it), the 可能涉及 items are
 * only named there, not repeated: `checklist --all` lists them once, in index.md.
 */
export function renderChecklist(report: DepartmentReport, sections: readonly Section[], { possibleIn }: { possibleIn?: string } = {}): string {
  const { department } = report;
  const c = checklistCounts(report);
  const lines = [
    `# ${escapeMarkdown(department.name)}：${escapeMarkdown(report.plan.title)}`,
    '',
    `- 部门：${escapeMarkdown(department.name)}（${KIND_LABELS[department.kind]}${department.aliases.length ? `，又名${escapeMarkdown(department.aliases.join('、'))}` : ''}）`,
    ...(report.plan.document_number ? [`- 文号：${escapeMarkdown(report.plan.document_number)}`] : []),
    `- 截至：${report.as_of}${report.as_of_note ? `（${report.as_of_note}）` : ''}`,
    ...sinceFacts(report.since).map((f) => `- ${escapeMarkdown(f)}`),
    `- 本部门任务 ${c.total} 项：已完成 ${c.done} 项，逾期 ${c.overdue} 项，临期 ${c.dueSoon} 项${c.possible ? `；另有可能涉及 ${c.possible} 项` : ''}`,
  ];
  for (const section of sections) {
    const inSection = report.items.filter((row) => row.section === section.number);
    if (!inSection.length) continue;
    lines.push('', `## ${escapeMarkdown(section.number)}、${escapeMarkdown(section.title)}`);
    for (const role of ROLES) {
      const rows = inSection.filter((row) => row.role === role);
      if (!rows.length) continue;
      lines.push('', `### ${ROLE_LABELS[role]}`, '', ...rows.map((row) => taskLine(row, true)));
    }
  }
  if (!report.items.length) lines.push('', '没有本部门的任务。');
  if (report.possible.length && possibleIn) {
    const numbers = report.possible.map((row) => escapeMarkdown(row.number)).join('、');
    lines.push('', '## 可能涉及（未计入）', '', `第 ${numbers} 项写的是未指明具体部门的群体，本部门可能涉及；内容见 [${escapeMarkdown(possibleIn)}](${linkTarget(possibleIn)}#可能涉及的任务)。`);
  } else if (report.possible.length) {
    lines.push('', '## 可能涉及（未计入）', '', '以下任务写的是未指明具体部门的群体；办公厅在台账中写明后，即计入相应部门。', '');
    lines.push(...report.possible.map((row) => taskLine(row, true, `（${escapeMarkdown(ROLE_LABELS[row.role!])}）`)));
  }
  return lines.join('\n') + '\n';
}

const linkTarget = (file: string) => encodeURI(file).replace(/\(/g, '%28').replace(/\)/g, '%29');

/**
 * index.md for `checklist --all`: one linked row per department, then every
 * 可能涉及 item once (each department's file names them by number only, so the
 * output grows with what departments own, not with departments × vague items).
 */
export function renderChecklistIndex(title: string, asOf: string, entries: { report: DepartmentReport; file: string }[]): string {
  const lines = [`# ${escapeMarkdown(title)}：各部门任务清单`, '', `截至 ${asOf}。`, '', '| 部门 | 任务 | 已完成 | 逾期 | 临期 | 可能涉及 |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const { report, file } of entries) {
    const c = checklistCounts(report);
    lines.push(`| [${escapeMarkdown(report.department.name)}](${linkTarget(file)}) | ${c.total} | ${c.done} | ${c.overdue} | ${c.dueSoon} | ${c.possible} |`);
  }
  const possible = new Map<string, ItemRow>();
  for (const { report } of entries) for (const row of report.possible) possible.set(`${row.number}\u0000${row.via ?? ''}\u0000${row.role}`, row);
  if (possible.size) {
    lines.push('', '## 可能涉及的任务', '', '以下任务写的是未指明具体部门的群体（各部门清单中只列编号）；办公厅在台账中写明后，即计入相应部门。', '');
    const rows = [...possible.values()].sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
    lines.push(...rows.map((row) => taskLine(row, true, `（${escapeMarkdown(ROLE_LABELS[row.role!])}）`)));
  }
  return lines.join('\n') + '\n';
}
