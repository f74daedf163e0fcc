import type { Argument, Command, Option } from 'commander';
import { closestNames } from '../model/closest-names.js';
import { argumentTerm, commandPath, optionTerm } from './help.js';

/**
 * Usage mistakes in the users' words. Commander says only which kind of
 * mistake it met (its documented error codes); what was wrong is found here
 * by reading the arguments against the declared commands and options, so no
 * English message is matched or shown, whatever commander's wording.
 */

interface ReadArguments {
  /** The command the arguments reach (gongkai status …). */
  command: Command;
  /** Words that are not options or option values. */
  operands: string[];
  /** Options as typed, with the value that followed, if any. */
  options: { token: string; name: string; option?: Option; value?: string }[];
}

/** The command and its parents: options of each apply. */
function chain(command: Command): Command[] {
  const out: Command[] = [];
  for (let c: Command | null = command; c; c = c.parent) out.push(c);
  return out;
}

function findOption(command: Command, name: string): Option | undefined {
  for (const c of chain(command)) {
    const found = c.options.find((o) => o.long === name || o.short === name || (o.negate && o.long === name));
    if (found) return found;
  }
  return undefined;
}

const takesValue = (option: Option) => option.required || option.optional;

/** Reads the arguments the way commander does, closely enough to point at the mistake. */
export function readArguments(program: Command, argv: readonly string[]): ReadArguments {
  let command = program;
  const operands: string[] = [];
  const options: ReadArguments['options'] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (token.startsWith('-') && token !== '-') {
      const equals = token.indexOf('=');
      const name = equals > 0 ? token.slice(0, equals) : token;
      const option = findOption(command, name);
      let value = equals > 0 ? token.slice(equals + 1) : undefined;
      if (option && takesValue(option) && value === undefined && i + 1 < argv.length && !(option.optional && argv[i + 1]!.startsWith('-'))) {
        if (!argv[i + 1]!.startsWith('-') || option.required) value = argv[++i];
      }
      options.push({ token, name, option, value });
      continue;
    }
    const sub = operands.length === 0 ? command.commands.find((c) => c.name() === token || c.aliases().includes(token)) : undefined;
    if (sub) command = sub;
    else operands.push(token);
  }
  return { command, operands, options };
}

const quote = (names: readonly string[]) => names.map((n) => `「${n}」`).join('、');
const suggest = (wanted: string, candidates: Iterable<string>) => {
  const close = closestNames(wanted, candidates);
  return close.length ? `；是否是${quote(close)}？` : '';
};

function argumentLabel(argument: Argument): string {
  return `${argumentTerm(argument)}${argument.description ? `（${argument.description}）` : ''}`;
}

/** The message for one of commander's usage error codes, from the arguments themselves. */
export function usageMessage(code: string, program: Command, argv: readonly string[]): string {
  const { command, operands, options } = readArguments(program, argv);
  const path = commandPath(command);
  const where = path ? `${path} 命令` : 'gongkai';
  switch (code) {
    case 'commander.unknownOption': {
      const unknown = options.find((o) => !o.option);
      const flags = chain(command).flatMap((c) => c.options.flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f))));
      return unknown ? `${where}没有选项「${unknown.name}」${suggest(unknown.name, [...flags, '--help'])}` : `${where}有不认识的选项`;
    }
    case 'commander.unknownCommand': {
      const name = operands[0] ?? '';
      return `没有命令「${name}」${suggest(name, command.commands.map((c) => c.name()))}`;
    }
    case 'commander.missingArgument': {
      const missing = command.registeredArguments.find((a, i) => a.required && i >= operands.length);
      return missing ? `${where}缺少参数 ${argumentLabel(missing)}` : `${where}缺少参数`;
    }
    case 'commander.optionMissingArgument': {
      const bare = options.find((o) => o.option && o.option.required && o.value === undefined);
      return bare?.option ? `选项 ${bare.name} 缺少值：${optionTerm(bare.option)}` : '选项缺少值';
    }
    case 'commander.missingMandatoryOptionValue': {
      const given = new Set(options.map((o) => o.option));
      const missing = command.options.find((o) => o.mandatory && !given.has(o));
      return missing ? `${where}必须给出选项 ${optionTerm(missing)}（${missing.description}）` : `${where}缺少必需的选项`;
    }
    case 'commander.invalidArgument': {
      const badOption = options.find((o) => o.option?.argChoices && o.value !== undefined && !o.option.argChoices.includes(o.value));
      if (badOption?.option?.argChoices) {
        return `选项 ${badOption.name} 不能是「${badOption.value}」，可选：${badOption.option.argChoices.join('、')}${suggest(badOption.value!, badOption.option.argChoices)}`;
      }
      const index = command.registeredArguments.findIndex((a, i) => a.argChoices && operands[i] !== undefined && !a.argChoices.includes(operands[i]!));
      const argument = command.registeredArguments[index];
      if (argument?.argChoices) return `${argumentTerm(argument)} 不能是「${operands[index]}」，可选：${argument.argChoices.join('、')}`;
      const blank = options.find((o) => o.option && !o.option.argChoices && o.value !== undefined && !o.value.trim());
      if (blank?.option) return `选项 ${blank.name} 的值是空的：${optionTerm(blank.option)}`;
      return `${where}的参数取值不对`;
    }
    case 'commander.excessArguments': {
      const expected = command.registeredArguments.length;
      const extra = operands.slice(expected);
      return `${where}${expected ? `最多接受 ${expected} 个参数` : '不接受参数'}，多出了${quote(extra)}`;
    }
    case 'commander.conflictingOption':
      return `${where}的这几个选项不能同时使用：${options.map((o) => o.name).join(' ')}`;
    default:
      return `${where}的用法不对`;
  }
}
