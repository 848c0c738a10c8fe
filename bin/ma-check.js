#!/usr/bin/env node
'use strict';
// CommonJS on purpose (see bin/package.json): a CommonJS bundle starts measurably faster than ESM on Node 20.
const { resolve } = require('node:path');
const { run } = require('../dist/cli.cjs');

run(resolve(__dirname, '..')).then((code) => {
  process.exitCode = code;
});
