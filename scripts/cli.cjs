#!/usr/bin/env node
'use strict';
// The clausier command: dist/cli.cjs, the package's bin. The program is the one bundle,
// dist/clausier.cjs, which dist/load.cjs (scripts/load.cjs) loads with the build's V8 code cache.
//
// CLAUSIER_BUILD_CODE_CACHE=FILE is for the build alone: the run writes the cache to FILE.
require('./load.cjs')
  .clausier(process.env.CLAUSIER_BUILD_CODE_CACHE)
  .runCommandLine(process.argv.slice(2));
