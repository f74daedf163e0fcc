import { nodeCrypto } from './node-crypto.js';

/**
 * Hashes of whole files' bytes already taken this run: a view's key, the
 * per-item index and the registry note each ask for the same ledger's (three
 * passes over 60 MB at 100,000 items). Files' bytes are never changed once read.
 */
const fileHashes = new WeakMap<Uint8Array, string>();
/** Below this, hashing again costs less than remembering. */
const REMEMBER_FROM = 1 << 20;

/** Length of a content hash (sha1, in hex): items' hashes are kept one after another, HASH_LENGTH characters each. */
export const HASH_LENGTH = 40;

/** A hash of a whole file or text: the identity of its content. Given in pieces, the hash of the pieces one after another. */
export function contentHash(content: string | Uint8Array | readonly Uint8Array[]): string {
  const crypto = nodeCrypto();
  if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
    const hash = crypto.createHash('sha1');
    for (const piece of content) hash.update(piece);
    return hash.digest('hex');
  }
  const large = content instanceof Uint8Array && content.length >= REMEMBER_FROM;
  const known = large ? fileHashes.get(content) : undefined;
  if (known) return known;
  // Node's one-shot hash (20.12 and later): no Hash object per call, which counts when every item of a ledger is hashed.
  const hash = crypto.hash ? crypto.hash('sha1', content, 'hex') : crypto.createHash('sha1').update(content).digest('hex');
  if (large) fileHashes.set(content, hash);
  return hash;
}

/** How far apart contentHashWithPrefixes takes the hashes of a text's beginnings. */
export const PREFIX_STEP = 1 << 18;

/**
 * contentHash of bytes, taken in the same one pass with the hash of each of
 * its beginnings a multiple of PREFIX_STEP bytes long (shorter than the
 * whole), in hex one after another: a later text of the same file whose
 * first of these hashes are the same starts with the same bytes that far, so
 * what was worked out of that part (its items' run hashes, layout-hint.ts)
 * stands without hashing it again.
 */
export function contentHashWithPrefixes(bytes: Uint8Array): { hash: string; prefixes: string } {
  const hash = nodeCrypto().createHash('sha1');
  let prefixes = '';
  let at = 0;
  for (; at + PREFIX_STEP < bytes.length; at += PREFIX_STEP) prefixes += hash.update(bytes.subarray(at, at + PREFIX_STEP)).copy().digest('hex');
  const whole = hash.update(bytes.subarray(at)).digest('hex');
  // The other askers of this file's hash (a view's key, the registry note) find it as contentHash left it.
  if (bytes.length >= REMEMBER_FROM) fileHashes.set(bytes, whole);
  return { hash: whole, prefixes };
}
