/**
 * The one bundle, dist/clausier.cjs: the library (src/index.ts), the command line that
 * dist/cli.cjs starts, and the worker threads of `check --jobs`, which load this same file. One
 * copy of the code serves `require('clausier')`, `import ... from 'clausier'` and the command.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { isWorkerData, serveChecks } from './run/worker.js';

export * from './index.js';
export { runCommandLine } from './cli.js';

// A thread started by WorkerPool, and only such a thread, serves checks.
if (!isMainThread && isWorkerData(workerData)) serveChecks(workerData);
