import { error, type Diagnostic, type DiagnosticCode, type TextSource } from './diagnostic.js';
import { ExitCode } from './exit-code.js';

/** The file a diagnostic names when its problem is not about a file: the program itself (`gongkai: 错误[USAGE] …`). */
export const PROGRAM = 'gongkai';

/**
 * A problem the user can fix (bad option, missing file, invalid ledger), reported as diagnostics:
 * the ones given, or else one with this code and message, about no file.
 * Only cli/main.ts turns it into stderr text and an exit code.
 */
export class UserError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(
    readonly code: DiagnosticCode,
    message: string,
    readonly exitCode: ExitCode = ExitCode.CannotRun,
    diagnostics: readonly Diagnostic[] = [],
    /** Texts of the files the diagnostics point into, for excerpts. */
    readonly texts: TextSource = new Map<string, string>(),
  ) {
    super(message);
    this.name = 'UserError';
    this.diagnostics = diagnostics.length ? diagnostics : [error(code, message, { file: PROGRAM })];
  }
}

/**
 * The ledger changed while a run read it: bytes read again are not the ones read first. The reader that
 * read it in parts then gives way to one that reads it whole.
 */
export class LedgerChanged extends Error {
  constructor() {
    super('the ledger changed while it was read');
    this.name = 'LedgerChanged';
  }
}
