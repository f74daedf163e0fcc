// Preloaded by tests/bench/start-up-chunks.test.ts (`node -r`): as the process ends, writes the list of node's own
// modules it loaded (process.moduleLoadList) to the file GONGKAI_TEST_BUILTINS_LOG names. CommonJS with -r, not an
// ES module with --import: --import starts node's ES module loader first (about 10 ms of CPU a start, on each of the
// file's node starts) and puts that loader's own modules into the very list this records.
const file = process.env.GONGKAI_TEST_BUILTINS_LOG;
if (file) process.on('exit', () => require('node:fs').writeFileSync(file, process.moduleLoadList.join('\n')));
