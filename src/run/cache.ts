/**
 * The report cache (`clausier check --cache`), as ESLint keeps one: a record's report is kept
 * under a key made of its content, the rule packs that may judge it, clausier's version and the
 * options that change a report (evaluation date, language, size limit). A record checked again
 * unchanged is not read as YAML at all, and its JSON entry is written as it was kept. Entries are
 * written atomically, each with a checksum over the whole of it: caches are shared (between CI
 * runs, between people), so an entry is served only if it is exactly what was written; one that
 * is damaged, edited or unreadable is a miss, and is made again.
 */
import { crypto, sha256 } from '../base/builtins.js';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

export class ReportCache {
  private readonly prefix: string;

  constructor(
    private readonly dir: string,
    /** Everything but the record that a report depends on. */
    context: Record<string, unknown>,
  ) {
    this.prefix = sha256(JSON.stringify(context));
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
  get(key: string): CachedReport | undefined {
    try {
      const text = readFileSync(this.path(key), 'utf8');
      // The checksum, then what it is the checksum of: the digest and the entry.
      const first = text.indexOf('\n');
      const checked = text.slice(first + 1);
      if (first !== 64 || sha256(checked) !== text.slice(0, first)) return undefined;
      const second = checked.indexOf('\n');
      const digest = JSON.parse(checked.slice(0, second)) as ReportDigest;
      return { digest, entry: checked.slice(second + 1) };
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
      writeFileSync(temporary, `${sha256(checked)}\n${checked}`);
      renameSync(temporary, path);
    } catch {
      // A cache that cannot be written only makes the next run slower.
    }
  }
}
