/**
 * The one bundle, dist/clausier.cjs: the library (src/index.ts), the command line that
 * dist/cli.cjs starts, and the worker threads of `check --jobs`, which load this same file. One
 * copy of the code serves `require('clausier')`, `import ... from 'clausier'` and the command.
 */
export * from './index.js';
export { runCommandLine } from './cli.js';
/** What a thread of WorkerPool runs (src/run/pool.ts): the bundle does nothing when it loads. */
export { serveChecks } from './run/worker.js';
