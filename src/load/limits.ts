/** How deep a record may nest: a programme record needs 7 levels; 64 leaves room and bounds recursion. */
export const MAX_DEPTH = 64;

/** Files larger than this are refused unless the limit is raised (`--max-size`). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The largest text the exact path (the `yaml` package) reads, for a size limit. That path keeps
 * the parser's tokens and then the composed document, several hundred bytes for each token: a
 * mebibyte of `[0,0,0,...]` takes about 650 MiB, where the fast path reads twenty times as much
 * in less (bench/shapes.mjs has the worst texts found for each path; test/memory.test.ts measures
 * them). So a text the fast path cannot read is admitted up to a twentieth of the size limit
 * (1 MiB at the default), and never less than 256 KiB: at the default limit, any file is read
 * within 1 GiB on either path.
 */
export function exactPathLimit(maxBytes: number): number {
  return Math.max(Math.floor(maxBytes / 20), 256 * 1024);
}
