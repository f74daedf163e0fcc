let loaded: typeof import('yaml') | undefined;

/**
 * The position-keeping YAML library (`yaml`), set up when first asked for: 165 KB of code whose modules run as
 * they load, which an edit of an item laid out as gongkai writes it does without (item-text-view.ts reads
 * where its nodes are with the fast item parser). Through the module's own `require`, as read/js-yaml-library.ts does.
 */
export function yamlLibrary(): typeof import('yaml') {
  return (loaded ??= require('yaml') as typeof import('yaml'));
}
