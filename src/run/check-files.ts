/**
 * Many records at once: the files, folders and globs a command line names, each checked and
 * given back in the order named, through the report cache, the worker threads and the waivers.
 * `clausier check` and a library user calling checkFiles take this one route.
 *
 *   const run = checkFiles(['records/'], { language: 'en', jobs: 2, cache: '.clausier-cache' });
 *   for await (const file of run) console.log(file.file, file.digest.verdict);
 *   await run.close();
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LANGUAGE, type Language } from '../base/language.js';
import { checkLoaded, PackRegistry, todayInParis, type CheckOptions } from '../pipeline.js';
import type { FileReport } from '../model/finding.js';
import { STDIN } from '../model/finding.js';
import {
  digestOf,
  showsCodeFrames,
  type CheckedFile,
  type ReportDigest,
} from '../model/summary.js';
import type { Wants } from './worker.js';
import { DEFAULT_MAX_BYTES, loadRecordBytes } from '../load/index.js';
import { readWithin } from '../load/read.js';
import { entryText, reportOfEntry } from '../report/json.js';
import { builtInPacks, builtInPacksDir } from '../rules/pack/root.js';
import type { RulePack } from '../rules/pack/types.js';
import { ReportCache, type CacheHit } from './cache.js';
import { WorkerPool } from './pool.js';
import { expandTargets, loadTarget, unreadableReport, type Target } from './targets.js';
import { applyWaivers, type LoadedWaiver } from './waivers.js';
import { TOOL } from '../base/tool.js';

export type { Wants } from './worker.js';

export interface CheckFilesOptions extends CheckOptions {
  /** Worker threads; by default one per 1,000 files, at most one per core and 8 (defaultJobs). */
  jobs?: number;
  /** Keep each record's report in this folder, keyed by its content, and reuse it. */
  cache?: string;
  /** Waivers (see loadWaivers), applied to every report. */
  waivers?: readonly LoadedWaiver[];
  /** What will be read of each file (everything by default). */
  wants?: Partial<Wants>;
  /** Packs already read, to share with other runs. */
  registry?: PackRegistry;
  /**
   * Called once, before the first record is checked afresh: never in a run the cache serves
   * whole. The command line sets V8's collector for the run's records there (src/cli/heap.ts),
   * which takes a `stat` of every file.
   */
  beforeChecking?: () => void;
}

/** How many files a worker thread must check to pay for its start (see defaultJobs). */
export const FILES_PER_WORKER = 1_000;

/**
 * The worker threads a run uses when none is asked for: one per FILES_PER_WORKER files, at most
 * one per core and 8; none (the run's own thread) when that makes fewer than two. Each worker
 * starts clausier afresh, loads the packs, and runs slowly until V8 has optimised its own copy of
 * the code: on a machine of two cores (issue 17's twelfth stop, Node 20, medians of alternating
 * runs), two workers took 0.97 s where one thread took 0.66 on 100 copies of the reference
 * record, 1.50 against 1.07 on 400, 2.48 against 2.42 on 1,000 generated records, and gained
 * from 2,000 on (10,000 generated records: 13.2 s against 17.0). The former default, a worker
 * per core from 64 files, made runs of 64 to 1,000 records up to half again as long.
 */
export function defaultJobs(files: number, cores: number): number {
  const jobs = Math.min(Math.floor(files / FILES_PER_WORKER), cores, 8);
  return jobs >= 2 ? jobs : 1;
}

/** The folders of the rule packs a run may read: the one given, or every built-in pack. */
export function packDirsOf(options: CheckOptions): string[] {
  return options.rules !== undefined
    ? [options.rules]
    : builtInPacks().map((id) => join(builtInPacksDir(), id));
}

/** A run over many records: iterate it for the files in order, then close it. */
export class FileRun implements AsyncIterable<CheckedFile> {
  /** The files named, in the order they come back. */
  readonly targets: readonly Target[];
  private readonly registry: PackRegistry;
  private readonly options: CheckOptions;
  /** The language of what the run writes itself: unreadable files, waivers. */
  private readonly language: Language;
  private readonly waivers: readonly LoadedWaiver[];
  private readonly wants: Wants;
  private readonly jobs: number;
  private readonly cache: ReportCache | undefined;
  /** See CheckFilesOptions.beforeChecking; dropped once called. */
  private beforeChecking: (() => void) | undefined;
  /** Where the cache reads each record to make its key (see readWithin's `into`). */
  private scratch: Buffer | undefined;
  /** The worker threads, started for the first record that is checked (see workers). */
  private pool: WorkerPool | undefined;

