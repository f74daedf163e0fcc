import { Argument, Command, InvalidArgumentError, Option, type Help } from 'commander';
import type { CommandContext, GlobalOptions } from '../command-context.js';
import { makeContext } from '../command-context.js';
import type { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';
import { overdueCommand, type OverdueOptions } from '../commands/overdue.js';
import { checklistCommand, type ChecklistOptions } from '../commands/checklist.js';
import { statusCommand, type StatusOptions } from '../commands/status.js';
import { validateCommand, type ValidateOptions } from '../commands/validate.js';
import { VIEW_DEFAULTS, type QuickView } from './quick-view-args.js';
import packageJson from '../../package.json' with { type: 'json' };
import { formatFromOutput } from './output-format.js';

/**
 * An item number as typed: full-width brackets and digits (（一）, １２, typed in a Chinese input method)
 * are the ledger's (一), 12 — the numbers import writes.
 */
function itemNumber(value: string): string {
  return value
    .trim()
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/**
 * No option takes a blank value: `--dept ""` (an empty shell variable) would otherwise read as no
 * --dept at all — every department's tasks — and `--ledger ""` as no --ledger, finding another ledger.
 * Options with choices check their own values.
 */
function refuseBlankValues(command: Command): void {
  for (const option of command.options) {
    if ((option.required || option.optional) && !option.argChoices && !option.parseArg) {
      option.argParser((value: string) => {
        if (!value.trim()) throw new InvalidArgumentError('blank');
        return value;
      });
    }
  }
  command.commands.forEach(refuseBlankValues);
}

type Action = (ctx: CommandContext) => Promise<ExitCode>;

/** What each everyday view runs with the options commander reads for it (the actions below): also a run read without commander (cli/quick-view-args.ts). */
export const VIEW_ACTIONS: Readonly<Record<QuickView, (ctx: CommandContext, options: Record<string, string>) => Promise<ExitCode>>> = {
  status: (ctx, options) => statusCommand(ctx, options as unknown as StatusOptions),
  overdue: (ctx, options) => overdueCommand(ctx, options as unknown as OverdueOptions),
  checklist: (ctx, options) => checklistCommand(ctx, options as unknown as ChecklistOptions),
  validate: (ctx, options) => validateCommand(ctx, options as unknown as ValidateOptions),
};

/**
 * Declares the commands. The everyday views (status, overdue, checklist,
 * validate) are imported up front: they share most of their modules, and
 * loading them as one graph measured faster than one chunk each. The rest
 * are imported when they run. With `only`, a run that can show no help
 * (cli/main.ts) declares just the command it runs: declaring all of them
 * took about 10 ms of a start, one about 3 ms.
 */
export function buildProgram(io: Io, setExitCode: (code: ExitCode) => void, help?: typeof import('./help.js'), only?: string): Command {
  const program = new Command('gongkai');
  const declares = (name: string) => only === undefined || only === name;
  const helpWidth = io.stdoutIsTty && io.columns ? io.columns : 80;
  const run = async (action: Action) => {
    setExitCode(await action(await makeContext(io, program.opts<GlobalOptions>())));
  };
  program
    .description('政务公开工作要点台账：导入通知、核对分工、查看各部门任务、逾期与临期')
    .option('--ledger <file>', '台账文件（- 为标准输入）；缺省为 GONGKAI_LEDGER 或 gongkai.yaml 中的 ledger')
    .option('--color', '总是使用颜色')
    .option('--no-color', '不使用颜色（也可设 NO_COLOR）')
    .version(packageJson.version, '-V, --version', '显示版本')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    // Help in Chinese, by display width; usage mistakes are worded in cli/main.ts from commander's error codes.
    .configureHelp({ showGlobalOptions: true, ...(help ? { formatHelp: (command: Command, helper: Help) => help.formatHelp(command, helper, helpWidth) } : {}) })
    .showSuggestionAfterError(false)
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: () => {} })
    .exitOverride()
    // -o 汇总.xlsx chooses the format when --format is not given (and is refused where it cannot be written).
    .hook('preAction', (_program, command) => formatFromOutput(command));

  if (declares('import')) {
    program
      .command('import')
      .summary('把通知（文本、Word、Excel、网页）导入为新台账')
      .description('把通知（文本、Word、Excel、网页）导入为新台账；有要核实的项时照样写出，退出码 1')
      .argument('<notice>', '通知文件（- 为标准输入）')
      .option('-o, --output <file>', '写入台账文件（不指定则输出到标准输出）')
      .option('--force', '覆盖已存在的文件')
      .option('--registry <file>', '使用已有的部门名录文件，只报告名录中没有的名称')
      .option('--carry-over <ledger>', '上年结转：把这份上年台账中未完成的任务带进新台账（新计划中已有的标明结转，其余加在「上年结转」部分）')
      .addOption(new Option('--format <format>', '输出格式').choices(['yaml', 'json']).default('yaml'))
      .action(async (notice, options) => run(async (ctx) => (await import('../commands/import.js')).importCommand(ctx, notice, options)));
  }

  if (declares('validate')) {
    program
      .command('validate')
      .description('检查台账与部门名录，列出每个问题的位置（文件:行:列）')
      .addOption(new Option('--format <format>', '输出格式').choices(['text', 'json']).default(VIEW_DEFAULTS.validate.format))
      .option('--strict', '有警告也以退出码 1 结束')
      .option('--staged', '检查 git 暂存区中的版本（提交前钩子使用）')
      .option('-q, --errors-only', '只列出错误，不列警告（警告仍计入最后一行的数目）')
      .action(async (options) => run(async (ctx) => VIEW_ACTIONS.validate(ctx, options)));
  }

  // status and overdue share it (VIEW_DEFAULTS says the same of both).
  const viewFormat = () => new Option('--format <format>', '输出格式（xlsx 须加 -o 文件）').choices(['table', 'md', 'json', 'csv', 'xlsx']).default(VIEW_DEFAULTS.status.format);
  const outputOption = () => new Option('-o, --output <file>', '写入文件（不指定则输出到标准输出）');

  if (declares('export')) {
    program
      .command('export')
      .description('输出整个台账（含每项的角色）为 JSON 或 YAML；xlsx 为任务分工表')
      .addOption(new Option('--format <format>', '输出格式（xlsx 须加 -o 文件）').choices(['json', 'yaml', 'xlsx']).default('json'))
      .addOption(outputOption())
      .option('--as-of <date>', 'xlsx 中「截至」及逾期标记按此日期（如 2021-10-08、2021/10/8、10月8日、昨天）；缺省为北京时间今天，计划年度及宽限期过后为年底或关闭日')
      .action(async (options) => run(async (ctx) => (await import('../commands/export.js')).exportCommand(ctx, options)));
  }

  /** Options every view takes: the date to judge by and the two thresholds. */
  const withViewOptions = (command: Command) =>
    command
      .option('--as-of <date>', '按此日期计算（如 2021-10-08、2021/10/8、10月8日、昨天）；缺省为北京时间今天，计划年度及宽限期过后为年底或关闭日')
      .option('--within <days>', '多少个工作日内到期算临期（缺省 10）')
      .option('--stale-days <days>', '持续推进的任务多少天无进展算久未更新（缺省 30）')
      .option('--since <date>', '标出此日期以来有变化的任务（新进展、延期、完成、取消；在 git 中时也比对当时的台账）');

  if (declares('status')) {
    withViewOptions(
      program
        .command('status')
        .description('各部门任务汇总；用 --dept 查看一个部门的任务、角色、状态和时限')
        .option('--dept <name>', '部门名称或别名（如 国际合作司）'),
    )
      .addOption(viewFormat())
      .addOption(outputOption())
      .action(async (options) => run(async (ctx) => VIEW_ACTIONS.status(ctx, options)));
  }

  if (declares('checklist')) {
    withViewOptions(
      program
        .command('checklist')
        .description('生成部门任务清单（Markdown 勾选列表）')
        .option('--dept <name>', '一个部门')
        .option('--all', '全部部门，每个部门一个文件，另加 index.md')
        .option('-o, --output <path>', '写入文件或目录（--all 时为目录）'),
    )
      .addOption(new Option('--format <format>', '输出格式（缺省 md；-o 以 .docx 结尾时为 docx）').choices(['md', 'docx']))
      .action(async (options) => run(async (ctx) => VIEW_ACTIONS.checklist(ctx, options)));
  }

  if (declares('overdue')) {
    withViewOptions(
      program
        .command('overdue')
        .description('逾期、临期和久未更新的任务，按责任单位分组，天数含工作日')
        .option('--dept <name>', '只看一个部门'),
    )
      .option('--fail-on-overdue', '有逾期任务时以退出码 1 结束（供定时任务使用）')
      .addOption(viewFormat())
      .addOption(outputOption())
      .action(async (options) => run(async (ctx) => VIEW_ACTIONS.overdue(ctx, options)));
  }

  if (declares('forms')) {
    withViewOptions(
      program
        .command('forms')
        .description('为每个部门生成一份进展填报表格（Excel），发给联络员填写')
        .requiredOption('-o, --output <dir>', '写入的目录')
        .option('--dept <name>', '只生成一个部门的表格')
        .option('--status', '不生成表格：列出 -o 目录中这一轮表格里尚未交回的部门'),
    ).action(async (options) => run(async (ctx) => (await import('../commands/forms.js')).formsCommand(ctx, options)));
  }

  if (declares('remind')) {
    withViewOptions(
      program
        .command('remind')
        .description('催办：为每个有逾期、临期或久未更新任务的部门生成一份可直接发送的催办通知')
        .option('--dept <name>', '只为一个部门生成'),
    )
      .addOption(new Option('--format <format>', '输出格式（docx 须加 -o 目录）').choices(['text', 'md', 'json', 'docx']).default('text'))
      .option('-o, --output <dir>', '每个部门写一个文件到此目录')
      .action(async (options) => run(async (ctx) => (await import('../commands/remind.js')).remindCommand(ctx, options)));
  }

  if (declares('report')) {
    withViewOptions(
      program
        .command('report')
        .description('给领导看的推进情况报告：一个自带图表、可打印（A4）的 HTML 文件')
        .requiredOption('-o, --output <file>', '写入的 HTML 文件，如 报告.html；--since 时另列此日期以来的每处变化'),
    )
      .addOption(new Option('--format <format>', '输出格式（缺省按 -o 的扩展名：.docx 为 Word 公文，其余为 HTML）').choices(['html', 'docx']))
      .option('--month <month>', '写这个月的调度通报（如 2021-10）：本月完成、新增逾期、延期、未启动、各部门完成度较上月、未报送的部门')
      .option('--until <date>', '与 --since 一起：写这段时间的调度通报').action(async (options) => run(async (ctx) => (await import('../commands/report.js')).reportCommand(ctx, options)));
  }

  if (declares('compare')) {
    program
      .command('compare')
      .description('比较两年（或两份）计划：按任务文字配对（改了措辞、换了编号仍是同一项），列出新增、删去、换了责任部门的任务')
      .argument('<old>', '上一年的台账')
      .argument('<new>', '新的台账')
      .addOption(new Option('--format <format>', '输出格式').choices(['table', 'md', 'json', 'csv']).default('table'))
      .addOption(outputOption())
      .action(async (old, next, options) => run(async (ctx) => (await import('../commands/compare.js')).compareCommand(ctx, old, next, options)));
  }

  if (declares('review')) {
    withViewOptions(
      program
        .command('review')
        .description('年终回头看：逐项核查按期完成、逾期完成（工作日）、延期（几次、理由、批准人）、取消、持续推进、未完成，以及时限之后的变化'),
    )
      .addOption(new Option('--format <format>', '输出格式（xlsx、docx 须加 -o 文件；docx 为 Word 公文，html 为可打印的页面）').choices(['table', 'md', 'json', 'csv', 'xlsx', 'docx', 'html']).default('table'))
      .addOption(outputOption())
      .action(async (options) => run(async (ctx) => (await import('../commands/review.js')).reviewCommand(ctx, options)));
  }

  const commitOption = () => new Option('--commit', '修改后提交到 git（只提交台账）');

  if (declares('collect')) {
    program
      .command('collect')
      .description('收回各部门填好的表格，把状态、完成日期和进展写入台账（每份表格一次修改、一个提交）')
      .argument('<files...>', '填好的表格（.xlsx）')
      .option('--dept <name>', '只收这个部门的表格，别的部门的表格拒绝')
      .option('--on <date>', '进展记录的日期，缺省为北京时间今天')
      .addOption(new Option('--commit', '每份表格写入后提交到 git（作者记为表格中的联系人）'))
      .action(async (files, options) => run(async (ctx) => (await import('../commands/collect.js')).collectCommand(ctx, files, options)));
  }

  if (declares('set')) {
    program
      .command('set')
      .description('修改一项任务的状态、时限、完成日期或群体所指部门，只改动相应的几行')
      .argument('<item>', '任务编号', itemNumber)
      .option('--status <status>', '状态：未启动、推进中、已完成、持续推进、已取消（或 not_started 等）')
      .option('--due <date>', '完成时限，如 2021-12-31、2021/12/31、12月31日')
      .option('--done-on <date>', '完成日期，如 2021-10-20、10月20日、今天')
      .option('--resolve <group=depts>', '群体在本项中指哪些部门，如 各有关司(局)=社会救助司,养老服务司')
      .option('--reason <text>', '取消的理由（--status 已取消 时必填）')
      .option('--approved-by <name>', '批准取消的人')
      .option('--on <date>', '取消日期，缺省为北京时间今天')
      .option('--force', '直接改写已逾期或已延期任务的时限，不留延期记录（一般应使用 postpone）')
      .addOption(commitOption())
      .action(async (item, options) => run(async (ctx) => (await import('../commands/edit.js')).setCommand(ctx, item, options)));
  }

  if (declares('done')) {
    program
      .command('done')
      .description('把一项任务标为已完成')
      .argument('<item>', '任务编号', itemNumber)
      .option('--on <date>', '完成日期，缺省为北京时间今天')
      .addOption(commitOption())
      .action(async (item, options) => run(async (ctx) => (await import('../commands/edit.js')).doneCommand(ctx, item, options)));
  }

  if (declares('postpone')) {
    program
      .command('postpone')
      .description('延期：经批准把时限推后，原时限、理由、批准人记入台账；或驳回部门的延期申请')
      .argument('<item>', '任务编号', itemNumber)
      .option('--to <date>', '新的时限 YYYY-MM-DD（缺省为该项待批准的延期申请所请的日期）')
      .option('--reason <text>', '延期理由（缺省为申请的理由）；驳回时为驳回理由（必填）')
      .option('--approved-by <name>', '批准人')
      .option('--rejected-by <name>', '驳回待批准的延期申请：驳回人（须写 --reason；时限不变）')
      .option('--on <date>', '批准或驳回的日期，缺省为北京时间今天')
      .addOption(commitOption())
      .action(async (item, options) => run(async (ctx) => (await import('../commands/edit.js')).postponeCommand(ctx, item, options)));
  }

  if (declares('note')) {
    program
      .command('note')
      .description('记录一条进展')
      .argument('<item>', '任务编号', itemNumber)
      .argument('<text...>', '进展内容')
      .requiredOption('--dept <name>', '报送部门')
      .option('--on <date>', '日期，缺省为北京时间今天')
      .addOption(commitOption())
      .action(async (item, text, options) => run(async (ctx) => (await import('../commands/edit.js')).noteCommand(ctx, item, text, options)));
  }

  if (declares('log')) {
    program
      .command('log')
      .description('一项任务（或整个台账）的变化历史，从 git 中的各个版本重建')
      .argument('[item]', '任务编号', itemNumber)
      .addOption(new Option('--format <format>', '输出格式').choices(['table', 'json']).default('table'))
      .action(async (item, options) => run(async (ctx) => (await import('../commands/history.js')).logCommand(ctx, item, options)));
  }

  if (declares('diff')) {
    program
      .command('diff')
      .description('两个版本之间台账的实质变化（缺省：HEAD 与工作区）')
      .argument('[revisions...]', '零到两个 git 版本')
      .addOption(new Option('--format <format>', '输出格式').choices(['text', 'json']).default('text'))
      .action(async (revisions, options) => run(async (ctx) => (await import('../commands/history.js')).diffCommand(ctx, revisions, options)));
  }

  if (declares('hook')) {
    program
      .command('hook')
      .description('git 钩子')
      .command('install')
      .description('安装提交前钩子（检查暂存区中的台账）和合并驱动；--server 在裸仓库中安装 pre-receive 钩子')
      .option('--force', '替换已有的 pre-commit 钩子')
      .option('--no-merge-driver', '不配置合并驱动（缺省会配置：git 合并台账时按含义合并）')
      .option('--server', '在共享的裸仓库中安装 pre-receive 钩子：拒绝改了别的部门任务的推送')
      .option('--require-signed', '与 --server 一起用：每个推送的提交都须用部门名录中登记的公钥（signing_keys）签名')
      .action(async (options) => run(async (ctx) => (await import('../commands/hook.js')).hookInstallCommand(ctx, options)));
  }

  if (declares('sync')) {
    program
      .command('sync')
      .description('与共享仓库同步：提交台账的改动，拉取并按含义合并，检查，推送')
      .option('--commit-message <message>', '提交说明（缺省按改动生成）')
      .option('--withdraw-refused', '先撤回推送规则不允许的本地提交（从未推送），其余提交重新放在远端最新版本之后，再同步')
      .action(async (options) => run(async (ctx) => (await import('../commands/sync.js')).syncCommand(ctx, options)));
  }

  if (declares('check-commits')) {
    program
      .command('check-commits')
      .description('核对一段提交：每个提交只改了提交人所在部门可以改的内容（本部门任务的状态、完成日期、进展、延期申请；办公厅不限）；仓库中的每一份台账都核对')
      .argument('[范围]', '提交范围 A..B，或一个提交（它的全部历史）')
      .option('--new-only', '只核对还没有任何分支包含的提交')
      .option('--pre-receive', '从标准输入读「旧 新 引用」（pre-receive 钩子使用）：另外拒绝删除分支、改写历史')
      .option('--require-signed', '每个提交都要用部门名录中登记的公钥（signing_keys）签名')
      .addOption(new Option('--format <format>', '输出格式').choices(['text', 'json']).default('text'))
      .action(async (range, options) => run(async (ctx) => (await import('../commands/check-commits.js')).checkCommitsCommand(ctx, range, options)));
  }

  if (declares('merge-driver')) {
    program
      .command('merge-driver', { hidden: true })
      .description('git 合并驱动（由 gongkai hook install 配置）：按含义合并台账')
      .argument('<base>', '%O：共同祖先版本')
      .argument('<ours>', '%A：本地版本，合并结果写回这里')
      .argument('<theirs>', '%B：对方版本')
      .argument('<path>', '%P：文件在仓库中的路径')
      .argument('[marker-size]', '%L：冲突标记长度')
      .action(async (base, ours, theirs, path, size) =>
        run(async (ctx) => (await import('../commands/merge-driver.js')).mergeDriverCommand(ctx, base, ours, theirs, path, size)),
      );
  }

  if (declares('schema')) {
    program
      .command('schema')
      .description('输出台账或部门名录的 JSON Schema（供编辑器的 YAML 插件补全与检查）')
      .addArgument(new Argument('[which]', '哪一个').choices(['ledger', 'registry']).default('ledger'))
      .action(async (which) => run(async (ctx) => (await import('../commands/schema.js')).schemaCommand(ctx, which)));
  }

  if (declares('completion')) {
    program
      .command('completion')
      .description('输出 shell 补全脚本：补全命令、选项、部门名和任务编号')
      .addArgument(new Argument('<shell>', '哪种 shell').choices(['bash', 'zsh']))
      .action(async (shell: 'bash' | 'zsh') => {
        io.stdout((await import('./completion.js')).completionScript(shell));
      });
  }

  refuseBlankValues(program);
  return program;
}
