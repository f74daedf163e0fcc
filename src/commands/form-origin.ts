import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { git } from '../git/git.js';
import type { FormOrigin } from '../render/xlsx/form-record.js';

/** The commit the ledger was last committed in, when it is in a repository (recorded in the form, for people). */
function ledgerCommit(file: string): string | null {
  // Asked from the file's own folder, its name (taken literally) is its path: one git process; outside a repository git fails: no commit.
  try {
    return git(dirname(file), ['--literal-pathspecs', 'log', '-1', '--format=%H', '--', basename(file)]).trim() || null;
  } catch {
    return null;
  }
}

/** Which version of which ledger file (absolute, or relative to the run's folder `cwd`) a form or master table is made from. */
export function formOrigin(file: string, cwd: string): FormOrigin {
  const path = resolve(cwd, file);
  return { ledgerSha256: createHash('sha256').update(readFileSync(path)).digest('hex'), commit: ledgerCommit(path) };
}