  constructor(paths: readonly string[] | readonly Target[], options: CheckFilesOptions = {}) {
    const { jobs, cache, waivers = [], wants, registry, beforeChecking, ...checkOptions } = options;
    this.beforeChecking = beforeChecking;
    this.options = checkOptions;
    this.language = checkOptions.language ?? DEFAULT_LANGUAGE;
    this.waivers = waivers;
    this.registry = registry ?? new PackRegistry();
    this.targets = paths.every((p) => typeof p === 'string')
      ? expandTargets(paths as readonly string[])
      : (paths as readonly Target[]);
    // Waivers change a report after it is made: it is read back whole, its entry made again.
    this.wants = {
      report: (wants?.report ?? true) || waivers.length > 0,
      entry: ((wants?.entry ?? true) && waivers.length === 0) || cache !== undefined,
      text: wants?.text ?? true,
    };
    this.cache = cache !== undefined ? this.openCache(cache) : undefined;
    this.jobs = jobs ?? defaultJobs(this.targets.length, availableParallelism());
  }

  /**
   * The worker threads, started when a first record must be checked: each loads clausier and its
   * packs afresh, which a run whose every record is in the cache does not need.
   */
  private workers(): WorkerPool {
    return (this.pool ??= new WorkerPool(this.jobs, { options: this.options, wants: this.wants }));
  }

  /** The files, checked, in the order of their targets, several at once with worker threads. */
  async *[Symbol.asyncIterator](): AsyncGenerator<CheckedFile> {
    for await (const checked of inOrder(
      this.targets,
      (t) => this.check(t),
      this.jobs > 1 ? this.jobs * 4 : 1,
    ))
      yield this.waived(checked);
  }

  /** Ends the worker threads. */
  async close(): Promise<void> {
    await this.pool?.close();
  }

  /** The packs that judged the reports, by id, for the formats that describe rules. */
  packsOf(reports: readonly FileReport[]): Map<string, RulePack> {
    const packs = new Map<string, RulePack>();
    for (const report of reports) {
      if (report.pack === undefined || packs.has(report.pack)) continue;
      const dir = this.options.rules ?? join(builtInPacksDir(), report.pack);
      packs.set(report.pack, this.registry.get(dir).pack);
    }
    return packs;
  }

  /** One target's result, from the cache, a worker thread or this thread, kept in the cache. */
  private async check(target: Target): Promise<CheckedFile> {
    if (target.problem !== undefined)
      return made(unreadableReport(target.path, target.problem, this.language));
    let bytes: Uint8Array | undefined;
    let key: string | undefined;
    if (this.cache && target.path !== STDIN) {
      // Read where the previous record was: these bytes make the key and, on a hit, are dropped.
      bytes = readBytes(target.path, this.options.maxBytes, (this.scratch ??= scratchBuffer()));
      if (bytes !== undefined) {
        key = this.cache.key(bytes);
        const hit = this.cache.get(key);
        if (hit) {
          // The text serves the code frames of a record with breaches only (as from a worker).
          const text =
            this.wants.text && showsCodeFrames(hit.digest)
              ? new TextDecoder().decode(bytes)
              : undefined;
          return new CachedFile(target.path, hit, text);
        }
      }
    }
    // A record checked afresh is given bytes of its own, which the next record's read leaves
    // alone, whoever reads them and when (a Buffer's slice() would be a view).
    const checked = await this.made(target, bytes && new Uint8Array(bytes));
    if (this.cache && key !== undefined) {
      checked.entry ??= entryText(checked.report());
      this.cache.set(key, { digest: checked.digest, entry: checked.entry });
    }
    return checked;
  }

