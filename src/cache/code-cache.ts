import { Script } from 'node:vm';
import type { CacheStore } from './cache-store.js';
import { cacheKeys } from './cache-keys.js';

/**
 * V8's compiled code for the bundle's packs kept in gongkai's cache folder, so that a start deserializes a pack
 * instead of parsing it. The build ships code for the packs the everyday commands read (scripts/build.mjs trains
 * it by running them once), used with the cache on or off by the loader itself (src/cli/start.ts); this is for
 * the packs without it, or a node that refuses it (another version, other flags): their code is taken after a
 * run (V8 then includes the functions the run compiled, not only the top level).
 * A cache entry that is spoilt fails its hash and is not offered; code V8 refuses only costs that run's speed.
 */
export class CodeCache {
  private readonly uncached: { key: string; script: Script }[] = [];

  constructor(
    private readonly store: CacheStore | undefined,
    /** The node that runs: its version and architecture. */
    private readonly runtime: string,
  ) {}

  /** Compiles one pack; `pack` names its source uniquely (the build puts the source's hash in the name). */
  compile(source: string, filename: string, pack: string): Script {
    const key = cacheKeys.code(pack, this.runtime);
    const cachedData = this.store?.getBytes(key);
    const script = new Script(source, { filename, ...(cachedData ? { cachedData } : {}) });
    if (this.store && (!cachedData || script.cachedDataRejected)) this.uncached.push({ key, script });
    return script;
  }

  /**
   * Stores the code of the packs this run compiled without a usable entry (once, at the end of the run).
   * Code takes at most an eighth of the cache's bound, so that it never pushes out the results it speeds up.
   */
  save(): void {
    const store = this.store;
    if (!store) return;
    for (const { key, script } of this.uncached.splice(0)) {
      let code: Buffer;
      try {
        // The top level ran once, at the start, and V8 may have dropped its bytecode since (a long run collects
        // garbage often): code without it makes every later start parse the whole pack again to run it. Running
        // it again compiles it again; a pack's top level only lists its modules' functions.
        script.runInThisContext();
        code = script.createCachedData();
      } catch {
        continue; // Only the next start's speed suffers.
      }
      if (code.length <= store.maxBytes / 8) store.setBytes(key, code);
    }
  }
}
