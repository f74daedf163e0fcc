import { spawnSync } from 'node:child_process';

/** The path of a program on PATH, or undefined. */
export function findTool(name: string): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/**
 * Whether tests that need `name` can run. Missing in CI is a failure (.ci/run
 * installs it); missing on a developer's machine is said loudly, never skipped in silence.
 */
export function toolAvailable(name: string, installHint: string): boolean {
  if (findTool(name)) return true;
  const message = `\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n!! ${name} 未安装：依赖它的测试没有运行。安装：${installHint}\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`;
  if (process.env.CI) throw new Error(`${name} is required in CI: ${installHint}`);
  process.stderr.write(message);
  return false;
}
