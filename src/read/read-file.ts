import { resolve } from 'node:path';
import { FileRefused, readRegularFile } from './read-regular-file.js';
import { error, type Diagnostic } from '../diagnostic.js';
import { decodeText, isPlainUtf8, type TextEncoding } from './decode-text.js';

export type TextFile = { text: string; bytes: Buffer; encoding: TextEncoding; diagnostics: [] } | { text?: undefined; diagnostics: Diagnostic[] };

export type SourceFile = { bytes: Buffer; encoding: TextEncoding; text: () => string; diagnostics: [] } | { bytes?: undefined; diagnostics: Diagnostic[] };

interface ReadOptions {
  allowLegacy: boolean;
  /** The working folder a relative name starts from (Io's, never the process's). */
  cwd: string;
  /** The most bytes the file may have; the reader's default when not given. */
  maxBytes?: number;
  /** Standard input, read only for `-`; without it `-` cannot be read. */
  stdin?: () => Buffer;
  override?: (file: string) => Buffer | undefined;
}

/** Reads a whole file (or stdin for `-`) as text; problems come back as diagnostics, never thrown. */
export function readTextFile(file: string, options: ReadOptions): TextFile {
  const source = readSourceFile(file, options);
  if (source.bytes === undefined) return source;
  return { text: source.text(), bytes: source.bytes, encoding: source.encoding, diagnostics: [] };
}

/** Reads a file's bytes (or stdin for `-`); problems come back as diagnostics, never thrown. */
export function readFileBytes(file: string, options: Omit<ReadOptions, 'allowLegacy'>): { bytes: Buffer; diagnostics: [] } | { bytes?: undefined; diagnostics: Diagnostic[] } {
  try {
    const given = options.override?.(file);
    if (given) return { bytes: given, diagnostics: [] };
    if (file === '-') {
      if (options.stdin) return { bytes: options.stdin(), diagnostics: [] };
      return { diagnostics: [error('NOT_A_FILE', '这里不能读取标准输入（-）', { file })] };
    }
    return { bytes: readRegularFile(resolve(options.cwd, file), options.maxBytes), diagnostics: [] };
  } catch (cause) {
    if (cause instanceof FileRefused) return { diagnostics: [error(cause.code, cause.message, { file })] };
    const code = (cause as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : `无法读取（${code ?? String(cause)}）`;
    return { diagnostics: [error(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'NOT_A_FILE', message, { file })] };
  }
}

/** Like readTextFile, but a plain UTF-8 file is checked now and decoded only when its text is asked for. */
export function readSourceFile(file: string, options: ReadOptions): SourceFile {
  const read = readFileBytes(file, options);
  if (read.bytes === undefined) return read;
  const bytes = read.bytes;
  if (isPlainUtf8(bytes)) {
    const decodedBytes = bytes;
    return { bytes, encoding: 'utf-8', text: () => decodedBytes.toString('utf8'), diagnostics: [] };
  }
  const decoded = decodeText(bytes, options);
  if (!decoded.ok) return { diagnostics: [error(decoded.reason === 'binary' ? 'NOT_TEXT' : 'NOT_UTF8', decoded.message, { file, line: 1, col: 1 })] };
  const text = decoded.text;
  return { bytes, encoding: decoded.encoding, text: () => text, diagnostics: [] };
}
