import * as crypto from 'node:crypto';

/** Node's one-shot hash (20.12 and later): no Hash object per call, which counts when every item of a ledger is hashed. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }).hash;

/** A hash of a whole file or text: the identity of its content. */
export function contentHash(content: string | Uint8Array): string {
  return oneShot ? oneShot('sha1', content, 'hex') : crypto.createHash('sha1').update(content).digest('hex');
}
