/**
 * GitHub Actions workflow commands: each problem becomes an annotation on the line of the record
 * it is about (`::error file=...,line=...,col=...,title=...::message`), shown in the job's summary
 * and on the pull request's diff.
 *
 * GitHub shows at most 10 annotations of each level (error, warning, notice) per step and drops
 * the rest silently, so the most severe come first, and for each level that overflows one plain
 * line says how many were left out and where to see them. Undetermined findings are notices: the
 * record lacks what a rule needs, which someone should fill in, but nothing is breached. A waiver
 * to review is a warning on its line of the waiver file (it fails the run as a warning breach
 * does). Pending findings (not yet due) and waived breaches (accepted) are not annotated.
 */
import type { FileReport } from '../model/finding.js';
import { STDIN } from '../model/finding.js';
import type { Language } from '../base/language.js';
import { repositoryPath, type FormatContext } from './context.js';
import { summarize } from '../model/summary.js';

/** GitHub's limit of annotations per level and per step. */
export const ANNOTATIONS_PER_LEVEL = 10;

type Level = 'error' | 'warning' | 'notice';
const LEVELS: readonly Level[] = ['error', 'warning', 'notice'];

/** Escapes the message of a workflow command, so that a record's text cannot end the command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property of a workflow command (`file`, `title`): also `:` and `,`, its separators. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

interface Annotation {
  level: Level;
  /**
   * Most severe first: input errors (the record was not judged at all), error breaches, warning
   * breaches and waivers to review, undetermined findings.
   */
  rank: number;
  file: string;
  line?: number;
  column?: number;
  title: string;
  message: string;
}

const WORDS = {
  en: {
    inputTitle: 'clausier/input: invalid record',
    waiverTitle: (rule: string) => `clausier/waiver: waiver to review (${rule})`,
    more: {
      error: (n: number) =>
        `${n} more error${n > 1 ? 's are' : ' is'} not shown as annotations (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level); run clausier check --format text to see them all`,
      warning: (n: number) =>
        `${n} more warning${n > 1 ? 's are' : ' is'} not shown as annotations (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level); run clausier check --format text to see them all`,
      notice: (n: number) =>
        `${n} more undetermined finding${n > 1 ? 's are' : ' is'} not shown as annotations (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level); run clausier check --format text to see them all`,
    },
    summary: (reports: readonly FileReport[], undetermined: number): string => {
      const s = summarize(reports);
      const plural = (n: number, word: string): string => `${n} ${word}${n !== 1 ? 's' : ''}`;
      return (
        `${plural(s.files, 'file')}: ${s.compliant} compliant, ${s.withBreaches} not compliant, ${s.invalid} invalid; ` +
        `breaches: ${plural(s.breaches.error, 'error')}, ${plural(s.breaches.warning, 'warning')}; ` +
        `undetermined: ${undetermined}; ${plural(s.inputErrors, 'input error')}` +
        (s.recordWarnings > 0 ? `; ${plural(s.recordWarnings, 'warning')} about the records` : '') +
        (s.waived > 0 ? `; waived: ${s.waived}` : '') +
        (s.waiverProblems > 0 ? `; ${plural(s.waiverProblems, 'waiver')} to review` : '')
      );
    },
    colon: ':',
  },
  fr: {
    inputTitle: 'clausier/input : dossier invalide',
    waiverTitle: (rule: string) => `clausier/waiver : dérogation à revoir (${rule})`,
    more: {
      error: (n: number) =>
        `${n} erreur${n > 1 ? 's' : ''} de plus ${n > 1 ? 'ne sont pas affichées' : 'n’est pas affichée'} en annotation (GitHub en affiche ${ANNOTATIONS_PER_LEVEL} par niveau) ; clausier check --format text les montre toutes`,
      warning: (n: number) =>
        `${n} avertissement${n > 1 ? 's' : ''} de plus ${n > 1 ? 'ne sont pas affichés' : 'n’est pas affiché'} en annotation (GitHub en affiche ${ANNOTATIONS_PER_LEVEL} par niveau) ; clausier check --format text les montre tous`,
      notice: (n: number) =>
        `${n} constat${n > 1 ? 's' : ''} indéterminé${n > 1 ? 's' : ''} de plus ${n > 1 ? 'ne sont pas affichés' : 'n’est pas affiché'} en annotation (GitHub en affiche ${ANNOTATIONS_PER_LEVEL} par niveau) ; clausier check --format text les montre tous`,
    },
    summary: (reports: readonly FileReport[], undetermined: number): string => {
      const s = summarize(reports);
      const plural = (n: number, word: string): string => `${n} ${word}${n > 1 ? 's' : ''}`;
      return (
        `${plural(s.files, 'fichier')} : ${plural(s.compliant, 'conforme')}, ${plural(s.withBreaches, 'non conforme')}, ${plural(s.invalid, 'invalide')} ; ` +
        `manquements : ${plural(s.breaches.error, 'erreur')}, ${plural(s.breaches.warning, 'avertissement')} ; ` +
        `indéterminés : ${undetermined} ; ${plural(s.inputErrors, 'erreur')} de saisie` +
        (s.recordWarnings > 0
          ? ` ; ${plural(s.recordWarnings, 'avertissement')} sur les dossiers`
          : '') +
        (s.waived > 0 ? ` ; avec dérogation : ${s.waived}` : '') +
        (s.waiverProblems > 0 ? ` ; ${plural(s.waiverProblems, 'dérogation')} à revoir` : '')
      );
    },
    colon: ' :',
  },
} satisfies Record<Language, unknown>;

