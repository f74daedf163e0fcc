import { nodeCrypto } from './node-crypto.js';

/** A hash of a whole file or text: the identity of its content. Given in pieces, the hash of the pieces one after another. */
export function contentHash(content: string | Uint8Array | readonly Uint8Array[]): string {
  const crypto = nodeCrypto();
  if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
    const hash = crypto.createHash('sha1');
    for (const piece of content) hash.update(piece);
    return hash.digest('hex');
  }
  // Node's one-shot hash (20.12 and later): no Hash object per call, which counts when every item of a ledger is hashed.
  return crypto.hash ? crypto.hash('sha1', content, 'hex') : crypto.createHash('sha1').update(content).digest('hex');
}
