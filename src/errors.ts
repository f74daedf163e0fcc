import type { Diagnostic, TextSource } from './diagnostic.js';
import { ExitCode } from './exit-code.js';

/**
 * A problem the user can fix (bad option, missing file, invalid ledger).
 * Only cli/main.ts turns it into stderr text and an exit code.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.CannotRun,
    readonly diagnostics: readonly Diagnostic[] = [],
    /** Texts of the files the diagnostics point into, for excerpts. */
    readonly texts: TextSource = new Map<string, string>(),
  ) {
    super(message);
    this.name = 'UserError';
  }
}
