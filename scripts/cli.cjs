#!/usr/bin/env node
'use strict';
// The clausier command: dist/cli.cjs, the package's bin. The program is the one bundle,
// dist/clausier.cjs. Node.js 22.1 and later keep its compiled code between runs in their own
// compile cache (keyed by Node's version and the file's content), which saves part of the
// compilation of a cold start; Node 20 has no such cache and compiles it every time.
const nodeModule = require('node:module');
if (typeof nodeModule.enableCompileCache === 'function') nodeModule.enableCompileCache();
require('./clausier.cjs').runCommandLine(process.argv.slice(2));
