import { resolve } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../edit/write-file-atomic.js';
import { mergeFiles } from '../merge/merge-files.js';
import { conflictText } from '../render/merge-conflicts.js';
import { error, warning } from '../diagnostic.js';

/**
 * `gongkai merge-driver %O %A %B %P [%L]`: git's merge driver for the ledger
 * (see `hook install`). Writes the merge over %A; exit 0 clean, 1 with
 * conflicts marked, as git expects.
 */
export async function mergeDriverCommand(ctx: CommandContext, base: string, ours: string, theirs: string, path: string, markerSize: string | undefined): Promise<ExitCode> {
  const size = markerSize === undefined ? 7 : Number(markerSize);
  if (!Number.isInteger(size) || size < 1) throw new UserError('OPTION_INVALID', `冲突标记长度须为正整数，收到「${markerSize}」`);
  let result;
  try {
    result = mergeFiles({ base, ours, theirs, path, markerSize: size, cwd: ctx.io.cwd });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError('FILE_NOT_FOUND', `找不到要合并的文件：${(cause as NodeJS.ErrnoException).path}`);
    throw cause;
  }
  writeFileAtomic(resolve(ctx.io.cwd, ours), result.bytes);
  if (result.fallback) ctx.warn(warning('MERGED_BY_LINES', `无法按含义合并（${result.fallback}），已逐行合并。`, { file: path }));
  if (result.kind === 'registry' && result.conflicts.length) {
    ctx.warn(warning('REGISTRY_NOT_MERGED', `部门名录 ${path} 两边改在相邻的行：gongkai 不按含义合并名录，已留下冲突标记，请由办公厅手工合并。`, { file: path }));
  }
  for (const conflict of result.conflicts) ctx.warn(error('MERGE_CONFLICT', `冲突：${conflictText(conflict)}`, { file: path, line: conflict.line, col: 1 }));
  if (result.broken) ctx.warn(error('MERGE_CONFLICT', '合并的一边（或合并结果）不是有效的 YAML，不能自动提交；请用 gongkai validate 改正后再提交合并。', { file: path }));
  return result.conflicts.length || result.broken ? ExitCode.Findings : ExitCode.Ok;
}