function annotations(reports: readonly FileReport[], context: FormatContext, cwd: string) {
  const w = WORDS[context.language];
  const out: Annotation[] = [];
  for (const report of reports) {
    const file = repositoryPath(report.file, cwd);
    for (const error of report.errors) {
      out.push({
        level: 'error',
        rank: 0,
        file,
        line: error.line,
        column: error.column,
        title: w.inputTitle,
        message: error.message,
      });
    }
    for (const finding of report.findings) {
      const breach = finding.status === 'breach';
      if (!breach && finding.status !== 'undetermined') continue;
      const where = finding.locations[0];
      out.push({
        level: breach ? finding.severity : 'notice',
        rank: breach ? (finding.severity === 'error' ? 1 : 2) : 3,
        file,
        ...(where && { line: where.line, column: where.column }),
        title: `${finding.rule}${w.colon} ${finding.title}`,
        message: `${finding.message} (${finding.cite})`,
      });
    }
    for (const waiver of report.waivers ?? []) {
      if (waiver.status === 'applied') continue;
      out.push({
        level: 'warning',
        rank: 2,
        file: repositoryPath(waiver.file, cwd),
        line: waiver.line,
        column: waiver.column,
        title: w.waiverTitle(waiver.rule),
        message: waiver.message,
      });
    }
  }
  // A stable sort: within a rank, the files in the order given and each file's problems as found.
  return out.sort((a, b) => a.rank - b.rank);
}

function command(annotation: Annotation): string {
  // Standard input is no file of the repository: its annotations go to the job, not to a line.
  const properties = [
    ...(annotation.file === STDIN
      ? []
      : [
          `file=${escapeProperty(annotation.file)}`,
          ...(annotation.line !== undefined ? [`line=${annotation.line}`] : []),
          ...(annotation.column !== undefined ? [`col=${annotation.column}`] : []),
        ]),
    `title=${escapeProperty(annotation.title)}`,
  ];
  return `::${annotation.level} ${properties.join(',')}::${escapeData(annotation.message)}`;
}

export function formatGithub(
  reports: readonly FileReport[],
  context: FormatContext,
  cwd: string = process.cwd(),
): string {
  const w = WORDS[context.language];
  const all = annotations(reports, context, cwd);
  const lines: string[] = [];
  for (const level of LEVELS) {
    const ofLevel = all.filter((a) => a.level === level);
    lines.push(...ofLevel.slice(0, ANNOTATIONS_PER_LEVEL).map(command));
    const hidden = ofLevel.length - ANNOTATIONS_PER_LEVEL;
    // A plain line, not a command: it shows in the log, where the hidden ones can be looked for.
    if (hidden > 0) lines.push(`clausier${w.colon} ${w.more[level](hidden)}`);
  }
  const undetermined = all.filter((a) => a.level === 'notice').length;
  lines.push(`clausier${w.colon} ${w.summary(reports, undetermined)}`);
  return lines.join('\n') + '\n';
}
