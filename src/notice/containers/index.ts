import { unzipSync } from 'fflate';
import type { DiagnosticCode } from '../../diagnostic.js';
import { decodeText, ENCODING_LABELS } from '../../read/decode-text.js';
import { markupOverBudget, zipOverBudget } from '../../read/budget.js';
import type { NoticeDocument } from '../blocks.js';
import { docxBlocks, isDocx } from './docx.js';
import { htmlDocument } from './html.js';
import { textBlocks, unreadPdfTable } from './text.js';
import { xlsxBlocks } from './xlsx.js';

export type ContainerResult = { ok: true; document: NoticeDocument } | { ok: false; code: DiagnosticCode; message: string };

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Formats that cannot be read, with how to convert them. */
const CONVERT = {
  ole: '这是旧版 Word/WPS/Excel 文件（.doc、.wps、.xls、.et），不能直接读取。请在 Word 或 WPS 中「另存为」.docx（表格另存为 .xlsx），或运行 `libreoffice --headless --convert-to docx 文件名`，再导入转换后的文件',
  pdf: '这是 PDF 文件，不能直接读取。请用 `pdftotext -layout 文件.pdf 文件.txt`（poppler-utils）转成文本，或在 WPS/Word 中打开后另存为 .docx，再导入',
  tornTable: '这像是 PDF 里的任务分工表用 pdftotext 转出的文本（没有加 -layout）：表格被拆成一行一格、一列接一列，哪些字属于同一行已经无法确定。请用 `pdftotext -layout 文件.pdf 文件.txt` 重新转换，或在 WPS/Word 中打开 PDF 后另存为 .docx，再导入',
  laidOutTable: '这像是按空格排列的任务分工表（PDF 用 pdftotext -layout 转出的文本），但表头或各行的序号读不出，无法确定各列和各行。请在 WPS/Word 中打开 PDF 后另存为 .docx 再导入，或把表格复制到 Excel 另存为 .xlsx',
  rtf: '这是 RTF 文件，不能直接读取。请在 Word 或 WPS 中「另存为」.docx，或运行 `libreoffice --headless --convert-to docx 文件名`，再导入',
  zip: '这是压缩文件，但不是 Word（.docx）或 Excel（.xlsx）文档；请解压后导入其中的通知',
};

/** Looks like a web page: markup at the start, or <html>/<body>/<table> tags. */
function isHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart();
  return /^<(!doctype html|html|head|body|meta|div|table|p[\s>]|!--)/i.test(head) || /<(html|body)[\s>]/i.test(head);
}

/**
 * Bytes of a notice → blocks, the container recognised by content (not by the
 * file's extension): zip with word/document.xml is Word, with xl/workbook.xml
 * Excel; text that starts with markup is a web page; any other text is text.
 */
export async function readContainer(bytes: Uint8Array): Promise<ContainerResult> {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names: string[] = [];
    try {
      unzipSync(bytes, { filter: (file) => (names.push(file.name), false) });
    } catch {
      return { ok: false, code: 'BAD_ZIP', message: '文件像是 Word/Excel 文档，但已损坏，无法解压' };
    }
    const over = zipOverBudget(bytes);
    if (over) return { ok: false, code: 'FILE_TOO_LARGE', message: over.message };
    if (isDocx(names)) return { ok: true, document: { formatLabel: 'Word 文档', lineWord: '段', blocks: docxBlocks(bytes) } };
    if (names.includes('xl/workbook.xml')) return { ok: true, document: { formatLabel: 'Excel 工作簿', lineWord: '行', blocks: await xlsxBlocks(bytes) } };
    return { ok: false, code: 'UNSUPPORTED_FORMAT', message: CONVERT.zip };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { ok: false, code: 'UNSUPPORTED_FORMAT', message: CONVERT.ole };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { ok: false, code: 'UNSUPPORTED_FORMAT', message: CONVERT.pdf };
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { ok: false, code: 'UNSUPPORTED_FORMAT', message: CONVERT.rtf };
  const decoded = decodeText(bytes, { allowLegacy: true });
  if (!decoded.ok) return { ok: false, code: decoded.reason === 'binary' ? 'NOT_TEXT' : 'NOT_UTF8', message: decoded.message };
  const encoding = ENCODING_LABELS[decoded.encoding];
  const overDepth = isHtml(decoded.text) ? markupOverBudget(decoded.text) : undefined;
  if (overDepth) return { ok: false, code: 'FILE_TOO_LARGE', message: overDepth.message };
  if (isHtml(decoded.text)) return { ok: true, document: { formatLabel: `网页，${encoding}`, lineWord: '段', ...htmlDocument(decoded.text) } };
  const unread = unreadPdfTable(decoded.text);
  if (unread) return { ok: false, code: 'UNSUPPORTED_FORMAT', message: unread === 'torn' ? CONVERT.tornTable : CONVERT.laidOutTable };
  return { ok: true, document: { formatLabel: encoding, lineWord: '行', blocks: textBlocks(decoded.text) } };
}
