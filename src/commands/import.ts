import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { error, hasErrors, info, warning, type Diagnostic } from '../diagnostic.js';
import { writeFileAtomic } from '../edit/write-file-atomic.js';
import { UserError } from '../errors.js';
import { ledgerSchemaFile } from '../package-root.js';
import { describePlace, draftFromNotice, importFindings, readNoticeBytes, registryFromNotice, unknownNames } from '../notice/index.js';
import { readFileBytes } from '../read/read-file.js';
import { loadLedger, loadRegistry } from '../read/load-ledger.js';
import type { LedgerDraft } from '../model/ledger-draft.js';
import { ledgerJson, ledgerYaml } from '../render/ledger-yaml.js';
import { safeLine, truncateToWidth } from '../render/safe-text.js';
import { beijingToday } from '../model/dates.js';
import { checkLedger } from '../check/index.js';
import { locateDiagnostics } from '../read/locate-diagnostics.js';

export interface ImportOptions {
  output?: string;
  force?: boolean;
  format: 'yaml' | 'json';
  registry?: string;
  /** Last year's ledger: its unfinished items are carried into the new one (上年结转). */
  carryOver?: string;
}

/** A relative path with forward slashes, as written inside a ledger. */
function relativeFrom(folder: string, target: string): string {
  return relative(folder, target).split('\\').join('/') || '.';
}

async function readRegistry(file: string, io: Pick<CommandContext['io'], 'cwd' | 'stdin'>) {
  const { registry, diagnostics, texts } = await loadRegistry(file, { cwd: io.cwd, stdin: io.stdin });
  if (hasErrors(diagnostics)) throw new UserError('LEDGER_HAS_ERRORS', '部门名录有错误', ExitCode.CannotRun, diagnostics, texts);
  return registry;
}

/** `gongkai import NOTICE`: reads an official notice (text, Word, Excel, web page) into a new ledger. */
export async function importCommand(ctx: CommandContext, notice: string, options: ImportOptions): Promise<ExitCode> {
  const { io } = ctx;
  const file = readFileBytes(notice, { cwd: io.cwd, stdin: io.stdin });
  if (file.bytes === undefined) throw new UserError('FILE_NOT_FOUND', '无法读取通知', ExitCode.CannotRun, file.diagnostics);
  if (!file.bytes.toString('utf8').trim()) throw new UserError('NOTICE_EMPTY', `${notice}: 通知是空的`);
  const registry = options.registry ? await readRegistry(options.registry, io) : undefined;
  const knownNames = registry ? [...registry.departments.flatMap((d) => [d.name, ...d.aliases]), ...registry.groups.flatMap((g) => [g.name, ...g.aliases])] : [];
  const read = await readNoticeBytes(file.bytes, { knownNames });
  if (!read.ok) throw new UserError('UNSUPPORTED_FORMAT', '无法读取通知', ExitCode.CannotRun, [error(read.code, read.message, { file: notice })]);
  const parsed = read.notice;
  if (!parsed.items.length) throw new UserError('NOTICE_EMPTY', `${notice}: 没有找到编号的任务（如「一、」「(一)」「1.」「1、」，或带「序号」「责任单位」表头的任务分工表）；这是一份工作要点及任务分工的通知吗？`);

  if (options.output && existsSync(resolve(io.cwd, options.output)) && !options.force) {
    throw new UserError('OUTPUT_EXISTS', `${options.output} 已存在；要覆盖请加 --force`);
  }
  const ledgerFolder = options.output ? dirname(resolve(io.cwd, options.output)) : io.cwd;
  let departments: LedgerDraft['departments'];
  let unknown: string[] = [];
  if (registry && options.registry) {
    unknown = unknownNames(parsed, registry);
    departments = relativeFrom(ledgerFolder, resolve(io.cwd, options.registry));
  } else {
    departments = registryFromNotice(parsed);
  }
  const thisYear = Number(beijingToday(io.now()).slice(0, 4));
  let draft = draftFromNotice(parsed, departments, parsed.year ?? thisYear);
  if (options.carryOver) draft = await (await import('./carry-over-step.js')).carryOverFrom(ctx, draft, options.carryOver, ledgerFolder);
  const name = notice === '-' ? '标准输入' : notice.split(/[\\/]/).pop()!;
  const header = [
    `yaml-language-server: $schema=${relativeFrom(ledgerFolder, ledgerSchemaFile())}`,
    `gongkai 台账：${draft.plan.title}`,
    `由 gongkai import 从 ${name} 生成；之后可直接编辑，用 gongkai validate 检查。`,
  ];
  const content = options.format === 'json' ? ledgerJson(draft) : ledgerYaml(draft, header);

  if (options.output) writeFileAtomic(resolve(io.cwd, options.output), content, { exclusive: !options.force });
  else io.stdout(content);

  // The ledger written is one `validate` (and the commit hook) reads: whatever it would refuse is said now.
  const refused = await validateErrors(content, options.output ? resolve(io.cwd, options.output) : resolve(io.cwd, 'ledger.yaml'), io.cwd, beijingToday(io.now()));
  const problems = parsed.items.filter((i) => i.problems.length);
  const departmentCount = typeof departments === 'string' ? '' : `，${departments.departments.length} 个部门（类别为推测，请核实）`;
  ctx.tell(info('IMPORT_SUMMARY', `已读取 ${notice}（${read.formatLabel}）：${parsed.sections.length} 个部分，${parsed.items.length} 项任务${departmentCount}${options.output ? `，已写入 ${options.output}` : ''}`));
  const shownFile = notice === '-' ? '-' : notice;
  const findings = importFindings(parsed, shownFile, thisYear);
  for (const unknownName of unknown) findings.push(warning('IMPORT_NAME_UNKNOWN', `部门名录中没有「${unknownName}」，请补入名录或改正通知`, { file: shownFile }));
  // Shown by the one diagnostics renderer; the place in the notice's own words (第12段, 表1 第3行第4列), a long task cut to a line.
  const shown = findings.map(({ line, cell, ...finding }) => ({
    ...finding,
    file: line === undefined ? finding.file : describePlace(finding.file, { line, ...(cell ? { cell } : {}) }, read.lineWord),
    message: truncateToWidth(safeLine(finding.message), 160),
  }));
  ctx.tell(shown);
  const ledgerName = options.output ?? '台账';
  ctx.tell(refused.map((d) => warning('IMPORT_LEDGER_INVALID', `validate 会报错（提交前须改正）：${d.message}`, { file: ledgerName, ...(options.output && d.line ? { line: d.line, col: d.col } : {}) })));
  if (problems.length) ctx.tell(info('IMPORT_SUMMARY', `${problems.length} 项需要核实，已在台账中用注释标出（JSON 中为 review）；没有把握的名称没有加入部门名录`));
  // 0 only when nothing is flagged: every item read for sure, the year from the document itself.
  return findings.length || refused.length ? ExitCode.Findings : ExitCode.Ok;
}

/** The errors `validate` would find in the ledger text about to be written at `file` (its registry read beside it). */
async function validateErrors(content: string, file: string, cwd: string, today: string): Promise<Diagnostic[]> {
  const bytes = Buffer.from(content);
  const loaded = await loadLedger(file, { cwd, today, override: (f) => (resolve(cwd, f) === file ? bytes : undefined) });
  const found = loaded.ledger ? [...loaded.diagnostics, ...(await checkLedger({ ledger: loaded.ledger, today }, 'all'))] : loaded.diagnostics;
  const errors = found.filter((d) => d.severity === 'error');
  return errors.length ? await locateDiagnostics(errors, loaded.texts) : [];
}
