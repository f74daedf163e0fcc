import * as crypto from 'node:crypto';

/** Node's one-shot hash (20.12 and later): no Hash object per call, which counts when every item of a ledger is hashed. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }).hash;

/** A hash of a whole file or text: the identity of its content. Given in pieces, the hash of the pieces one after another. */
export function contentHash(content: string | Uint8Array | readonly Uint8Array[]): string {
  if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
    const hash = crypto.createHash('sha1');
    for (const piece of content) hash.update(piece);
    return hash.digest('hex');
  }
  return oneShot ? oneShot('sha1', content, 'hex') : crypto.createHash('sha1').update(content).digest('hex');
}
