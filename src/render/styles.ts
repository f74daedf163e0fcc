import { Chalk } from 'chalk';

/** The few styles gongkai uses; all identity functions when colour is off. */
export interface Styles {
  error(text: string): string;
  warning(text: string): string;
  ok(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

/** Styles for a stream: coloured only when `color` is true. */
export function makeStyles(color: boolean): Styles {
  if (!color) {
    const plain = (text: string) => text;
    return { error: plain, warning: plain, ok: plain, bold: plain, dim: plain };
  }
  const chalk = new Chalk({ level: 1 });
  return { error: chalk.red, warning: chalk.yellow, ok: chalk.green, bold: chalk.bold, dim: chalk.dim };
}
