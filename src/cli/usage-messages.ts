/** Commander's usage errors (English) in the users' words; anything not recognised passes through. */
const TRANSLATIONS: readonly [RegExp, (...groups: string[]) => string][] = [
  [/^error: unknown option '([^']*)'/, (flag) => `错误：没有选项「${flag}」`],
  [/^error: unknown command '([^']*)'/, (name) => `错误：没有命令「${name}」`],
  [/^error: missing required argument '([^']*)'/, (name) => `错误：缺少参数 ${name}`],
  [/^error: option '([^']*)' argument missing/, (flags) => `错误：选项 ${flags} 缺少值`],
  [/^error: required option '([^']*)' not specified/, (flags) => `错误：必须给出选项 ${flags}`],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./, (flags, value, choices) => `错误：选项 ${flags} 不能是「${value}」，可选：${choices}`],
  [/^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\. Allowed choices are (.*)\./, (value, name, choices) => `错误：${name} 不能是「${value}」，可选：${choices}`],
  [/^error: too many arguments.*/, () => '错误：参数过多'],
];

/** Translates one of commander's error messages; the "(Did you mean …?)" hint too. */
export function translateUsageError(message: string): string {
  let out = message;
  for (const [pattern, render] of TRANSLATIONS) {
    const match = pattern.exec(out);
    if (match) {
      out = out.replace(pattern, render(...match.slice(1)));
      break;
    }
  }
  return out.replace(/\(Did you mean (.+)\?\)/, '（是否是 $1？）');
}
