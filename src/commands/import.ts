import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { hasErrors } from '../diagnostic.js';
import { writeFileAtomic } from '../edit/write-file-atomic.js';
import { UserError } from '../errors.js';
import { ledgerSchemaFile } from '../package-root.js';
import { ENCODING_LABELS } from '../read/decode-text.js';
import { draftFromNotice, registryFromNotice, unknownNames } from '../read/draft-from-notice.js';
import { readTextFile } from '../read/read-file.js';
import { readNotice } from '../read/read-notice.js';
import { loadRegistry } from '../read/load-ledger.js';
import { ledgerJson, ledgerYaml, type LedgerDraft } from '../render/ledger-yaml.js';
import { safeLine, truncateToWidth } from '../render/safe-text.js';
import { beijingToday } from '../model/dates.js';

export interface ImportOptions {
  output?: string;
  force?: boolean;
  format: 'yaml' | 'json';
  registry?: string;
}

/** A relative path with forward slashes, as written inside a ledger. */
function relativeFrom(folder: string, target: string): string {
  return relative(folder, target).split('\\').join('/') || '.';
}

async function readRegistry(file: string, stdin: () => Buffer) {
  const { registry, diagnostics, texts } = await loadRegistry(file, { stdin });
  if (hasErrors(diagnostics)) throw new UserError('部门名录有错误', ExitCode.CannotRun, diagnostics, texts);
  return registry;
}

/** `gongkai import NOTICE`: reads an official notice into a new ledger. */
export async function importCommand(ctx: CommandContext, notice: string, options: ImportOptions): Promise<ExitCode> {
  const { io } = ctx;
  const read = readTextFile(notice, { allowLegacy: true, stdin: io.stdin });
  if (read.text === undefined) throw new UserError('无法读取通知', ExitCode.CannotRun, read.diagnostics);
  if (!read.text.trim()) throw new UserError(`${notice}: 通知是空的`);
  const parsed = readNotice(read.text);
  if (!parsed.items.length) throw new UserError(`${notice}: 没有找到编号的任务（如「1.」「1、」「１．」）；这是一份工作要点及任务分工的通知吗？`);

  if (options.output && existsSync(options.output) && !options.force) {
    throw new UserError(`${options.output} 已存在；要覆盖请加 --force`);
  }
  const ledgerFolder = options.output ? dirname(resolve(options.output)) : io.cwd;
  let departments: LedgerDraft['departments'];
  let unknown: string[] = [];
  if (options.registry) {
    const registry = await readRegistry(options.registry, io.stdin);
    unknown = unknownNames(parsed, registry);
    departments = relativeFrom(ledgerFolder, resolve(options.registry));
  } else {
    departments = registryFromNotice(parsed);
  }
  const fallbackYear = Number(beijingToday(io.now()).slice(0, 4));
  const draft = draftFromNotice(parsed, departments, fallbackYear);
  const header = [
    `yaml-language-server: $schema=${relativeFrom(ledgerFolder, ledgerSchemaFile())}`,
    `gongkai 台账：${draft.plan.title}`,
    `由 gongkai import 从 ${notice === '-' ? '标准输入' : notice.split(/[\\/]/).pop()} 生成；之后可直接编辑，用 gongkai validate 检查。`,
  ];
  const content = options.format === 'json' ? ledgerJson(draft) : ledgerYaml(draft, header);

  if (options.output) writeFileAtomic(options.output, content, { exclusive: !options.force });
  else io.stdout(content);

  const problems = parsed.items.filter((i) => i.problem);
  const departmentCount = typeof departments === 'string' ? '' : `，${departments.departments.length} 个部门（类别为推测，请核实）`;
  io.stderr(`已读取 ${notice}（${ENCODING_LABELS[read.encoding]}）：${parsed.sections.length} 个部分，${parsed.items.length} 项任务${departmentCount}${options.output ? `，已写入 ${options.output}` : ''}\n`);
  for (const item of problems) {
    io.stderr(ctx.err.warning(`第 ${item.number} 项：${item.problem}：「${truncateToWidth(safeLine(item.text), 60)}」\n`));
  }
  for (const name of unknown) io.stderr(ctx.err.warning(`部门名录中没有「${safeLine(name)}」，请补入名录或改正通知\n`));
  return problems.length || unknown.length ? ExitCode.Findings : ExitCode.Ok;
}
