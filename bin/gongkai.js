#!/usr/bin/env node
// CommonJS (bin/package.json), as is the loader it requires: node starts them without its ES module loader.
require('../dist/gongkai.cjs').main();
