/**
 * A worker thread of `clausier check --jobs N`: it loads the rule packs once and checks the
 * records it is sent, one at a time, sending back what the main thread needs of each: its digest,
 * and its JSON entry text or its report (and the text of a record with breaches, for the code
 * frames of the text report).
 */
import { workerThreads } from '../base/builtins.js';
import { checkLoaded, PackRegistry, type CheckOptions } from '../pipeline.js';
import { type FileReport } from '../model/finding.js';
import { loadRecordBytes, loadRecordFile } from '../load/index.js';
import { entryText } from '../report/json.js';
import { digestOf, showsCodeFrames, type ReportDigest } from '../model/summary.js';

export interface WorkRequest {
  id: number;
  path: string;
  /** The file's bytes, when the main thread has read them already (to look in the cache). */
  bytes?: Uint8Array;
}

export interface WorkerData {
  /** Marks the threads of a WorkerPool, which load the same bundle as the library. */
  role: 'clausier-worker';
  options: CheckOptions;
  /** What the main thread needs of each record: at least its report or its entry text. */
  wants: Wants;
}

/** What the caller reads of each file: the less, the less the worker threads send back. */
export interface Wants {
  /** The report itself (`report()` is always there; without this it may be rebuilt from the entry). */
  report: boolean;
  /** The JSON entry text (see entryText in report/json.ts). */
  entry: boolean;
  /** The record's text, for the code frames of a text report (of a record with breaches). */
  text: boolean;
}

/** What a worker sends back for one record. */
export interface WorkResult {
  digest: ReportDigest;
  entry?: string;
  report?: FileReport;
  text?: string;
}

function isWorkerData(data: unknown): data is WorkerData {
  return (data as Partial<WorkerData> | null)?.role === 'clausier-worker';
}

/**
 * In a thread of a WorkerPool, checks the records the main thread sends, until it ends the
 * thread; anywhere else, does nothing.
 */
export function serveChecks(): void {
  const { isMainThread, parentPort, workerData } = workerThreads();
  if (isMainThread || !parentPort || !isWorkerData(workerData)) return;
  const { options, wants } = workerData;
  const registry = new PackRegistry();
  parentPort.on('message', (request: WorkRequest) => {
    void (async () => {
      try {
        const loaded =
          request.bytes !== undefined
            ? loadRecordBytes(request.bytes, request.path, options)
            : loadRecordFile(request.path, options);
        const report = await checkLoaded(loaded, options, registry);
        const result: WorkResult = { digest: digestOf(report) };
        if (wants.entry) result.entry = entryText(report);
        if (wants.report || !wants.entry) result.report = report;
        if (wants.text && showsCodeFrames(result.digest)) result.text = loaded.text;
        parentPort.postMessage({ id: request.id, ...result });
      } catch (error) {
        // A rule pack that cannot be used, or a bug: the main thread reports it as it would its own.
        parentPort.postMessage({ id: request.id, error: serializeError(error) });
      }
    })();
  });
}

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
