import type { VersionOpener } from '../git/ledger-walk.js';
import { beijingToday } from '../model/dates.js';
import type { Ledger } from '../model/ledger.js';
import { loadLedger } from '../read/load-ledger.js';
import { maxFileBytes } from '../read/read-regular-file.js';
import type { OpenContext } from './open-context.js';

/**
 * How the push policy opens each ledger version it judges: read, not checked,
 * and without looking for gongkai.yaml — a shared bare repository has none,
 * and the policy covers every ledger in the repository, not the one it names.
 */
export function policyOpener(ctx: Pick<OpenContext, 'io'>): VersionOpener<Ledger> {
  const today = beijingToday(ctx.io.now());
  return (file, override) => loadLedger(file, { cwd: ctx.io.cwd, today, maxBytes: maxFileBytes(ctx.io.env), stdin: ctx.io.stdin, override });
}
