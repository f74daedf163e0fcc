import type { OwnerItems } from '../../query/overdue-report.js';
import type { LeaderReport } from '../../query/leader-report.js';
import type { ItemRow } from '../../query/item-row.js';
import type { Status } from '../../model/status.js';
import { describeChange } from '../changes.js';
import { dueCell, noteCell, percent, roleCell, statusCell, textMarks, timeCell, STATUS_LABELS } from '../labels.js';
import { esc, escCell } from './escape.js';
import { completionChart, statusChart } from './svg-charts.js';
import { htmlPage } from './page-frame.js';

const STATUS_ORDER: readonly Status[] = ['done', 'in_progress', 'not_started', 'ongoing', 'cancelled'];

function figure(key: string, label: string, value: string | number, tone = ''): string {
  return `<div class="figure ${tone}"><div class="number" data-figure="${key}">${esc(value)}</div><div class="caption">${esc(label)}</div></div>`;
}

function itemTable(groups: OwnerItems[], empty: string, category: string): string {
  if (!groups.length) return `<p class="empty">${esc(empty)}</p>`;
  const row = (r: ItemRow) =>
    `<tr data-item="${esc(r.number)}"><td class="num">${escCell(r.number)}</td><td class="nowrap">${escCell(roleCell(r))}</td><td class="text">${escCell(textMarks(r) + r.text)}</td><td class="nowrap">${escCell(statusCell(r))}</td><td class="due">${escCell(dueCell(r))}</td><td class="days">${escCell(timeCell(r))}</td><td class="note">${escCell(noteCell(r))}</td></tr>`;
  return groups
    .map(
      (g) =>
        `<section class="owner" data-category="${esc(category)}" data-owner="${esc(g.owner)}"><h3>${esc(g.owner)}${g.unassigned ? '（未指明部门）' : ''}<span class="count">${g.items.length} 项</span></h3>` +
        `<table><thead><tr><th class="num">编号</th><th class="nowrap">角色</th><th>任务</th><th class="nowrap">状态</th><th class="due">时限</th><th class="days">天数</th><th class="note">最新进展</th></tr></thead><tbody>${g.items.map(row).join('')}</tbody></table></section>`,
    )
    .join('');
}

function departmentTable(report: LeaderReport): string {
  const cell = (key: string, value: number | string) => `<td class="n" data-key="${key}">${escCell(value)}</td>`;
  const rows = report.status.departments
    .map((d) => {
      // Overdue and due soon as the lists below give them: the items the department answers for.
      const own = report.answers_for[d.name] ?? { overdue: 0, due_soon: 0 };
      return `<tr data-dept="${esc(d.name)}"${own.overdue ? ' class="late"' : ''}><td>${escCell(d.name)}</td>${cell('items', d.items)}${cell('done', d.by_status.done)}${cell('in_progress', d.by_status.in_progress)}${cell('not_started', d.by_status.not_started)}${cell('overdue', own.overdue)}${cell('due_soon', own.due_soon)}${cell('completion', percent(d.completion))}</tr>`;
    })
    .join('');
  return (
    `<table class="departments"><thead><tr><th>部门</th><th class="n">任务</th><th class="n">已完成</th><th class="n">推进中</th><th class="n">未启动</th><th class="n">逾期</th><th class="n">临期</th><th class="n">完成度</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>`
  );
}

