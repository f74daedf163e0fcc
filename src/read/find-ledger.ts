import { readRegularFile } from './read-regular-file.js';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { displayPath } from './paths.js';

/** Parsed config texts from earlier runs, by the text itself (a few lines: hashing it would mean loading node:crypto). */
export interface ConfigMemo {
  get(text: string): { value: unknown } | undefined;
  set(text: string, value: unknown): void;
}

export const CONFIG_FILE = 'gongkai.yaml';

/** Settings from gongkai.yaml; every field optional. */
export interface Config {
  /** The config file itself, when one was found. */
  file?: string;
  ledger?: string;
  /** Commit every edit (set/done/note) to git. */
  commit?: boolean;
  /** Days without a progress entry after which an ongoing item is stale. */
  staleDays?: number;
  /** Working days ahead that count as due soon. */
  dueSoonDays?: number;
  /** Days after the plan year's end during which it is still worked on (model/plan-year.ts). */
  graceDays?: number;
}

/**
 * Finds the nearest gongkai.yaml from `cwd` upwards and reads it; throws a message string when it is unreadable.
 * `read` is told each place looked at, found or not: the settings depend on each.
 */
export async function findConfig(cwd: string, memo?: ConfigMemo, read?: (path: string) => void): Promise<Config> {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const file = join(dir, CONFIG_FILE);
    read?.(file);
    if (existsSync(file)) {
      let raw: unknown;
      try {
        const text = readRegularFile(file).toString('utf8');
        // From the cache when unchanged: the YAML parser costs more to load than the rest of a small run.
        const hit = memo?.get(text);
        raw = hit ? hit.value : (await import('./load-yaml-value.js')).loadYamlValue(text);
        if (!hit) memo?.set(text, raw ?? null);
      } catch (cause) {
        throw new Error(`${displayPath(file, cwd)}: 配置文件不是有效的 YAML：${String((cause as Error).message).split('\n')[0]}`);
      }
      const record = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      return {
        file: displayPath(file, cwd),
        ledger: typeof record.ledger === 'string' ? displayPath(resolve(dir, record.ledger), cwd) : undefined,
        commit: record.commit === true,
        staleDays: typeof record.stale_days === 'number' ? record.stale_days : undefined,
        dueSoonDays: typeof record.due_soon_days === 'number' ? record.due_soon_days : undefined,
        graceDays: typeof record.year_end_grace_days === 'number' && Number.isInteger(record.year_end_grace_days) && record.year_end_grace_days >= 0 ? record.year_end_grace_days : undefined,
      };
    }
    if (dirname(dir) === dir) return {};
  }
}

/** The ledger to use: --ledger, else GONGKAI_LEDGER, else gongkai.yaml's; undefined when none is named. */
export function chooseLedger(option: string | undefined, env: Readonly<Record<string, string | undefined>>, config: Config): string | undefined {
  return option ?? (env.GONGKAI_LEDGER || undefined) ?? config.ledger;
}
