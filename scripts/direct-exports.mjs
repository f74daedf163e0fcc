// The build's change to esbuild's CommonJS form of a chunk (scripts/build.mjs); tests/cli/direct-exports.test.ts checks it.

/**
 * A converted chunk whose exports object is the one its own exports are defined on. esbuild's CommonJS form copies
 * them into a second object (`__toCommonJS`: a getter for each, over the getter that reads the binding) and copies a
 * chunk loaded by import() into a third (`__toESM`): every use of another chunk's function went through two or three
 * getters, and the copying was a twentieth of a view run without the cache. A chunk is ESM (esbuild marks it
 * `__esModule`), so `__toESM` of one adds no `default`: the chunk's own object has the same names.
 */
export function withDirectExports(text, id) {
  const copied = 'module.exports = __toCommonJS(stdin_exports);';
  const calls = text.split('__toCommonJS(').length - 1;
  if (calls > 1 || (calls === 1 && !text.includes(copied))) {
    throw new Error(`${id}: esbuild no longer writes a chunk's exports as this build expects (withDirectExports)`);
  }
  return text.replace(copied, 'module.exports = __defProp(stdin_exports, "__esModule", { value: true });').replace(/__toESM\(require\(("\.\.?\/[^"]+")\)\)/g, 'require($1)');
}
