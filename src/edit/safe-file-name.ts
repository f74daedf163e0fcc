import { resolve, sep } from 'node:path';

/** A file name made from a department name that cannot leave its folder or confuse a file system. */
export function safeFileName(name: string, extension: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^[.\s]+/, '_')
    .replace(/[.\s]+$/, '')
    .slice(0, 100);
  return `${cleaned || '_'}${extension}`;
}

/** `folder/name`, refusing any name that would resolve outside `folder`. */
export function pathInside(folder: string, name: string): string {
  const root = resolve(folder);
  const target = resolve(root, name);
  if (!target.startsWith(root + sep)) throw new Error(`「${name}」会写到 ${folder} 之外，已拒绝`);
  return target;
}