  /** A target checked afresh: in a worker thread when there are some, else here. */
  private async made(target: Target, bytes: Uint8Array | undefined): Promise<CheckedFile> {
    const before = this.beforeChecking;
    this.beforeChecking = undefined;
    before?.();
    if (this.jobs > 1 && target.path !== STDIN) {
      const done = await this.workers().check({
        path: target.path,
        ...(bytes !== undefined && { bytes }),
      });
      return {
        file: target.path,
        digest: done.digest,
        report: () => done.report ?? reportOfEntry(target.path, done.entry!),
        ...(done.entry !== undefined && { entry: done.entry }),
        ...(done.text !== undefined && { text: done.text }),
      };
    }
    const loaded =
      bytes !== undefined
        ? loadRecordBytes(bytes, target.path, this.options)
        : await loadTarget(target, this.options);
    const report = await checkLoaded(loaded, this.options, this.registry);
    return made(report, this.wants.text ? loaded.text : undefined);
  }

  /** The file with the run's waivers applied: its report read back, its digest made again. */
  private waived(checked: CheckedFile): CheckedFile {
    if (this.waivers.length === 0) return checked;
    const report = checked.report();
    applyWaivers([report], this.waivers, this.language);
    // Its entry (text or bytes) was made before the waivers: it is left behind.
    return {
      file: checked.file,
      report: () => report,
      digest: digestOf(report),
      ...(checked.text !== undefined && { text: checked.text }),
    };
  }

  /** The cache, keyed by what besides a record changes its report: the packs, version and options. */
  private openCache(location: string): ReportCache {
    const packs = packDirsOf(this.options).map((dir) => this.registry.get(dir).pack);
    return new ReportCache(location, {
      version: TOOL.version,
      packs: packs.map((p) => `${p.id}:${p.fingerprint}`),
      // A record without asOf is judged as of today: its report holds for today only.
      asOf: this.options.asOf ?? todayInParis(),
      language: this.options.language,
      maxBytes: this.options.maxBytes,
      ...(this.options.trace !== undefined && { trace: this.options.trace }),
    });
  }
}

/** Checks many records: see FileRun. */
export function checkFiles(
  paths: readonly string[] | readonly Target[],
  options: CheckFilesOptions = {},
): FileRun {
  return new FileRun(paths, options);
}

/**
 * A file whose report the cache held: its entry as read, in UTF-8, decoded only if its text is
 * asked for (a JSON report writes the bytes; other formats read the report back from the text).
 */
class CachedFile implements CheckedFile {
  readonly digest: ReportDigest;
  readonly entryBytes: Uint8Array;
  private decoded: string | undefined;

  constructor(
    readonly file: string,
    hit: CacheHit,
    readonly text: string | undefined,
  ) {
    this.digest = hit.digest;
    this.entryBytes = hit.entryBytes;
  }

  get entry(): string {
    const bytes = this.entryBytes;
    return (this.decoded ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString(
      'utf8',
    ));
  }

  readonly report = (): FileReport => reportOfEntry(this.file, this.entry);
}

function made(report: FileReport, text?: string): CheckedFile {
  return {
    file: report.file,
    report: () => report,
    digest: digestOf(report),
    ...(text !== undefined && { text }),
  };
}

/** The buffer records are read into for the cache's key: most records fit in it. */
const scratchBuffer = (): Buffer => Buffer.allocUnsafe(256 * 1024);

/**
 * A record's bytes for the cache key, read into `into` if they fit (see readWithin); undefined
 * when they cannot be read within the limit.
 */
function readBytes(
  path: string,
  maxBytes: number | undefined,
  into: Buffer,
): Uint8Array | undefined {
  try {
    const read = readWithin(path, maxBytes ?? DEFAULT_MAX_BYTES, into);
    return read.ok ? read.bytes : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Results in the order of their inputs, with up to `limit` of them worked on at once. Exported
 * for its tests.
 */
export async function* inOrder<T, R>(
  inputs: readonly T[],
  work: (input: T) => Promise<R>,
  limit: number,
): AsyncGenerator<R> {
  const running: Promise<R>[] = [];
  let next = 0;
  // A result worked on ahead may fail while the caller is still busy with an earlier one (writing
  // it out, giving the event loop a turn): it is marked as handled, so that Node.js does not end
  // the process for it, and its error is thrown here, in its turn.
  const start = (): void => {
    const result = work(inputs[next++]!);
    result.catch(() => undefined);
    running.push(result);
  };
  while (next < inputs.length && running.length < limit) start();
  while (running.length > 0) {
    const result = await running.shift()!;
    if (next < inputs.length) start();
    yield result;
  }
}
