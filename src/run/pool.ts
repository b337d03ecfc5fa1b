/**
 * A pool of worker threads for `clausier check --jobs N`: records are checked in parallel, each
 * in the worker with the least work in flight; results come back by request, and the caller puts
 * them back in order.
 */
import type { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerThreads } from '../base/builtins.js';
import { FileProblemsError, InputError, type FileProblem } from '../base/errors.js';
import type { WorkerData, WorkRequest, WorkResult } from './worker.js';

interface Pending {
  resolve(value: WorkResult): void;
  reject(error: Error): void;
}

interface WorkerReply extends Partial<WorkResult> {
  id: number;
  error?: { name: string; message: string; problems?: FileProblem[]; subject?: string };
}

/** The error a worker met, as the main thread would have thrown it. */
function revive(error: NonNullable<WorkerReply['error']>): Error {
  if (error.problems !== undefined && error.subject !== undefined)
    return new FileProblemsError(error.subject, error.problems);
  if (error.name === 'InputError') return new InputError(error.message);
  return new Error(error.message);
}

/**
 * The young generation of each worker, in MiB. Left to Node.js, it may grow to 48 MiB in Node
 * 20 and to 192 in Node 24 (`worker.resourceLimits`), for no gain: over 1,000 generated records
 * with `--jobs 2`, four alternating runs each (issue 17's ninth stop), 16 MiB peaked at 160 to
 * 165 MiB instead of 190 to 194 on Node 20 and at 208 to 225 instead of 291 to 304 on Node 24,
 * in the same time or a little less (Node 24: 2.45 to 2.58 s against 2.67 to 2.80).
 */
const WORKER_YOUNG_GENERATION_MB = 16;

export class WorkerPool {
  private readonly workers: { worker: Worker; inFlight: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(size: number, data: Omit<WorkerData, 'role'>) {
    // A worker loads the bundle that holds this code (dist/clausier.cjs) and serves checks
    // (src/bundle.ts): loading the bundle does nothing more, in a thread as in the main one. It
    // loads it as the bin does, with dist/load.cjs beside it (scripts/load.cjs), which hands V8
    // the code cache the build made: a thread that required the bundle would compile it again,
    // some 80 ms of every worker's start on Node 20. Another bundle of this code (the bench's)
    // has no such loader, and is required.
    const bundle = fileURLToPath(import.meta.url);
    const loader = join(dirname(bundle), 'load.cjs');
    const script =
      basename(bundle) === 'clausier.cjs' && existsSync(loader)
        ? `require(${JSON.stringify(loader)}).clausier().serveChecks();`
        : `require(${JSON.stringify(bundle)}).serveChecks();`;
    const workerData: WorkerData = { role: 'clausier-worker', ...data };
    const { Worker: Thread } = workerThreads();
    for (let i = 0; i < size; i++) {
      const worker = new Thread(script, {
        eval: true,
        workerData,
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      const entry = { worker, inFlight: 0 };
      worker.on('message', (reply: WorkerReply) => {
        entry.inFlight--;
        const pending = this.pending.get(reply.id);
        if (!pending) return;
        this.pending.delete(reply.id);
        if (reply.error) pending.reject(revive(reply.error));
        else {
          const { id: _, error: __, ...result } = reply;
          pending.resolve(result as WorkResult);
        }
      });
      worker.on('error', (error) => {
        for (const pending of this.pending.values()) pending.reject(error);
        this.pending.clear();
      });
      this.workers.push(entry);
    }
  }

  check(request: Omit<WorkRequest, 'id'>): Promise<WorkResult> {
    const id = this.nextId++;
    const entry = this.workers.reduce((least, w) => (w.inFlight < least.inFlight ? w : least));
    entry.inFlight++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Bytes are copied, not transferred: a Buffer may be a view on memory it does not own.
      entry.worker.postMessage({ id, ...request });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
