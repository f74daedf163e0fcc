import { warning, type Diagnostic } from '../diagnostic.js';

/** Told with a view of a ledger that has errors: the figures may be wrong. */
export function ledgerHasErrorsNote(errors: number, file: string): Diagnostic {
  return warning('LEDGER_HAS_ERRORS', `台账有 ${errors} 个错误，以下结果可能不准确；运行 gongkai validate 查看。`, { file });
}

/** Told when a year the view counts working days in has no known holiday schedule. */
export function holidaysUnknownNote(unknown: readonly number[], source: string, file: string): Diagnostic {
  return warning(
    'HOLIDAYS_UNKNOWN',
    `${yearsText(unknown)} 年的法定节假日安排未知（${source}），这些日期的工作日数显示为「?」；` + `国务院公布后可在台账旁的 calendar/${unknown[0]}.yaml 中补充。`,
    { file },
  );
}

/** Years as a reader says them: runs of three or more as a span (2027—2030), the rest one by one (an --as-of of 0001 is one span, not 2,000 years). */
function yearsText(years: readonly number[]): string {
  const parts: string[] = [];
  const sorted = [...years].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}—${sorted[j]}`);
    else parts.push(...sorted.slice(i, j + 1).map(String));
    i = j + 1;
  }
  return parts.join('、');
}
