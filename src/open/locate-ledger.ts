import type { OpenContext } from './open-context.js';
import { configMemoIn } from '../cache/index.js';
import { UserError } from '../errors.js';
import { chooseLedger, findConfig, type Config } from '../read/find-ledger.js';
import { cacheOf } from './cache-of.js';

export const NO_LEDGER =
  '没有指定台账：用 --ledger 文件 指定，或设置环境变量 GONGKAI_LEDGER，或在当前目录（或上级目录）放一个 gongkai.yaml，内容如「ledger: data/ledger.yaml」。' +
  '\n新建台账：gongkai import 通知.txt -o ledger.yaml';

/** Reads gongkai.yaml, turning a broken one into a user error. */
export async function readConfig(ctx: OpenContext): Promise<Config> {
  try {
    const cache = cacheOf(ctx);
    return await findConfig(ctx.io.cwd, cache ? configMemoIn(cache) : undefined, ctx.io.inputs?.read);
  } catch (cause) {
    throw new UserError('LEDGER_NOT_FOUND', (cause as Error).message);
  }
}

/** The ledger a run is about and its settings. */
export interface Located {
  file: string;
  config: Config;
}

/** Which ledger this run is about (--ledger, GONGKAI_LEDGER, gongkai.yaml) and the settings; a user error when none is named. */
export async function locateLedger(ctx: OpenContext): Promise<Located> {
  const config = await readConfig(ctx);
  const file = chooseLedger(ctx.ledger, ctx.io.env, config);
  if (!file) throw new UserError('LEDGER_NOT_FOUND', NO_LEDGER);
  return { file, config };
}
