/**
 * `clausier lint [PACK...]`: checks rule packs for their authors — the files against their
 * schemas, every fact, operator, parameter and named condition known, quotes word for word in
 * their clauses, every clause unit encoded or excused, messages in French and English, and every
 * rule the pack defines exercised by its cases (errors); and, as warnings, a derived fact or a
 * parameter no rule uses, and a rule that breaches on none or all of the records tried, or on
 * exactly the records another does (see src/run/pack-lint.ts). Exit 1 when a pack has errors, or
 * warnings with --fail-on warning; 2 when a record given with --records cannot be judged, or a
 * folder given is no rule pack.
 */
import {
  builtInPacks,
  builtInPacksDir,
  expandTargets,
  GENERATED_RECORDS,
  inLanguage,
  InputError,
  UsageError,
  type Language,
  type LintRecord,
  lintRulePack,
} from '../index.js';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { join } from 'node:path';
import { EXIT, languageOption, packDirOf, type CliContext } from './context.js';
import { stderr, stdout } from './output.js';

const WORDS = {
  fr: {
    none: 'aucun problème',
    problems: (n: number) => `${n} problème${n > 1 ? 's' : ''}`,
    warnings: (n: number) => `${n} avertissement${n > 1 ? 's' : ''}`,
    warning: 'avertissement : ',
    colon: ' : ',
    unjudged: 'non essayé',
  },
  en: {
    none: 'no problem',
    problems: (n: number) => `${n} problem${n > 1 ? 's' : ''}`,
    warnings: (n: number) => `${n} warning${n > 1 ? 's' : ''}`,
    warning: 'warning: ',
    colon: ': ',
    unjudged: 'not tried',
  },
};

/** A count of records, 0 or more. */
function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('Expected a whole number, 0 or more.');
  return Number(value);
}

export function registerLint(program: Command, context: CliContext): void {
  program
    .command('lint')
    .description('check rule packs (default: the built-in ones) for their authors')
    .argument('[packs...]', 'rule pack folders')
    .addOption(languageOption())
    .addOption(
      new Option('--fail-on <level>', 'what makes the exit code 1: errors only, or warnings too')
        .choices(['error', 'warning'])
        .default('error'),
    )
    .option(
      '--records <path>',
      "records to evaluate the rules over, instead of the pack's cases (files, folders or globs; repeatable)",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(
      '--generated <n>',
      'how many generated records (seeded: the same every run) to evaluate the rules over too',
      parseCount,
      GENERATED_RECORDS,
    )
    .action(
      async (
        packs: string[],
        options: {
          lang?: Language;
          failOn: 'error' | 'warning';
          records?: string[];
          generated: number;
        },
      ) => {
        const language = options.lang ?? context.language;
        const words = WORDS[language];
        const dirs =
          packs.length > 0
            ? packs.map((pack) => packDirOf(pack))
            : builtInPacks().map((id) => join(builtInPacksDir(), id));
        const records = options.records && givenRecords(options.records);
        let failed = false;
        let unjudged = false;
        for (const dir of dirs) {
          const lint = await lintRulePack(dir, {
            ...(records && { records }),
            generated: options.generated,
          });
          for (const { name, error } of lint.unjudged) {
            unjudged = true;
            stderr.write(
              `clausier${words.colon}${name}:${error.line}:${error.column}: ${inLanguage(error.message, language)} (${words.unjudged})\n`,
            );
          }
          const errors = lint.problems.filter((p) => p.severity === 'error').length;
          const warnings = lint.problems.length - errors;
          if (errors > 0 || (warnings > 0 && options.failOn === 'warning')) failed = true;
          const counts = [
            ...(errors > 0 ? [words.problems(errors)] : []),
            ...(warnings > 0 ? [words.warnings(warnings)] : []),
          ];
          stdout.write(
            `${lint.id}${words.colon}${counts.length > 0 ? counts.join(', ') : words.none}\n`,
          );
          for (const p of lint.problems)
            stdout.write(
              `  ${p.file}:${p.line}:${p.column}: ${p.severity === 'warning' ? words.warning : ''}${inLanguage(p.message, language)}\n`,
            );
        }
        context.setExit(unjudged ? EXIT.input : failed ? EXIT.breach : EXIT.ok);
      },
    );
}

/** The records named by --records, read once for every pack linted. */
function givenRecords(paths: readonly string[]): LintRecord[] {
  return expandTargets(paths).map((target): LintRecord => {
    if (target.problem !== undefined) throw new InputError(`${target.path}: ${target.problem}`);
    if (target.path === '-')
      throw new UsageError('--records: lint reads records from files, not standard input');
    return { file: target.path, origin: 'given' };
  });
}
