import { createHash } from 'node:crypto';

/** A hash of a whole file or text: the identity of its content. */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('hex');
}
