import { resolve, sep } from 'node:path';

/** Names Windows reserves for devices, with or without an extension (CON, nul.txt, LPT1.md). */
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * A file name made from a department name that cannot leave its folder,
 * confuse a file system or disguise itself: path and shell-special characters
 * and controls become `_`, invisible format characters (bidi overrides such as
 * U+202E, zero-width spaces) are dropped, and a name Windows reserves gets `_` in front.
 */
export function safeFileName(name: string, extension: string): string {
  let cleaned = name
    .normalize('NFC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]/g, '_')
    .replace(/^[.\s]+/, '_')
    .replace(/[.\s]+$/, '')
    .slice(0, 100);
  if (WINDOWS_DEVICES.test(cleaned) || WINDOWS_DEVICES.test(cleaned + extension)) cleaned = `_${cleaned}`;
  return `${cleaned || '_'}${extension}`;
}

/** `folder/name` (folder absolute, or relative to `cwd`), refusing any name that would resolve outside `folder`. */
export function pathInside(folder: string, name: string, cwd: string): string {
  const root = resolve(cwd, folder);
  const target = resolve(root, name);
  if (!target.startsWith(root + sep)) throw new Error(`「${name}」会写到 ${folder} 之外，已拒绝`);
  return target;
}
