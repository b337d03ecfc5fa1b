'use strict';
// Loads the one bundle, dist/clausier.cjs (1.1 MB, minified), whose compilation was a fifth of a
// one-file check: dist/load.cjs, for the bin (dist/cli.cjs) and for the worker threads of
// `check --jobs` (src/run/pool.ts), which would otherwise compile the bundle again each (some
// 80 ms of every worker's start on Node 20, issue 17's twelfth stop).
//
// The build keeps V8's compiled code of the bundle, as it stands after checking the reference
// record, in dist/clausier.cjs.v8cache (scripts/build.mjs). This script hands it to V8 when it
// was made for this very bundle (size and modification time, as the build saw them) by this very
// Node.js (V8 refuses it otherwise, and compiles as usual): the functions a check runs are then
// read, not compiled. Without it, Node.js 22.1 and later keep a compile cache of their own
// (keyed by Node's version and the file's content); Node 20 compiles the bundle every run.
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const nodeModule = require('node:module');
const { join } = require('node:path');

const bundle = join(__dirname, 'clausier.cjs');
const cacheFile = `${bundle}.v8cache`;

/** What a cache was made for: the bundle as it stood, and the Node.js that compiled it. */
function stamp() {
  const { size, mtimeMs } = statSync(bundle);
  return JSON.stringify({ node: process.version, arch: process.arch, size, mtimeMs });
}

/** The cache's V8 data, when it was made for this bundle and this Node.js. */
function cachedData() {
  let file;
  try {
    file = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const length = file.length >= 4 ? file.readUInt32LE(0) : Infinity;
  if (4 + length > file.length) return undefined;
  if (file.toString('utf8', 4, 4 + length) !== stamp()) return undefined;
  return file.subarray(4 + length);
}

/** The bundle, compiled with V8's data when it has some, as require() would load it. */
function load(data, keep) {
  const vm = require('node:vm');
  // The build leaves the bundle ASCII: read as Latin-1, it needs no decoding.
  const source = readFileSync(bundle, 'latin1');
  // The wrapper Node.js puts around a CommonJS module (documented in its modules page).
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new vm.Script(wrapped, { filename: bundle, cachedData: data });
  const module = new nodeModule.Module(bundle, require.main);
  module.filename = bundle;
  require.cache[bundle] = module;
  script.runInThisContext()(
    module.exports,
    nodeModule.createRequire(bundle),
    module,
    bundle,
    __dirname,
  );
  module.loaded = true;
  if (keep) {
    const header = Buffer.from(stamp());
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length, 0);
    process.on('exit', () =>
      writeFileSync(keep, Buffer.concat([length, header, script.createCachedData()])),
    );
  }
  return module.exports;
}

/**
 * The bundle, loaded as well as this Node.js allows. With `keep`, a file (the build's run, see
 * CLAUSIER_BUILD_CODE_CACHE in dist/cli.cjs): compiled afresh, its code cache written there at exit.
 */
function clausier(keep) {
  if (keep) return load(undefined, keep);
  // The bundle is minified: a stack shown for a bug names the TypeScript through the source map
  // beside it, which Node.js reads for a module it loads once they are enabled.
  if (process.env.CLAUSIER_DEBUG) {
    process.setSourceMapsEnabled(true);
    return require(bundle);
  }
  const data = cachedData();
  if (data) return load(data);
  if (typeof nodeModule.enableCompileCache === 'function') nodeModule.enableCompileCache();
  return require(bundle);
}

module.exports = { clausier };
