let loaded: typeof import('node:crypto') | undefined;

/**
 * node:crypto, loaded when first asked for. Loading it (with the streams it pulls in) is about 10 ms, a
 * tenth of a start, and a view answered from the cache needs none of it: hashing a file's content, a large
 * cache entry or a random temporary name do, and only runs that compute or write come to them.
 * Through the module's own `require`, which the built command (CommonJS bundles) and the test runner both give:
 * node:module's createRequire, imported for it before, was loaded at every start (0.4 ms of a view written again).
 */
export function nodeCrypto(): typeof import('node:crypto') {
  return (loaded ??= require('node:crypto') as typeof import('node:crypto'));
}
