import { readFileSync, statSync } from 'node:fs';
import { error, type Diagnostic } from '../diagnostic.js';
import { decodeText, type TextEncoding } from './decode-text.js';

export type TextFile = { text: string; bytes: Buffer; encoding: TextEncoding; diagnostics: [] } | { text?: undefined; diagnostics: Diagnostic[] };

/** Reads a whole file (or stdin for `-`) as text; problems come back as diagnostics, never thrown. */
export function readTextFile(file: string, options: { allowLegacy: boolean; stdin?: () => Buffer; override?: (file: string) => Buffer | undefined }): TextFile {
  let bytes: Buffer;
  try {
    const given = options.override?.(file);
    if (given) {
      bytes = given;
    } else if (file === '-') {
      bytes = options.stdin ? options.stdin() : readFileSync(0);
    } else {
      if (statSync(file).isDirectory()) return { diagnostics: [error('NOT_A_FILE', '这是一个目录，不是文件', { file })] };
      bytes = readFileSync(file);
    }
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : `无法读取（${code ?? String(cause)}）`;
    return { diagnostics: [error(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'NOT_A_FILE', message, { file })] };
  }
  const decoded = decodeText(bytes, options);
  if (!decoded.ok) return { diagnostics: [error(decoded.reason === 'binary' ? 'NOT_TEXT' : 'NOT_UTF8', decoded.message, { file, line: 1, col: 1 })] };
  return { text: decoded.text, bytes, encoding: decoded.encoding, diagnostics: [] };
}
