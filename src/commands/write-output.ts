import { resolve } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { UserError } from '../errors.js';
import { info } from '../diagnostic.js';
import { writeFileAtomic } from '../edit/write-file-atomic.js';
import { FILE_FORMATS, fileFormatsFor, renderFile, type FileFormatName, type Renderable, type ViewKind } from '../render/formats.js';

/** A file or folder the user named, as a path: relative names start from the run's folder (Io's cwd), never the process's. */
export function inRunFolder(ctx: CommandContext, path: string): string {
  return resolve(ctx.io.cwd, path);
}

/** Writes bytes to the file named by -o, atomically; says where on stderr. */
export function writeOutputFile(ctx: CommandContext, file: string, bytes: Uint8Array | string, what: string): void {
  try {
    writeFileAtomic(inRunFolder(ctx, file), bytes);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EISDIR' || code === 'EROFS') throw new UserError('OUTPUT_NOT_WRITABLE', `无法写入 ${file}（${code}）`);
    throw cause;
  }
  // The name and the description may come from ledger data: no escape sequence or bell reaches the terminal.
  ctx.tell(info('FILE_WRITTEN', `已写入 ${file}（${what}）`));
}

/**
 * Writes a view in a file format (xlsx, docx) to the -o file. The format's
 * module, and its library, is loaded only here, so other commands never pay for it.
 */
export async function writeRendered<K extends ViewKind>(ctx: CommandContext, format: FileFormatName, view: K, data: Renderable[K], output: string | undefined): Promise<void> {
  const { extension, what } = FILE_FORMATS[format];
  if (!output) throw new UserError('OUTPUT_REQUIRED', `--format ${format} 须用 -o 指定要写入的文件，如 -o 台账${extension}`);
  writeOutputFile(ctx, output, await renderedBytes(format, view, data), what);
}

/** The bytes of a view in a file format; a format that does not render the view is the user's to change. */
export async function renderedBytes<K extends ViewKind>(format: FileFormatName, view: K, data: Renderable[K]): Promise<Uint8Array> {
  const bytes = await renderFile(format, view, data);
  if (!bytes) throw new UserError('OPTION_INVALID', `这个命令不能输出 ${format}；可用：${fileFormatsFor(view).join('、') || '无'}`);
  return bytes;
}
