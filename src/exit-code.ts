/** Exit codes with fixed meanings; the same table is in README. */
export enum ExitCode {
  /** Ran and found nothing to report. */
  Ok = 0,
  /** Ran and found something: ledger errors, overdue items with --fail-on-overdue, unparsed clauses on import. */
  Findings = 1,
  /** Could not run: bad usage, missing or unreadable file, unusable ledger, refused edit. */
  CannotRun = 2,
  /** A bug in gongkai. */
  Internal = 70,
}
