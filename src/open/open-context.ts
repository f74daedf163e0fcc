import type { Diagnostic } from '../diagnostic.js';
import type { Io } from '../io.js';

/**
 * What the core needs of a run: the outside world through Io (cwd, env,
 * clock, stdin), the ledger the user named, and where findings that do not
 * stop the run go. It knows no options, styles or streams: the caller decides
 * how a finding is shown.
 */
export interface OpenContext {
  io: Io;
  /** The ledger file the user named (--ledger), if any. */
  ledger?: string;
  /** A finding worth telling the user that does not stop the run (a cache not used, a calendar file ignored). */
  warn(finding: Diagnostic): void;
}
