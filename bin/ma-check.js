#!/usr/bin/env node
'use strict';
// CommonJS on purpose (see bin/package.json): a CommonJS bundle starts measurably faster than ESM on Node 20.
// dist/load-cli.cjs compiles dist/cli.cjs from its V8 code cache (src/cli/start/load-cli.ts).
const { loadCli } = require('../dist/load-cli.cjs');

const root = require('node:path').resolve(__dirname, '..');
const cli = loadCli(root);
cli.run(root).then((code) => {
  process.exitCode = code;
});