function postponements(report: LeaderReport): string {
  if (!report.postponements.length) return '<p class="empty">没有延期的任务。</p>';
  const rows = report.postponements
    .map((p) => `<tr data-item="${esc(p.number)}"><td class="num">${escCell(p.number)}</td><td class="text">${escCell(p.text)}</td><td class="date">${esc(p.from)}</td><td class="date">${esc(p.to)}</td><td>${escCell(p.reason)}</td><td class="nowrap">${escCell(p.approved_by ?? '')}</td><td class="date">${esc(p.on)}</td></tr>`)
    .join('');
  return `<table><thead><tr><th class="num">编号</th><th>任务</th><th>原时限</th><th>延至</th><th>原因</th><th class="nowrap">批准</th><th class="date">记录日期</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function pendingRequests(report: LeaderReport): string {
  const rows = report.pending_requests
    .map((r) => {
      const asked = r.postponement_requested!;
      return `<tr data-item="${esc(r.number)}"><td class="num">${escCell(r.number)}</td><td class="text">${escCell(textMarks(r) + r.text)}</td><td class="nowrap">${escCell(asked.dept)}</td><td class="date">${esc(asked.on)}</td><td class="date">${esc(r.due)}</td><td class="date">${esc(asked.to)}</td><td>${escCell(asked.reason)}</td><td class="days">${escCell(timeCell(r))}</td></tr>`;
    })
    .join('');
  return `<section class="requests"><h2>待批准的延期申请<span class="count">${report.pending_requests.length} 项</span></h2><p class="note">部门在填报表格中申请延期，办公厅尚未批准或驳回；时限仍是原来的时限。</p><table><thead><tr><th class="num">编号</th><th>任务</th><th class="nowrap">申请部门</th><th class="date">申请日期</th><th class="date">时限</th><th class="date">申请延至</th><th>理由</th><th class="days">天数</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function recentChanges(report: LeaderReport): string {
  const since = report.since;
  if (!since) return '';
  const source = since.source === 'git' ? '按 git 提交记录' : '按台账中写明的日期（台账没有 git 提交记录）';
  const body = since.changes.length
    ? `<table><thead><tr><th class="date">日期</th><th>报送/修改</th><th>变化</th></tr></thead><tbody>${since.changes
        .map((c) => `<tr><td class="date">${esc(c.date)}</td><td>${escCell(c.who)}</td><td>${escCell(describeChange(c.change))}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p class="empty">这段时间台账没有变化。</p>';
  return `<section class="since"><h2>${esc(since.date)} 以来的变化</h2><p class="note">${esc(source)}，共 ${since.changes.length} 处。</p>${body}</section>`;
}

/** The leaders' report as one self-contained HTML page: no script, no external file, charts drawn inline, A4 when printed. */
export function renderReportHtml(report: LeaderReport, generatedAt: string): string {
  const t = report.status.totals;
  const title = report.plan.title;
  const sub = [report.as_of_note, report.plan.document_number, `截至 ${report.as_of}`, report.plan.issuer].filter(Boolean).join('　');
  const chartRows = report.status.departments.map((d) => ({ label: d.name, value: d.completion, flagged: (report.answers_for[d.name]?.overdue ?? 0) > 0 }));
  const overdueCount = new Set(report.overdue.flatMap((g) => g.items.map((i) => i.number))).size;
  const dueSoonCount = new Set(report.due_soon.flatMap((g) => g.items.map((i) => i.number))).size;
  return htmlPage(
    `${title}·推进情况（截至 ${report.as_of}）`,
    `<header>
<h1>${esc(title)}</h1>
<p class="subtitle">推进情况报告　${esc(sub)}</p>
</header>
<section class="figures">
${figure('items', '任务总数', t.items)}
${figure('done', '已完成', t.by_status.done, 'good')}
${figure('in_progress', '推进中', t.by_status.in_progress)}
${figure('overdue', '逾期', t.overdue, t.overdue ? 'bad' : '')}
${figure('due_soon', '临期', t.due_soon, t.due_soon ? 'warn' : '')}
${figure('completion', '完成度', percent(t.completion))}
</section>
<p class="note">临期：${esc(report.due_soon_days)} 个工作日内到期（按中国工作日，含调休）。逾期、临期的任务按责任单位列在后面。</p>
<section class="chart-block">
<h2>各部门完成度</h2>
${completionChart(chartRows, '各部门完成度')}
<p class="note">完成度 = 已完成 ÷（任务数 − 已取消 − 持续推进）；标红的部门有负有责任（牵头、按职责分工负责、负责）的逾期任务，即下面逾期任务中列出的部门，只是配合的不标红；其余绿色为完成八成以上、蓝色为推进中。各部门的数字含经由群体（通知里的统称，如「各有关单位」）分到的任务。</p>
</section>
<section class="chart-block">
<h2>任务状态</h2>
${statusChart(t.by_status, STATUS_ORDER, '任务状态')}
</section>
<section class="page-break">
<h2>各部门情况</h2>
${departmentTable(report)}
<p class="note">逾期、临期只计本部门负有责任的任务（与下面的列表一致）；任务数、已完成、推进中、未启动含配合的任务。</p>
</section>
<section>
<h2>逾期任务<span class="count">${overdueCount} 项</span></h2>
<p class="note">按负有责任的部门（牵头、按职责分工负责、负责）列出；一项任务有几个责任单位就在几处列出。</p>
${itemTable(report.overdue, '没有逾期的任务。', 'overdue')}
</section>
<section>
<h2>临期任务<span class="count">${dueSoonCount} 项</span></h2>
${itemTable(report.due_soon, '没有临期的任务。', 'due_soon')}
</section>
<section>
<h2>延期记录<span class="count">${report.postponements.length} 次</span></h2>
${postponements(report)}
</section>
${report.pending_requests.length ? pendingRequests(report) : ''}
${recentChanges(report)}
<footer>由 gongkai 生成于 ${esc(generatedAt)}；数据截至 ${esc(report.as_of)}。状态：${STATUS_ORDER.map((s) => STATUS_LABELS[s]).join('、')}。</footer>`,
  );
}
