import { resolve } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../edit/write-file-atomic.js';
import type { XlsxTable } from '../render/xlsx/sheet-table.js';

/** Writes bytes to the file named by -o, atomically; says where on stderr. */
export function writeOutputFile(ctx: CommandContext, file: string, bytes: Uint8Array | string, what: string): void {
  try {
    writeFileAtomic(resolve(file), bytes);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EISDIR' || code === 'EROFS') throw new UserError(`无法写入 ${file}（${code}）`);
    throw cause;
  }
  ctx.io.stderr(`已写入 ${file}（${what}）\n`);
}

/**
 * Writes sheets as an .xlsx file. The format's module (and the workbook
 * library) is loaded only here, so other commands never pay for it.
 */
export async function writeXlsx(ctx: CommandContext, output: string | undefined, tables: () => Promise<XlsxTable[]> | XlsxTable[]): Promise<void> {
  if (!output) throw new UserError('--format xlsx 须用 -o 指定要写入的文件，如 -o 台账.xlsx');
  const { xlsxBytes } = await import('../render/xlsx/index.js');
  writeOutputFile(ctx, output, await xlsxBytes(await tables()), 'Excel 工作簿');
}
