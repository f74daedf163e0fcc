import { inflateRawSync } from 'node:zlib';
import { Parser } from 'htmlparser2';

/**
 * The most any reader of a notice or a returned form will take on. A real
 * 通知 or form is far below each; a file above one is refused before the
 * library that would build it in memory sees it, so a small hostile file
 * (a zip bomb, a sheet that claims the last cell, markup nested 200,000 deep)
 * costs at most the work up to the limit.
 */
export const READ_LIMITS = {
  /** Bytes decompressed from a .docx/.xlsx, all parts together. */
  unzippedBytes: 32 * 1024 * 1024,
  /** Parts in one zip. */
  zipEntries: 2_000,
  /** Elements open at once in XML or HTML. */
  markupDepth: 256,
  /** Rows and columns a worksheet may reach (its cells' addresses and its declared dimension). */
  sheetRows: 100_000,
  /** Excel's own last column (XFD); gnumeric writes styled empty cells out to it. */
  sheetColumns: 16_384,
  /** Rows × columns of one worksheet's extent: what a reader walking it row by row would visit. */
  sheetExtent: 20_000_000,
  /** Cells written in all worksheets together. */
  sheetCells: 1_000_000,
  /** Time spent checking one file, in milliseconds. */
  milliseconds: 20_000,
} as const;

/** A limit a file went past: which, and a message for the user naming it. */
export interface OverBudget {
  limit: keyof typeof READ_LIMITS;
  message: string;
}

class Exceeded extends Error {
  constructor(readonly over: OverBudget) {
    super(over.message);
  }
}

const MB = 1024 * 1024;
const fail = (limit: keyof typeof READ_LIMITS, message: string): never => {
  throw new Exceeded({ limit, message });
};

/** A deadline for one file's checks; CPU time of this process, so a busy machine does not refuse a file. */
function deadline(): () => void {
  const start = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1000 > READ_LIMITS.milliseconds) fail('milliseconds', `读取超过了 ${READ_LIMITS.milliseconds / 1000} 秒的处理时间上限，文件过于复杂，未读取`);
  };
}

/** Counts nesting in XML or HTML fed in chunks; refuses past the depth limit. */
function depthCounter(xmlMode: boolean, what: string) {
  let depth = 0;
  const parser = new Parser(
    {
      onopentag() {
        if (++depth > READ_LIMITS.markupDepth) fail('markupDepth', `${what}的标记嵌套超过 ${READ_LIMITS.markupDepth} 层（上限），文件不像正常的文档，未读取`);
      },
      onclosetag() {
        depth--;
      },
    },
    { xmlMode, recognizeSelfClosing: true },
  );
  return { write: (text: string) => parser.write(text), end: () => parser.end() };
}

/** Column letters → number (A = 1, XFD = 16384). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Watches a worksheet's XML for its declared dimension and its cells' addresses. */
function sheetWatcher(name: string, cells: { count: number }) {
  let tail = '';
  let rows = 0;
  let columns = 0;
  const check = (ref: string) => {
    const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
    if (!m) return;
    rows = Math.max(rows, Number(m[2]));
    columns = Math.max(columns, columnNumber(m[1]!));
    if (rows > READ_LIMITS.sheetRows) fail('sheetRows', `工作表 ${name} 用到第 ${m[2]} 行，超过 ${READ_LIMITS.sheetRows} 行的上限，未读取`);
    if (columns > READ_LIMITS.sheetColumns) fail('sheetColumns', `工作表 ${name} 用到 ${m[1]} 列，超过 ${READ_LIMITS.sheetColumns} 列的上限，未读取`);
    if (rows * columns > READ_LIMITS.sheetExtent) fail('sheetExtent', `工作表 ${name} 的范围（${rows} 行 × ${columns} 列）超过 ${READ_LIMITS.sheetExtent} 个单元格的上限，未读取`);
  };
  return (text: string) => {
    // A tag may straddle chunks: read up to the last complete tag, keep the rest for the next chunk.
    const chunk = tail + text;
    const end = chunk.lastIndexOf('>') + 1;
    // A declared <dimension> is only a claim (gnumeric declares A1:XFD14): the rows' and cells' own addresses count.
    for (const m of chunk.slice(0, end).matchAll(/<(?:\w+:)?(c|row)\s[^>]*?\br="([^"]*)"/g)) {
      if (m[1] === 'row') check(`A${m[2]}`);
      else if (++cells.count > READ_LIMITS.sheetCells) fail('sheetCells', `工作表中的单元格超过 ${READ_LIMITS.sheetCells} 个（上限），未读取`);
      else check(m[2]!);
    }
    tail = chunk.slice(end).slice(-4096);
  };
}

