import type { Argument, Command, Help, Option } from 'commander';
import { NARROW } from '../render/text-width.js';
import { HELP_EXAMPLES } from './help-examples.js';

/**
 * Help in Chinese, laid out by display width (a Chinese character takes two
 * columns; commander counts one and lets the terminal split 养|老服务司).
 * Built from commander's public help lists (visibleOptions, visibleCommands …),
 * so every command, including ones added later, gets the same layout: usage,
 * arguments, options, the global options, and examples.
 */

/** Placeholders as they read in help: --ledger <文件>, set <编号>. Names not listed stay as declared. */
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  file: '文件',
  files: '文件',
  path: '路径',
  name: '名称',
  dept: '部门',
  date: '日期',
  days: '天数',
  format: '格式',
  status: '状态',
  item: '编号',
  text: '内容',
  notice: '通知文件',
  revisions: '版本',
  revision: '版本',
  which: '哪一个',
  command: '命令',
  shell: 'shell',
  'group=depts': '群体=部门',
  n: '数目',
  dir: '目录',
};

const translatePlaceholder = (name: string) => PLACEHOLDERS[name] ?? name;

/** `--ledger <file>` → `--ledger <文件>` */
export function optionTerm(option: Option): string {
  return option.flags.replace(/([<[])([^>\]]+?)(\.\.\.)?([>\]])/g, (_, open: string, name: string, dots: string | undefined, close: string) => `${open}${translatePlaceholder(name)}${dots ?? ''}${close}`);
}

/** `<编号>`, `[版本...]` */
export function argumentTerm(argument: Argument): string {
  const name = translatePlaceholder(argument.name()) + (argument.variadic ? '...' : '');
  return argument.required ? `<${name}>` : `[${name}]`;
}

function optionDescription(option: Option): string {
  const extras: string[] = [];
  if (option.argChoices) extras.push(`可选：${option.argChoices.join('、')}`);
  if (option.defaultValue !== undefined && typeof option.defaultValue !== 'boolean' && !option.negate) extras.push(`缺省：${option.defaultValueDescription ?? String(option.defaultValue)}`);
  if (option.mandatory) extras.push('必须给出');
  return withExtras(option.description, extras);
}

/** 输出格式（xlsx 须加 -o 文件；可选：…；缺省：…）: one parenthesis, not two. */
function withExtras(description: string, extras: string[]): string {
  if (!extras.length) return description;
  return description.endsWith('）') ? `${description.slice(0, -1)}；${extras.join('；')}）` : `${description}（${extras.join('；')}）`;
}

function argumentDescription(argument: Argument): string {
  const extras: string[] = [];
  if (argument.argChoices) extras.push(`可选：${argument.argChoices.join('、')}`);
  if (argument.defaultValue !== undefined) extras.push(`缺省：${String(argument.defaultValue)}`);
  return withExtras(argument.description, extras);
}

/** The command's words after gongkai: 'status', 'hook install'; '' for gongkai itself. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Two columns: terms, then descriptions wrapped beside them; a long term puts its description on the next line. */
function twoColumns(rows: [string, string][], width: number): string[] {
  const termWidth = Math.min(26, Math.max(...rows.map(([term]) => NARROW.of(term))));
  const descriptionAt = 2 + termWidth + 2;
  const room = Math.max(20, width - descriptionAt);
  return rows.flatMap(([term, description]) => {
    const text = NARROW.wrap(description, room);
    const first = NARROW.of(term) <= termWidth ? [`  ${NARROW.pad(term, termWidth)}  ${text.shift() ?? ''}`.trimEnd()] : [`  ${term}`];
    return [...first, ...text.map((line) => ' '.repeat(descriptionAt) + line)];
  });
}

function section(title: string, lines: string[]): string[] {
  return lines.length ? ['', `${title}：`, ...lines] : [];
}

/** The whole help text of a command, `width` columns wide. */
export function formatHelp(command: Command, helper: Help, width: number): string {
  const path = commandPath(command);
  const subcommands = helper.visibleCommands(command);
  const args = helper.visibleArguments(command);
  const options = helper.visibleOptions(command);
  const globals = command.parent ? helper.visibleGlobalOptions(command) : [];
  const usage = ['gongkai', path, command.parent ? '' : '[全局选项]', subcommands.length ? '<命令>' : '', options.length ? '[选项]' : '', ...args.map(argumentTerm)]
    .filter(Boolean)
    .join(' ');
  const lines = [
    ...NARROW.wrap(`用法：${usage}`, width, '      '),
    '',
    ...NARROW.wrap(command.description(), width),
    ...section('参数', twoColumns(args.map((a) => [argumentTerm(a), argumentDescription(a)]), width)),
    ...section(
      '命令',
      twoColumns(
        subcommands.map((c) => [[c.name(), ...c.registeredArguments.map(argumentTerm)].join(' '), c.summary() || c.description()]),
        width,
      ),
    ),
    ...section(command.parent ? '选项' : '全局选项', twoColumns(options.map((o) => [optionTerm(o), optionDescription(o)]), width)),
    ...section('全局选项（每个命令都可用）', twoColumns(globals.map((o) => [optionTerm(o), optionDescription(o)]), width)),
    ...section(
      '示例',
      (HELP_EXAMPLES[path] ?? []).flatMap((example) => NARROW.wrap(`  ${example}`, width, '    ')),
    ),
  ];
  if (subcommands.length) lines.push('', ...NARROW.wrap(`每个命令的用法：gongkai ${path ? `${path} ` : ''}<命令> --help${path ? '' : '，或 gongkai help <命令>'}`, width));
  return lines.join('\n') + '\n';
}
