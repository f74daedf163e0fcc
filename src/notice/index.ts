import type { DiagnosticCode } from '../diagnostic.js';
import type { Place } from './blocks.js';
import { readContainer } from './containers/index.js';
import type { Notice } from './notice.js';
import { readNoticeDocument, type ReadOptions } from './read-notice.js';

export type { Notice, NoticeItem } from './notice.js';
export { draftFromNotice, registryFromNotice, unknownNames } from './draft.js';

export type NoticeRead = { ok: true; notice: Notice; formatLabel: string; lineWord: '行' | '段' } | { ok: false; code: DiagnosticCode; message: string };

/**
 * The notice pipeline: bytes → container (txt, docx, xlsx, html, recognised by
 * content) → blocks → structure recognisers → units → clause grammar.
 */
export async function readNoticeBytes(bytes: Uint8Array, options: ReadOptions = {}): Promise<NoticeRead> {
  const container = await readContainer(bytes);
  if (!container.ok) return container;
  const { document } = container;
  return { ok: true, notice: readNoticeDocument(document, options), formatLabel: document.formatLabel, lineWord: document.lineWord };
}

/** `notice.txt:12`, `notice.docx 第12段（表1 第3行第4列）`, `plan.xlsx（Sheet1!D3）`: where a unit stands, for messages. */
export function describePlace(file: string, place: Place, lineWord: '行' | '段'): string {
  if (place.cell && /!/.test(place.cell)) return `${file}（${place.cell}）`;
  const at = lineWord === '行' ? `${file}:${place.line}` : `${file} 第${place.line}段`;
  return place.cell ? `${at}（${place.cell}）` : at;
}
