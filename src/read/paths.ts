import { isAbsolute, relative } from 'node:path';

/** An absolute path as the user would like to see it: relative to the working folder when inside it. */
export function displayPath(absolute: string): string {
  const shown = relative(process.cwd(), absolute);
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : absolute;
}
