/**
 * The report cache (`clausier check --cache`), as ESLint keeps one: a record's report is kept
 * under a key made of its content, the rule packs that may judge it, clausier's version and the
 * options that change a report (evaluation date, language, size limit). A record checked again
 * unchanged is not read as YAML at all. Entries are written atomically; an unreadable one is a
 * miss.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileReport } from './check.js';
import { sha256 } from './rules/snapshot.js';

export const DEFAULT_CACHE_LOCATION = '.clausier-cache';

export class ReportCache {
  private readonly prefix: string;

  constructor(
    private readonly dir: string,
    /** Everything but the record that a report depends on. */
    context: Record<string, unknown>,
  ) {
    this.prefix = sha256(JSON.stringify(context));
  }

  key(content: Uint8Array): string {
    return sha256(Buffer.concat([Buffer.from(this.prefix), Buffer.from([0]), content]));
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The cached report of a record with this content, for the file named `file`. */
  get(key: string, file: string): FileReport | undefined {
    try {
      const report = JSON.parse(readFileSync(this.path(key), 'utf8')) as Omit<FileReport, 'file'>;
      return { file, ...report };
    } catch {
      return undefined;
    }
  }

  set(key: string, report: FileReport): void {
    const path = this.path(key);
    const { file: _, ...rest } = report;
    try {
      mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(rest));
      renameSync(temporary, path);
    } catch {
      // A cache that cannot be written only makes the next run slower.
    }
  }
}
