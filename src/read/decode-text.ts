import { isUtf8 } from 'node:buffer';

/** How the bytes of a text file were read. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export const ENCODING_LABELS: Readonly<Record<TextEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（带 BOM）',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030',
};

export type DecodeResult = { ok: true; text: string; encoding: TextEncoding } | { ok: false; reason: 'binary' | 'not-utf8'; message: string };

/** C0 controls other than tab, LF, CR and form feed, as bytes read as Latin-1: their presence means binary data. */
const BINARY_BYTE = /[\u0000-\u0008\u000B\u000E-\u001F]/;

/**
 * Valid UTF-8 without a BOM and without binary controls in its first 64 KiB
 * (binary formats show them at once), checked on the bytes without decoding.
 * The controls are looked for by a regular expression over the bytes as Latin-1 (one character a byte):
 * a loop over the bytes in JavaScript was 3 ms of every start.
 */
export function isPlainUtf8(bytes: Uint8Array): boolean {
  // A large file's bytes are asked about by its reader and again by the per-item index: answered once per run.
  const known = plainUtf8.get(bytes);
  if (known !== undefined) return known;
  const plain = checkPlainUtf8(bytes);
  if (bytes.length >= 1 << 20) plainUtf8.set(bytes, plain);
  return plain;
}

/** isPlainUtf8's answers for large files' bytes (never changed once read). */
const plainUtf8 = new WeakMap<Uint8Array, boolean>();

/**
 * Whether the bytes hold a NUL. Buffer's indexOf searches natively (memchr); a Uint8Array's `includes`
 * is V8's element loop, about 170 ms over a 58 MB ledger on its first call against 6 ms.
 */
function hasNul(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0) !== -1;
}

function checkPlainUtf8(bytes: Uint8Array): boolean {
  return plainUtf8Piece(bytes, 0);
}

/** How far into a file binary controls are looked for (isPlainUtf8). */
const HEAD = 65_536;

/**
 * isPlainUtf8 for one piece of a file read a window at a time, standing at `base` in it: the file is plain
 * when every piece is. A piece must end where a character ends (at a line break, say), which every
 * reader of whole lines does.
 */
export function plainUtf8Piece(bytes: Uint8Array, base: number): boolean {
  if ((base === 0 && (bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe)) || hasNul(bytes) || !isUtf8(bytes)) return false;
  if (base >= HEAD) return true;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, HEAD - base));
  return !BINARY_BYTE.test(head.toString('latin1'));
}

/** C0 controls other than tab, LF, CR and form feed: their presence means binary data. */
const BINARY_CONTROL = /[\u0000-\u0008\u000B\u000E-\u001A\u001C-\u001F]/;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function decodeStrict(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Reads bytes as text: UTF-8 (BOM optional, dropped), UTF-16 with a BOM, and,
 * when `allowLegacy`, GB18030 (which includes GBK), common for files saved by
 * Windows offices. A ledger allows UTF-8 only, because gongkai writes it back.
 */
export function decodeText(bytes: Uint8Array, options: { allowLegacy: boolean }): DecodeResult {
  let text: string | undefined;
  let encoding: TextEncoding;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    text = decodeStrict('utf-8', bytes.subarray(3));
    encoding = 'utf-8-bom';
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if (!options.allowLegacy) return { ok: false, reason: 'not-utf8', message: `文件是 ${ENCODING_LABELS[encoding]} 编码，台账须为 UTF-8` };
    text = decodeStrict(encoding, bytes.subarray(2));
  } else if (isUtf8(bytes)) {
    // isUtf8 + toString is several times faster than a fatal TextDecoder on a large ledger.
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    encoding = 'utf-8';
  } else {
    text = undefined;
    encoding = 'utf-8';
    if (text === undefined && !hasNul(bytes)) {
      const legacy = decodeStrict('gb18030', bytes);
      if (legacy !== undefined && !BINARY_CONTROL.test(legacy)) {
        if (!options.allowLegacy) return { ok: false, reason: 'not-utf8', message: '文件不是 UTF-8 编码（看来是 GB18030/GBK），台账须为 UTF-8，请转换后再用' };
        text = legacy;
        encoding = 'gb18030';
      }
    }
  }
  if (text === undefined || BINARY_CONTROL.test(text)) {
    return { ok: false, reason: 'binary', message: '文件不是文本（含有二进制数据）' };
  }
  return { ok: true, text, encoding };
}

const CONFLICT_MARKER = /^(<{7}|={7}|>{7})(?: |$)/m;

/** 1-based line of the first git conflict marker, or 0 when there is none. */
export function conflictMarkerLine(text: string): number {
  const match = CONFLICT_MARKER.exec(text);
  if (!match) return 0;
  let line = 1;
  for (let i = 0; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
