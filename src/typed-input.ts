import { ExitCode } from './exit-code.js';
import { warning, type Diagnostic } from './diagnostic.js';
import { UserError } from './errors.js';
import type { Department, Registry } from './model/department.js';
import { matchDepartment, quotedNames } from './model/department-match.js';
import { parseTypedDate, type TypedDateContext } from './model/typed-date.js';

/** A date option as typed (2021/10/8, 10月8日, 昨天…) as YYYY-MM-DD, or a user error naming the option. */
export function dateOption(text: string, option: string, context: TypedDateContext): string {
  const parsed = parseTypedDate(text, context);
  if ('error' in parsed) throw new UserError('OPTION_INVALID', `${option}：${parsed.error}`);
  return parsed.date;
}

/**
 * The department a typed name stands for. A unique shortening is accepted and
 * `note` is told how it was read (「救助司」按「社会救助司」处理); several
 * candidates or none are a user error listing them.
 */
export function departmentOption(registry: Registry, typed: string, note: (finding: Diagnostic) => void, option = '--dept'): Department {
  const match = matchDepartment(registry, typed);
  switch (match.kind) {
    case 'exact':
      return match.department;
    case 'abbreviation':
      note(warning('DEPARTMENT_ABBREVIATED', `「${typed}」按「${match.department.name}」处理`, { file: option }));
      return match.department;
    case 'ambiguous':
      throw new UserError('DEPARTMENT_AMBIGUOUS', `「${typed}」可指 ${match.candidates.length} 个部门，请写得更具体：\n${match.candidates.map((d) => `  ${d.name}`).join('\n')}`, ExitCode.CannotRun);
    case 'unknown': {
      const hint = match.suggestions.length ? `；是否是${quotedNames(match.suggestions)}？` : '；部门名录中的名称见 gongkai status';
      throw new UserError('UNKNOWN_DEPARTMENT', `部门名录中没有「${typed}」${hint}`, ExitCode.CannotRun);
    }
  }
}
