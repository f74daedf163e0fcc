import { warning, type Diagnostic } from '../diagnostic.js';
import type { Place } from './blocks.js';
import type { Notice } from './notice.js';

/**
 * What `import` could not read for sure, as Diagnostics (code, message, place):
 * items whose roles or deadline are unsure, a plan year not found or guessed, a title not found.
 * The place is the notice's line (text) or paragraph (Word, web page) and, for
 * a table, its cell; rendering them is the command's job.
 */
export function importFindings(notice: Notice, file: string, assumedYear: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (notice.year === undefined) {
    out.push(warning('IMPORT_YEAR_MISSING', `通知中找不到计划年度（标题或发文日期中的年份），暂按 ${assumedYear} 年计；请核实 plan.year 和 default_due`, { file }));
  } else if (notice.yearFromDates) {
    out.push(warning('IMPORT_YEAR_GUESSED', `通知的标题和落款中没有年份，计划年度按正文完成时限中的年份（如「${notice.yearFromDates}」）计为 ${notice.year} 年；请核实 plan.year 和 default_due`, { file }));
  } else if (notice.yearGuessed) {
    out.push(warning('IMPORT_YEAR_GUESSED', `计划年度 ${notice.year} 不是从标题或落款日期读出的（取自网页发布日期等），请核实 plan.year 和 default_due`, { file }));
  }
  // The ledger's title would be a stand-in (未命名计划): the user is told, not left to find it.
  if (!notice.planTitle && !notice.title) out.push(warning('IMPORT_TITLE_MISSING', '通知中找不到计划的标题，台账暂记为「未命名计划」；请填写 plan.title', { file }));
  for (const item of notice.items) {
    if (!item.problems.length) continue;
    const text = [...item.text].length > 30 ? `${[...item.text].slice(0, 29).join('')}…` : item.text;
    out.push(
      warning(item.rolesUnsure ? 'IMPORT_ROLES_UNSURE' : 'IMPORT_DUE_UNREAD', `第 ${item.number} 项：${item.problems.join('；')}：「${text}」`, {
        file,
        line: item.place.line,
        ...(item.place.cell ? { cell: item.place.cell } : {}),
      }),
    );
  }
  return out;
}

/** Where a finding stands, for messages: `notice.txt:12`, `notice.docx 第12段（表1 第3行第4列）`, `plan.xlsx（Sheet1!D3）`. */
export function describePlace(file: string, place: Place, lineWord: '行' | '段'): string {
  if (place.cell && /!/.test(place.cell)) return `${file}（${place.cell}）`;
  const at = lineWord === '行' ? `${file}:${place.line}` : `${file} 第${place.line}段`;
  return place.cell ? `${at}（${place.cell}）` : at;
}