/** A part of a zip as its central directory describes it. */
interface ZipPart {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The central directory of a zip (ZIP64 sizes and offsets included); undefined when it cannot be found or is damaged. */
function zipParts(bytes: Buffer): ZipPart[] | undefined {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= min; at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const parts: ZipPart[] = [];
  let at = bytes.readUInt32LE(end + 16);
  const count = bytes.readUInt16LE(end + 10);
  for (let i = 0; (i < count || count === 0xffff) && at + 46 <= bytes.length && bytes.readUInt32LE(at) === 0x02014b50; i++) {
    if (parts.length >= READ_LIMITS.zipEntries) fail('zipEntries', `压缩包中的部件超过 ${READ_LIMITS.zipEntries} 个（上限），未读取`);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    let compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    let localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    // ZIP64: the real values are in the extra field, in this order, for the fields that say 0xffffffff.
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = bytes.readUInt16LE(e);
      const length = bytes.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let f = e + 4;
        if (size === 0xffffffff) f += 8;
        if (compressedSize === 0xffffffff) (compressedSize = Number(bytes.readBigUInt64LE(f))), (f += 8);
        if (localOffset === 0xffffffff) localOffset = Number(bytes.readBigUInt64LE(f));
      }
      e += 4 + length;
    }
    parts.push({ name, method: bytes.readUInt16LE(at + 10), compressedSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

/** A part's bytes, inflated by zlib with a hard ceiling on what it may produce. */
function partBytes(bytes: Buffer, part: ZipPart, ceiling: number): Buffer | undefined {
  const local = part.localOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) return undefined;
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const data = bytes.subarray(start, Math.min(bytes.length, start + part.compressedSize));
  if (part.method === 0) {
    if (data.length > ceiling) fail('unzippedBytes', `解压后超过 ${READ_LIMITS.unzippedBytes / MB} MB（上限），未读取`);
    return data;
  }
  if (part.method !== 8) return undefined;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, ceiling) });
  } catch (cause) {
    if ((cause as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') fail('unzippedBytes', `解压后超过 ${READ_LIMITS.unzippedBytes / MB} MB（上限），可能是压缩炸弹，未读取`);
    return undefined; // Damaged: the reader reports it in its own words.
  }
}

/**
 * Checks a .docx/.xlsx (any zip) against the budget before a library builds
 * it in memory: every part inflated with a ceiling on the bytes left (zlib
 * stops at the ceiling, so a bomb costs at most the budget), XML parts'
 * nesting and worksheets' extent and cells counted. Undefined when within
 * every limit (or when the zip is damaged, which its reader reports);
 * otherwise the first limit reached.
 */
export function zipOverBudget(input: Uint8Array): OverBudget | undefined {
  const tick = deadline();
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  let left = READ_LIMITS.unzippedBytes;
  const cells = { count: 0 };
  try {
    for (const part of zipParts(bytes) ?? []) {
      tick();
      const data = partBytes(bytes, part, left);
      if (!data) continue;
      left -= data.length;
      if (!/\.(xml|rels|vml)$/i.test(part.name)) continue;
      const text = data.toString('utf8');
      const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(part.name) ? sheetWatcher(part.name.replace(/^xl\/worksheets\/|\.xml$/gi, ''), cells) : undefined;
      const depth = depthCounter(true, part.name);
      const step = 256 * 1024;
      for (let at = 0; at < text.length; at += step) {
        tick();
        const chunk = text.slice(at, at + step);
        sheet?.(chunk);
        depth.write(chunk);
      }
      depth.end();
    }
  } catch (cause) {
    if (cause instanceof Exceeded) return cause.over;
    return undefined; // A damaged zip is its reader's to report, in its own words.
  }
  return undefined;
}

/** Checks markup (a web page) for nesting deeper than the budget, within the time budget. */
export function markupOverBudget(text: string, what = '网页'): OverBudget | undefined {
  const tick = deadline();
  try {
    const depth = depthCounter(false, what);
    const step = 64 * 1024;
    for (let at = 0; at < text.length; at += step) {
      tick();
      depth.write(text.slice(at, at + step));
    }
    depth.end();
  } catch (cause) {
    if (cause instanceof Exceeded) return cause.over;
    throw cause;
  }
  return undefined;
}
