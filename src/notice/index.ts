import type { DiagnosticCode } from '../diagnostic.js';
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

export { describePlace, importFindings } from './findings.js';
