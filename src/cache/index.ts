/** The one cache module: storage, keys and content fingerprints. Nothing outside it builds a cache key. */
export { CacheStore } from './cache-store.js';
export { cacheKeys } from './cache-keys.js';
export { openCache, cacheDirectory } from './open-cache.js';
export { contentKeyOf, quickContentKey, calendarFingerprint, hashOfBytes } from './fingerprints.js';
export { parseMemoIn, configMemoIn, itemFindingsIn, locatedIn } from './parse-memo-store.js';
