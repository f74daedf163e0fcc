import type { CommandContext } from '../cli/context.js';
import { ExitCode } from '../exit-code.js';
import { ledgerExport } from '../query/ledger-export.js';
import { openLedgerForView } from './open-ledger.js';

/** `gongkai export`: the loaded ledger, every item with its roles, as JSON or YAML. */
export async function exportCommand(ctx: CommandContext, options: { format: 'json' | 'yaml' }): Promise<ExitCode> {
  const notes: string[] = [];
  const { ledger } = await openLedgerForView(ctx, notes);
  for (const note of notes) ctx.io.stderr(ctx.err.warning(`${note}\n`));
  const data = ledgerExport(ledger);
  if (options.format === 'yaml') {
    const { stringify } = await import('yaml');
    ctx.io.stdout(stringify(data, { lineWidth: 0 }));
  } else {
    ctx.io.stdout(JSON.stringify(data, null, 2) + '\n');
  }
  return ExitCode.Ok;
}
