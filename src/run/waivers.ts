/**
 * Waivers (dérogations): a finance controller may accept a deviation from the convention. A waiver
 * names a rule, a record and, optionally, the place of the breach in it; while it is in force
 * (from the day it was approved to its last day, judged at the record's evaluation date), the
 * matching breaches become `waived` findings, counted apart. A waiver that has expired, is not
 * yet approved, or matches no breach is reported itself, so that none lingers unseen.
 */
import { dirname, relative, resolve } from 'node:path';
import type { FileReport, WaiverOutcome } from '../model/finding.js';
import { FileProblemsError, type FileProblem } from '../base/errors.js';
import { validateWaivers } from '../generated/waiver-validator.js';
import { decodeRecord } from '../load/decode.js';
import { decodeText } from '../load/text.js';
import { DEFAULT_MAX_BYTES, describeFsError } from '../load/index.js';
import { overLimit, readWithin, type ReadResult } from '../load/read.js';
import { validateParsed } from '../load/validate.js';
import { parseYaml } from '../load/yaml/parse.js';
import type { Waiver, WaiverFile } from '../model/waivers.js';
import schema from '../../schemas/waivers.schema.json' with { type: 'json' };
import type { RootSchema } from '../load/schema.js';
import { formatDate, type Language } from '../base/language.js';

const WORDS = {
  fr: {
    unmatched: (where: string, file: string) =>
      `la dérogation pour ${where} ne correspond à aucun manquement de ${file} : à retirer`,
    expired: (where: string, until: string, asOf: string) =>
      `la dérogation pour ${where} a pris fin le ${until} (dossier jugé au ${asOf}) : le manquement demeure`,
    notYet: (where: string, approved: string, asOf: string) =>
      `la dérogation pour ${where} n’a été accordée que le ${approved}, après le ${asOf} : le manquement demeure`,
    applied: (where: string, who: string, approved: string, until: string) =>
      `dérogation pour ${where} accordée par ${who} le ${approved}, jusqu’au ${until}`,
  },
  en: {
    unmatched: (where: string, file: string) =>
      `the waiver for ${where} matches no breach in ${file}: remove it`,
    expired: (where: string, until: string, asOf: string) =>
      `the waiver for ${where} expired on ${until} (the record is judged as of ${asOf}): the breach stands`,
    notYet: (where: string, approved: string, asOf: string) =>
      `the waiver for ${where} was approved only on ${approved}, after ${asOf}: the breach stands`,
    applied: (where: string, who: string, approved: string, until: string) =>
      `waiver for ${where} approved by ${who} on ${approved}, until ${until}`,
  },
};

export interface LoadedWaiver extends Waiver {
  /** The waiver file as given, and where the waiver is in it. */
  file: string;
  line: number;
  column: number;
  /** The record's path, resolved from the waiver file's folder. */
  recordPath: string;
}

/**
 * Reads a waiver file (held to the same size limit as records); a bad one is refused whole, with
 * every problem located.
 */
export function loadWaivers(path: string, options: { maxBytes?: number } = {}): LoadedWaiver[] {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fail = (problems: FileProblem[]): never => {
    throw new FileProblemsError('the waiver file', problems);
  };
  let read: ReadResult;
  try {
    read = readWithin(path, maxBytes);
  } catch (error) {
    return fail([{ file: path, line: 1, column: 1, message: describeFsError(error) }]);
  }
  if (!read.ok) {
    const message = overLimit('the file', read, maxBytes);
    return fail([{ file: path, line: 1, column: 1, message }]);
  }
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) return fail([{ file: path, ...decoded.problem }]);
  const parsed = parseYaml(decoded.text, { maxBytes });
  const root = parsed.value;
  const problems: FileProblem[] = parsed.problems.map((p) => ({
    file: path,
    line: p.line,
    column: p.column,
    message: p.message,
  }));
  if (root !== undefined) {
    const sourceText = (pointer: string): string | undefined =>
      parsed.positions.sourceText(root, pointer);
    const schemaProblems = validateParsed(parsed, validateWaivers, schema as unknown as RootSchema);
    // Dates are real days (decoding walks the record schema, which shares the CalendarDate definition).
    const dateProblems = decodeRecord(
      root,
      sourceText,
      [...schemaProblems, ...parsed.problems],
      schema as unknown as RootSchema,
    );
    for (const p of [...schemaProblems, ...dateProblems]) {
      problems.push({
        file: path,
        ...parsed.positions.place(root, p.pointer, p.atKey),
        message: p.message,
      });
    }
  }
  if (problems.length > 0 || root === undefined) return fail(problems);
  const base = dirname(resolve(path));
  return (root as WaiverFile).waivers.map((waiver, index) => ({
    ...waiver,
    file: path,
    ...parsed.positions.place(root, `/waivers/${index}`),
    recordPath: resolve(base, waiver.record),
  }));
}

/**
 * Applies waivers to the reports of a run, in place: matching breaches become `waived`, and each
 * report lists what became of the waivers concerning its record. Waivers for records not checked
 * in this run are left aside.
 */
export function applyWaivers(
  reports: FileReport[],
  waivers: readonly LoadedWaiver[],
  language: Language = 'fr',
): void {
  const w = WORDS[language];
  for (const report of reports) {
    if (report.asOf === undefined) continue;
    const concerning = waivers.filter((w) => w.recordPath === resolve(report.file));
    if (concerning.length === 0) continue;
    const outcomes: WaiverOutcome[] = [];
    for (const waiver of concerning) {
      const matches = report.findings.filter(
        (f) =>
          (f.status === 'breach' || f.status === 'waived') &&
          f.rule === waiver.rule &&
          (waiver.pointer === undefined || f.locations.some((l) => l.pointer === waiver.pointer)),
      );
      const where = `${waiver.rule}${waiver.pointer ? ` (${waiver.pointer})` : ''}`;
      const file = relative(process.cwd(), report.file) || report.file;
      const outcome = (status: WaiverOutcome['status'], message: string): WaiverOutcome => ({
        status,
        rule: waiver.rule,
        ...(waiver.pointer !== undefined && { pointer: waiver.pointer }),
        message,
        file: waiver.file,
        line: waiver.line,
        column: waiver.column,
      });
      if (matches.length === 0) {
        outcomes.push(outcome('unmatched', w.unmatched(where, file)));
      } else if (report.asOf > waiver.until) {
        outcomes.push(
          outcome(
            'expired',
            w.expired(where, formatDate(waiver.until, language), formatDate(report.asOf, language)),
          ),
        );
      } else if (report.asOf < waiver.approved) {
        outcomes.push(
          outcome(
            'not-yet-approved',
            w.notYet(
              where,
              formatDate(waiver.approved, language),
              formatDate(report.asOf, language),
            ),
          ),
        );
      } else {
        for (const finding of matches) {
          finding.status = 'waived';
          finding.waiver = {
            reason: waiver.reason,
            approvedBy: waiver.approvedBy,
            approved: waiver.approved,
            until: waiver.until,
            file: waiver.file,
            line: waiver.line,
          };
        }
        outcomes.push(
          outcome(
            'applied',
            w.applied(
              where,
              waiver.approvedBy,
              formatDate(waiver.approved, language),
              formatDate(waiver.until, language),
            ),
          ),
        );
      }
    }
    report.waivers = outcomes;
    if (report.verdict === 'breach' && !report.findings.some((f) => f.status === 'breach'))
      report.verdict = 'compliant';
  }
}
