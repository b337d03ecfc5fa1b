/**
 * The report cache (`clausier check --cache`), as ESLint keeps one: a record's report is kept
 * under a key made of its content, the rule packs that may judge it, clausier's version and the
 * options that change a report (evaluation date, language, size limit). A record checked again
 * unchanged is not read as YAML at all, and its JSON entry is written as it was kept. Entries are
 * written atomically, each with a checksum over the whole of it: caches are shared (between CI
 * runs, between people), so an entry is served only if it is what was written; one that is
 * damaged, edited or unreadable is a miss, and is made again.
 *
 * The key is a SHA-256: two records must never share one. The checksum is a CRC-32, which finds
 * every change to an entry that spans 32 bits or fewer and all but one in 2^32 of the others.
 * It guards against damage as a SHA-256 would, and, like one, not against someone who writes an
 * entry and its checksum anew (there is no secret to sign with). Over a 20 KB entry it takes
 * 4 µs where a SHA-256 took 16 to 20: a tenth of a run over 10,000 cached records.
 */
import { crypto, sha256, zlib } from '../base/builtins.js';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readRegularWithin } from '../load/read.js';
import { join } from 'node:path';
import type { ReportDigest } from '../model/summary.js';

export const DEFAULT_CACHE_LOCATION = '.clausier-cache';
const SEPARATOR = new Uint8Array([0]);

/** A report as the cache keeps it. */
export interface CachedReport {
  digest: ReportDigest;
  /** The report's JSON entry without the file's name (see entryText in report/json.ts). */
  entry: string;
}

/** A report the cache holds, as read: its entry left in UTF-8 (a JSON report writes it so). */
export interface CacheHit {
  digest: ReportDigest;
  /** The entry's bytes (see CachedReport.entry). */
  entryBytes: Uint8Array;
}

/**
 * How entries are laid out: part of every key, so that a cache written by a build that laid them
 * out otherwise is never read by this one (nor overwritten: each keeps its own entries).
 */
const LAYOUT = 2;
/** Where an entry's checked part starts: after its checksum (8 hex digits) and a line break. */
const CHECKED_FROM = 9;

/** The checksum of an entry's checked part (see the top of this file): 8 hex digits. */
const checksum = (bytes: Uint8Array | string): string =>
  zlib().crc32(bytes).toString(16).padStart(8, '0');
const NEWLINE = 0x0a;

/** An entry larger than this is no entry clausier wrote (a record's is some 20 KB). */
const MOST_ENTRY_BYTES = 512 * 1024 * 1024;

export class ReportCache {
  private readonly prefix: string;

  constructor(
    private readonly dir: string,
    /** Everything but the record that a report depends on. */
    context: Record<string, unknown>,
  ) {
    this.prefix = sha256(JSON.stringify({ layout: LAYOUT, ...context }));
  }

  /** The hash of the prefix, a zero byte and the content, without copying them into one buffer. */
  key(content: Uint8Array): string {
    return crypto()
      .createHash('sha256')
      .update(this.prefix)
      .update(SEPARATOR)
      .update(content)
      .digest('hex');
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /**
   * The cached report of a record with this content: its digest (for the summary and the exit
   * code) and its JSON entry text (see entryText), which a JSON report writes as it is.
   */
  get(key: string): CacheHit | undefined {
    try {
      // The checksum, then what it is the checksum of: the digest and the entry. The entry is
      // not decoded: a cached run wrote each entry's text decoded from UTF-8 and encoded again
      // (a quarter of a run over 10,000 unchanged records).
      // A cache is shared: what lies under an entry's name may be a named pipe, a device that
      // never ends (/dev/zero), a file cut short: only a whole regular file is read.
      const read = readRegularWithin(this.path(key), MOST_ENTRY_BYTES);
      if (read?.ok !== true) return undefined;
      const bytes = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.length);
      if (bytes.length <= CHECKED_FROM || bytes[CHECKED_FROM - 1] !== NEWLINE) return undefined;
      const checked = bytes.subarray(CHECKED_FROM);
      if (checksum(checked) !== bytes.toString('latin1', 0, CHECKED_FROM - 1)) return undefined;
      const second = checked.indexOf(NEWLINE);
      if (second < 0) return undefined;
      const digest = JSON.parse(checked.toString('utf8', 0, second)) as ReportDigest;
      return { digest, entryBytes: checked.subarray(second + 1) };
    } catch {
      return undefined;
    }
  }

  set(key: string, cached: CachedReport): void {
    const path = this.path(key);
    try {
      mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      const checked = `${JSON.stringify(cached.digest)}\n${cached.entry}`;
      writeFileSync(temporary, `${checksum(checked)}\n${checked}`);
      renameSync(temporary, path);
    } catch {
      // A cache that cannot be written only makes the next run slower.
    }
  }
}
