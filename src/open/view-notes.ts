import { warning, type Diagnostic } from '../diagnostic.js';

/** Told with a view of a ledger that has errors: the figures may be wrong. */
export function ledgerHasErrorsNote(errors: number, file: string): Diagnostic {
  return warning('LEDGER_HAS_ERRORS', `台账有 ${errors} 个错误，以下结果可能不准确；运行 gongkai validate 查看。`, { file });
}

/** Told when a year the view counts working days in has no known holiday schedule. */
export function holidaysUnknownNote(unknown: readonly number[], source: string, file: string): Diagnostic {
  return warning(
    'HOLIDAYS_UNKNOWN',
    `${unknown.join('、')} 年的法定节假日安排未知（${source}），这些日期的工作日数显示为「?」；` + `国务院公布后可在台账旁的 calendar/${unknown[0]}.yaml 中补充。`,
    { file },
  );
}
