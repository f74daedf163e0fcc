import { relative, resolve } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { UserError } from '../errors.js';
import { attributePattern, configureMergeDriver } from '../git/merge-driver-config.js';
import { openLedger } from '../open/open-ledger.js';
import { gongkaiCommand } from './gongkai-command.js';

/**
 * The merge-driver half of `hook install`: git merges the ledger (and its
 * registry file) with `gongkai merge-driver`. `ledger` is the path from the top.
 */
export async function installMergeDriver(ctx: CommandContext, top: string, ledger: string): Promise<void> {
  const paths = [ledger];
  const loaded = await openLedger(ctx, { checks: 'none', file: resolve(top, ledger) });
  const registry = loaded.ledger?.registryFile;
  if (registry && resolve(top, registry) !== resolve(top, ledger)) {
    const path = relative(top, resolve(top, registry)).split('\\').join('/');
    if (!path.startsWith('../')) paths.push(path);
  }
  const unsayable = paths.find((p) => attributePattern(p) === undefined);
  if (unsayable) throw new UserError('PATH_UNSAYABLE', `路径「${unsayable}」含引号、反斜杠或换行，无法写进 .gitattributes；请改名，或加 --no-merge-driver 不装合并驱动`);
  const added = configureMergeDriver(top, paths, gongkaiCommand());
  ctx.io.stdout(`已配置合并驱动：git 合并 ${paths.join('、')} 时按含义合并（.git/config 中的 merge.gongkai）。\n`);
  if (added.length) ctx.io.stdout(`已在 .gitattributes 中加入 ${added.length} 行；请提交 .gitattributes，其他克隆运行 gongkai hook install 后即按含义合并。\n`);
}
