import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { git, repositoryOf } from '../git/git.js';
import type { FormOrigin } from '../render/xlsx/form-record.js';

/** The commit the ledger was last committed in, when it is in a repository (recorded in the form, for people). */
function ledgerCommit(file: string): string | null {
  const repo = repositoryOf(file, dirname(file));
  if (!repo) return null;
  try {
    return git(repo.root, ['log', '-1', '--format=%H', '--', repo.path]).trim() || null;
  } catch {
    return null;
  }
}

/** Which version of which ledger file (absolute, or relative to the run's folder `cwd`) a form or master table is made from. */
export function formOrigin(file: string, cwd: string): FormOrigin {
  const path = resolve(cwd, file);
  return { ledgerSha256: createHash('sha256').update(readFileSync(path)).digest('hex'), commit: ledgerCommit(path) };
}
