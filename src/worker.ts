/**
 * A worker thread of `clausier check --jobs N`: it loads the rule packs once and checks the
 * records it is sent, one at a time, sending back each report (and the text of a record with
 * breaches, for the code frames of the text report).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkLoaded, PackRegistry, type CheckOptions } from './check.js';
import { loadRecordBytes, loadRecordFile } from './load/index.js';

export interface WorkRequest {
  id: number;
  path: string;
  /** The file's bytes, when the main thread has read them already (to look in the cache). */
  bytes?: Uint8Array;
}

export interface WorkerData {
  options: CheckOptions;
  /** Whether the main thread needs the text of records with breaches. */
  wantsText: boolean;
}

const { options, wantsText } = workerData as WorkerData;
const registry = new PackRegistry();

parentPort!.on('message', (request: WorkRequest) => {
  void (async () => {
    try {
      const loaded =
        request.bytes !== undefined
          ? loadRecordBytes(request.bytes, request.path, options)
          : loadRecordFile(request.path, options);
      const report = await checkLoaded(loaded, options, registry);
      const text =
        wantsText && report.findings.some((f) => f.status === 'breach') ? loaded.text : undefined;
      parentPort!.postMessage({ id: request.id, report, text });
    } catch (error) {
      // A rule pack that cannot be used, or a bug: the main thread reports it as it would its own.
      parentPort!.postMessage({ id: request.id, error: serializeError(error) });
    }
  })();
});

function serializeError(error: unknown): {
  name: string;
  message: string;
  problems?: unknown;
  subject?: string;
} {
  if (error instanceof Error) {
    const extra = error as Error & { problems?: unknown; subject?: string };
    return {
      name: error.name,
      message: error.message,
      problems: extra.problems,
      subject: extra.subject,
    };
  }
  return { name: 'Error', message: String(error) };
}
