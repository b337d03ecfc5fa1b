/**
 * `clausier lint [PACK...]`: checks rule packs for their authors — the files against their
 * schemas, every fact, operator, parameter and named condition known, quotes word for word in
 * their clauses, every clause unit encoded or excused, messages in French and English, and every
 * rule the pack defines exercised by its cases. Exit 1 when a pack has problems.
 */
import type { Command } from 'commander';
import { caseCoverageProblems, packCases } from '../cases.js';
import { lintPack } from '../rules/lint.js';
import {
  builtInPacks,
  builtInPacksDir,
  loadRulePack,
  RulePackError,
  type PackProblem,
} from '../rules/pack.js';
import { join, relative } from 'node:path';
import { inLanguage } from '../messages.js';
import type { Language } from '../rules/template.js';
import { EXIT, languageOption, type CliContext } from './context.js';

export function lintProblems(dir: string): { id: string; problems: PackProblem[] } {
  try {
    const pack = loadRulePack(dir);
    const coverage = caseCoverageProblems(pack, packCases(pack)).map((p) => {
      const rule = pack.rules.find((r) => r.id === p.rule)!;
      return { file: rule.source.path, ...rule.source.locate(p.pointer), message: p.message };
    });
    return { id: pack.id, problems: [...lintPack(pack), ...coverage] };
  } catch (error) {
    if (error instanceof RulePackError)
      return { id: relative(process.cwd(), dir) || dir, problems: error.problems };
    throw error;
  }
}

export function registerLint(program: Command, context: CliContext): void {
  program
    .command('lint')
    .description('check rule packs (default: the built-in ones) for their authors')
    .argument('[packs...]', 'rule pack folders')
    .addOption(languageOption())
    .action((packs: string[], options: { lang?: Language }) => {
      const language = options.lang ?? context.language;
      const fr = language === 'fr';
      const dirs =
        packs.length > 0 ? packs : builtInPacks().map((id) => join(builtInPacksDir(), id));
      let failed = false;
      for (const dir of dirs) {
        const { id, problems } = lintProblems(dir);
        if (problems.length === 0) {
          process.stdout.write(fr ? `${id} : aucun problème\n` : `${id}: no problem\n`);
          continue;
        }
        failed = true;
        const n = problems.length;
        process.stdout.write(
          fr
            ? `${id} : ${n} problème${n > 1 ? 's' : ''}\n`
            : `${id}: ${n} problem${n > 1 ? 's' : ''}\n`,
        );
        for (const p of problems)
          process.stdout.write(
            `  ${p.file}:${p.line}:${p.column}: ${inLanguage(p.message, language)}\n`,
          );
      }
      context.setExit(failed ? EXIT.breach : EXIT.ok);
    });
}
