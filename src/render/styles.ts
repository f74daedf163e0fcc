
/** The few styles gongkai uses; all identity functions when colour is off. */
export interface Styles {
  error(text: string): string;
  warning(text: string): string;
  ok(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const plain = (text: string) => text;

/** Styles that add nothing: output that is not a terminal, or NO_COLOR. */
export const PLAIN_STYLES: Styles = { error: plain, warning: plain, ok: plain, bold: plain, dim: plain };

/** Styles for a stream: coloured only when `color` is true (chalk is loaded only then). */
export async function makeStyles(color: boolean): Promise<Styles> {
  if (!color) return PLAIN_STYLES;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { error: chalk.red, warning: chalk.yellow, ok: chalk.green, bold: chalk.bold, dim: chalk.dim };
}
