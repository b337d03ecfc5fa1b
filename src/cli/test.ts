/**
 * `clausier test [PACK...]`: runs the cases of rule packs like a test runner: each record is
 * checked and compared with its .expected.yaml. Exit 1 when a case fails.
 */
import {
  builtInPacks,
  builtInPacksDir,
  inLanguage,
  type Language,
  loadRulePack,
  packCases,
  PackRegistry,
  runCase,
} from '../index.js';
import { relative } from 'node:path';
import { join } from 'node:path';
import type { Command } from 'commander';
import { EXIT, languageOption, packDirOf, type CliContext } from './context.js';
import { stdout } from './output.js';

const WORDS = {
  fr: {
    cases: (n: number) => `${n} cas`,
    total: (passed: number, failed: number) =>
      `${passed} réussi${passed > 1 ? 's' : ''}, ${failed} échoué${failed > 1 ? 's' : ''}`,
  },
  en: {
    cases: (n: number) => `${n} case${n === 1 ? '' : 's'}`,
    total: (passed: number, failed: number) => `${passed} passed, ${failed} failed`,
  },
};

export function registerTest(program: Command, context: CliContext): void {
  program
    .command('test')
    .description(
      'run the cases of rule packs (default: the built-in ones) against their expected findings',
    )
    .argument('[packs...]', 'rule pack folders')
    .addOption(languageOption())
    .action(async (packs: string[], options: { lang?: Language }) => {
      const language = options.lang ?? context.language;
      const words = WORDS[language];
      const dirs =
        packs.length > 0
          ? packs.map((pack) => packDirOf(pack))
          : builtInPacks().map((id) => join(builtInPacksDir(), id));
      let passed = 0;
      let failed = 0;
      const registry = new PackRegistry();
      for (const dir of dirs) {
        const pack = loadRulePack(dir);
        const cases = packCases(pack);
        const colon = language === 'fr' ? ' :' : ':';
        stdout.write(`${pack.id}${colon} ${words.cases(cases.length)}\n`);
        for (const testCase of cases) {
          const result = await runCase(testCase, dir, registry);
          const name = relative(process.cwd(), testCase.file);
          if (result.passed) {
            passed++;
            stdout.write(`  ✓ ${name}\n`);
          } else {
            failed++;
            stdout.write(`  ✗ ${name}\n      ${testCase.expectation.description}\n`);
            for (const difference of result.differences)
              stdout.write(`      ${inLanguage(difference, language)}\n`);
          }
        }
      }
      stdout.write(`\n${words.total(passed, failed)}\n`);
      context.setExit(failed > 0 ? EXIT.breach : EXIT.ok);
    });
}
