import packageJson from '../../package.json' with { type: 'json' };
import chineseDays from 'chinese-days/package.json' with { type: 'json' };

declare const __GONGKAI_BUILD__: string | undefined;

/**
 * What the cached results were computed by: gongkai's version and build (a
 * hash of its sources, set by the build) and the holiday data's version. A
 * cache written by any other gongkai is never read.
 */
export const BUILD_IDENTITY = [
  `gongkai@${packageJson.version}`,
  typeof __GONGKAI_BUILD__ === 'string' ? __GONGKAI_BUILD__ : 'source',
  `chinese-days@${chineseDays.version}`,
].join('+');
