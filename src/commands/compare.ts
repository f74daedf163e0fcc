import type { CommandContext } from '../command-context.js';
import { hasErrors } from '../diagnostic.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import type { Ledger } from '../model/ledger.js';
import { loadLedger } from '../read/load-ledger.js';
import { compareLedgers } from '../carry/compare-report.js';
import { compareDoc } from '../render/compare-doc.js';
import { writeView } from './view-output.js';

async function read(ctx: CommandContext, file: string): Promise<Ledger> {
  const loaded = await loadLedger(file, { cwd: ctx.io.cwd, stdin: ctx.io.stdin });
  if (!loaded.ledger || hasErrors(loaded.diagnostics)) throw new UserError('LEDGER_HAS_ERRORS', `无法读取台账 ${file}`, ExitCode.CannotRun, loaded.diagnostics.filter((d) => d.severity === 'error'), loaded.texts);
  return loaded.ledger;
}

/** `gongkai compare OLD NEW`: which tasks continue from one plan to the next, which are new, which were dropped. */
export async function compareCommand(ctx: CommandContext, old: string, next: string, options: { format: 'table' | 'md' | 'json' | 'csv'; output?: string }): Promise<ExitCode> {
  const report = compareLedgers(await read(ctx, old), await read(ctx, next));
  await writeView(ctx, options.format, report, () => compareDoc(report), options.output);
  return ExitCode.Ok;
}
