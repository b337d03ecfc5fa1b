/**
 * A run's outputs written as its files come (see checkFiles): text and JSON file by file, so
 * that no run holds every report; the formats that need every report at once (severity order,
 * one SARIF run, a size budget) at the end. It returns text for each output; it never prints.
 *
 *   const writer = new RunWriter([{ format: 'json' }], { language: 'en', tool });
 *   let out = writer.begin()[0];
 *   for await (const file of run) out += writer.add(file)[0];
 *   out += writer.end((reports) => run.packsOf(reports))[0];
 */
import type { FileReport } from '../model/finding.js';
import type { Language } from '../base/language.js';
import {
  addToSummary,
  emptySummary,
  fails,
  showsCodeFrames,
  type CheckedFile,
  type FailOn,
  type RunSummary,
} from '../model/summary.js';
import type { RulePack } from '../rules/pack/types.js';
import { FORMATTERS } from './index.js';
import { JsonReportWriter } from './json.js';
import { formatTextFile, formatTextSummary } from './text.js';

/** One output of a run: a format, with colours or not (text only). */
export interface RunOutput {
  format: string;
  colors?: boolean;
}

export interface RunWriterOptions {
  language: Language;
  /** Every finding, not only breaches and undetermined ones (text). */
  verbose?: boolean;
  /** What made the report (JSON, SARIF). */
  tool: { name: string; version: string };
  /** What fails the run (see `failed`); `warning` (any breach) by default. */
  failOn?: FailOn;
}

export class RunWriter {
  /** The run's counts so far. */
  readonly summary: RunSummary = emptySummary();
  /** Some file could not be read or judged. */
  invalid = false;
  /** Some file has what `failOn` names. */
  failed = false;
  private readonly json = new JsonReportWriter();
  private readonly collecting: boolean;
  private readonly collected: FileReport[] = [];
  private readonly sources = new Map<string, string>();

  constructor(
    private readonly outputs: readonly RunOutput[],
    private readonly options: RunWriterOptions,
  ) {
    this.collecting = outputs.some((o) => o.format !== 'text' && o.format !== 'json');
  }

  /** What each output opens with ('' for most). */
  begin(): string[] {
    return this.outputs.map(({ format }) =>
      format === 'json' ? this.json.begin(this.options.tool) : '',
    );
  }

  /** What each output says of one more file ('' for the formats written at the end). */
  add(file: CheckedFile): string[] {
    return this.adding(file, false) as string[];
  }

  /**
   * The same, where a JSON output may be given pieces of bytes (UTF-8) to write one after the
   * other: a file's entry as the cache kept it, written without being decoded or copied (what
   * `clausier check` writes).
   */
  addParts(file: CheckedFile): (string | Uint8Array[])[] {
    return this.adding(file, true);
  }

  private adding(file: CheckedFile, bytes: boolean): (string | Uint8Array[])[] {
    const { digest } = file;
    let report: FileReport | undefined;
    const full = (): FileReport => (report ??= file.report());
    addToSummary(this.summary, digest);
    this.invalid ||= digest.verdict === 'invalid';
    this.failed ||= fails([digest], this.options.failOn ?? 'warning');
    const recordText = file.text !== undefined && showsCodeFrames(digest) ? file.text : undefined;
    const chunks = this.outputs.map(({ format, colors }) => {
      if (format === 'text') {
        const frames = new Map<string, string>();
        if (recordText !== undefined) frames.set(full().file, recordText);
        return formatTextFile(full(), { ...this.textOptions(colors), sources: frames });
      }
      if (format === 'json') {
        if (bytes && file.entryBytes !== undefined)
          return this.json.entryPieces(file.file, file.entryBytes);
        return file.entry !== undefined
          ? this.json.entry(file.file, file.entry)
          : this.json.file(full());
      }
      return '';
    });
    if (this.collecting) {
      this.collected.push(full());
      if (recordText !== undefined) this.sources.set(full().file, recordText);
    }
    return chunks;
  }

  /** What each output ends with: the summaries, and the formats written whole. */
  end(packsOf: (reports: readonly FileReport[]) => Map<string, RulePack>): string[] {
    const packs = this.collecting ? packsOf(this.collected) : new Map<string, RulePack>();
    return this.outputs.map(({ format, colors }) => {
      if (format === 'text') return formatTextSummary(this.summary, this.textOptions(colors));
      if (format === 'json') return this.json.end(this.summary);
      return FORMATTERS[format]!(this.collected, {
        language: this.options.language,
        verbose: this.options.verbose ?? false,
        tool: this.options.tool,
        colors: colors ?? false,
        sources: this.sources,
        packs,
        ...(this.options.failOn !== undefined && { failOn: this.options.failOn }),
      });
    });
  }

  private textOptions(colors: boolean | undefined) {
    return {
      language: this.options.language,
      verbose: this.options.verbose ?? false,
      colors: colors ?? false,
    };
  }
}
