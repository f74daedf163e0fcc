import { relative, resolve } from 'node:path';
import type { OpenContext } from './open-context.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import { gitShowBytes } from '../git/git.js';
import type { Ledger } from '../model/ledger.js';
import { openLedger } from './open-ledger.js';

/** The ledger as it was at a commit id ('' = the index, undefined = the working file); registry from the same commit. `name` is what the user typed. */
export async function ledgerAt(ctx: OpenContext, file: string, root: string, revision: string | undefined, name = revision): Promise<Ledger> {
  const override =
    revision === undefined
      ? undefined
      : (f: string) => {
          try {
            return gitShowBytes(root, revision, relative(root, resolve(ctx.io.cwd, f)).split('\\').join('/'));
          } catch (cause) {
            if (f === file) throw new UserError('FILE_NOT_FOUND', `${name || '暂存区'} 中没有 ${file}：${(cause as Error).message}`);
            return undefined;
          }
        };
  const loaded = await openLedger(ctx, { checks: 'none', file, override });
  if (!loaded.ledger) throw new UserError('LEDGER_HAS_ERRORS', `${name ?? '工作区'} 的台账无法读取`, ExitCode.CannotRun, loaded.diagnostics, loaded.texts);
  return loaded.ledger;
}
