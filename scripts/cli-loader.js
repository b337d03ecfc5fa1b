#!/usr/bin/env node
// The clausier command. The program itself is dist/clausier.cjs, one bundled script; this file
// compiles it with the V8 code cache made at build time (dist/clausier.cjs.cache), which saves
// most of the compilation of a cold start. A cache made by another Node.js is refused by V8 and
// the script is compiled as usual: the cache only ever changes the speed.
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
const file = join(here, 'clausier.cjs');
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, here);
// The build makes the cache by running a check with this variable set (scripts/build.mjs).
if (process.env.CLAUSIER_WRITE_CODE_CACHE === '1') {
  process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
