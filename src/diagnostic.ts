/** Stable codes for every problem gongkai reports; documented in README. */
export type DiagnosticCode =
  // reading the file
  | 'FILE_NOT_FOUND'
  | 'NOT_A_FILE'
  | 'FILE_TOO_LARGE'
  | 'NOT_TEXT'
  | 'NOT_UTF8'
  | 'CONFLICT_MARKERS'
  | 'YAML_SYNTAX'
  | 'DUPLICATE_KEY'
  | 'TAB_INDENT'
  | 'ALIAS_BOMB'
  | 'MULTIPLE_DOCUMENTS'
  | 'UNSUPPORTED_FORMAT'
  | 'BAD_ZIP'
  // reading a notice (import)
  | 'IMPORT_ROLES_UNSURE'
  | 'IMPORT_DUE_UNREAD'
  | 'IMPORT_YEAR_MISSING'
  | 'IMPORT_YEAR_GUESSED'
  | 'IMPORT_TITLE_MISSING'
  | 'IMPORT_NAME_UNKNOWN'
  | 'IMPORT_LEDGER_INVALID'
  // the shape of the data
  | 'UNKNOWN_KEY'
  | 'MISSING_FIELD'
  | 'WRONG_TYPE'
  | 'NUMBER_NOT_STRING'
  | 'BAD_VALUE'
  | 'BAD_STATUS'
  | 'BAD_DATE'
  | 'REGISTRY_NOT_FOUND'
  // meaning
  | 'UNKNOWN_DEPARTMENT'
  | 'NO_ACCOUNTABLE'
  | 'ROLE_CONFLICT'
  | 'DUPLICATE_ASSIGNMENT'
  | 'CLAUSE_MISMATCH'
  | 'CLAUSE_UNPARSED'
  | 'DUPLICATE_NUMBER'
  | 'MISSING_NUMBER'
  | 'EMPTY_TEXT'
  | 'DUE_BEFORE_ISSUE'
  | 'DONE_WITHOUT_DATE'
  | 'DONE_DATE_NOT_DONE'
  | 'DONE_IN_FUTURE'
  | 'UNRESOLVED_GROUP'
  | 'RESOLUTION_NOT_IN_GROUP'
  | 'RESOLUTION_UNUSED'
  | 'DUPLICATE_DEPARTMENT'
  | 'KIND_GUESSED'
  | 'PLAN_YEAR_MISMATCH'
  | 'DATE_OUTSIDE_PLAN_YEAR'
  | 'POSTPONEMENT_TRAIL'
  | 'POSTPONEMENT_DUE_MISMATCH'
  | 'CANCELLED_WITHOUT_REASON'
  | 'CANCELLATION_NOT_CANCELLED'
  | 'MILESTONE_ORDER'
  | 'MILESTONE_AFTER_DUE'
  | 'RELATIVE_DUE_UNKNOWN'

  | 'DUE_TEXT_MISMATCH'
  | 'DUE_TEXT_UNREAD'
  // the run: what a view or the cache tells the user without stopping
  | 'CACHE_UNSAFE'
  | 'CALENDAR_INVALID'
  | 'HOLIDAYS_UNKNOWN'
  | 'LEDGER_HAS_ERRORS'
  | 'DEPARTMENT_ABBREVIATED'
  | 'SINCE_NO_HISTORY'
  | 'SINCE_UNREADABLE'
  | 'HEAD_DETACHED'
  | 'UNASSIGNED_ITEMS'
  | 'NO_COMMITTERS'
  // collecting returned forms
  | 'FORM_REFUSED'
  | 'FORM_ENTRY_INVALID'
  | 'FORM_CONFLICT'
  // merging (git's merge driver)
  | 'MERGE_CONFLICT'
  | 'MERGED_BY_LINES'
  | 'REGISTRY_NOT_MERGED'
  // running a command: what stops it before or while it works
  | 'USAGE'
  | 'WORKING_FOLDER_GONE'
  | 'OUTPUT_FAILED'
  | 'OPTION_INVALID'
  | 'OPTIONS_CONFLICT'
  | 'DEPARTMENT_AMBIGUOUS'
  | 'LEDGER_NOT_FOUND'
  | 'ITEM_NOT_FOUND'
  | 'EDIT_REFUSED'
  | 'NOTICE_EMPTY'
  | 'OUTPUT_REQUIRED'
  | 'OUTPUT_EXISTS'
  | 'OUTPUT_NOT_FOLDER'
  | 'OUTPUT_NOT_WRITABLE'
  | 'FILE_READ_ONLY'
  | 'PATH_UNSAYABLE'
  | 'LEDGER_LOCKED'
  | 'WRITE_RACE'
  | 'NO_KEY_PLACE'
  | 'NOT_IN_GIT'
  | 'GIT_FAILED'
  | 'STAGED_CHANGES'
  | 'UNCOMMITTED_CHANGES'
  | 'SYNC_REFUSED'
  | 'SYNC_STOPPED'
  | 'INTERNAL'
  // what a command tells without a problem (severity info)
  | 'FILE_WRITTEN'
  | 'IMPORT_SUMMARY'
  | 'CARRY_OVER'
  | 'FORMS_WRITTEN'
  | 'FORMS_COUNTED'
  | 'FORMS_COLLECTED'
  | 'COMMITS_CHECKED'
  | 'NOTHING_TO_REMIND'
  | 'OFFICE_NOT_REMINDED';

/** info: what a command tells on stderr without a problem (files written, counts). */
export type Severity = 'error' | 'warning' | 'info';

/** A step into a parsed YAML document: a mapping key or a sequence index. */
export type PathSegment = string | number;

/**
 * A problem found in an input, as a value. Where it is comes either as a
 * resolved line/col (1-based) or as a path into the document that
 * `locateDiagnostics` turns into line/col only when the problem is shown.
 */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  file: string;
  line?: number;
  col?: number;
  /** A table cell (`Sheet1!D3`, `表1 第3行第4列`) when the input is a notice's table. */
  cell?: string;
  /** Path into the YAML document, resolved lazily to line/col. */
  path?: readonly PathSegment[];
  /** Point at the key of the last path segment rather than its value. */
  at?: 'key' | 'value';
}

/** Where diagnostics find the text they point into (for excerpts). */
export interface TextSource {
  get(file: string): string | undefined;
  /** Line n (1-based) of a file without decoding all of it, when its bytes allow; undefined to read lines from get's text. */
  lines?(file: string): ((line: number) => string | undefined) | undefined;
}

/** Builds an error diagnostic. */
export function error(code: DiagnosticCode, message: string, where: Omit<Diagnostic, 'code' | 'severity' | 'message'>): Diagnostic {
  return { code, severity: 'error', message, ...where };
}

/** Builds a warning diagnostic. */
export function warning(code: DiagnosticCode, message: string, where: Omit<Diagnostic, 'code' | 'severity' | 'message'>): Diagnostic {
  return { code, severity: 'warning', message, ...where };
}

/** Builds what a command tells without a problem: no file but the program's unless one is named. */
export function info(code: DiagnosticCode, message: string, where: Omit<Diagnostic, 'code' | 'severity' | 'message'> = { file: 'gongkai' }): Diagnostic {
  return { code, severity: 'info', message, ...where };
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
