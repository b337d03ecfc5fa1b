/** `clausier rules`: the rules of a pack, one line each. */
import { type Language, loadRulePack } from '../index.js';
import { Option, type Command } from 'commander';
import { columns, EXIT, languageOption, packDirOf, type CliContext } from './context.js';
import { stdout } from './output.js';

export function registerRules(program: Command, context: CliContext): void {
  program
    .command('rules')
    .description('list the rules of a rule pack: id, clauses, severity, obligor, summary')
    .option('--rules <dir>', 'a rule pack folder (default: the built-in dinsic-preincubation-2019)')
    .addOption(languageOption())
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json'])
        .default('text'),
    )
    .action((options: { rules?: string; lang?: Language; format: 'text' | 'json' }) => {
      const pack = loadRulePack(packDirOf(options.rules));
      const language = options.lang ?? context.language;
      if (options.format === 'json') {
        const rules = pack.rules.map((r) => ({
          id: r.id,
          title: r.title,
          clauses: r.clauses,
          severity: r.severity,
          obligor: r.obligor,
          summary: r.summary,
        }));
        stdout.write(JSON.stringify({ pack: pack.id, rules }, null, 2) + '\n');
      } else {
        const header =
          language === 'fr'
            ? ['RÈGLE', 'CLAUSES', 'GRAVITÉ', 'DÉBITEUR', 'RÉSUMÉ']
            : ['RULE', 'CLAUSES', 'SEVERITY', 'OBLIGOR', 'SUMMARY'];
        const rows = pack.rules.map((r) => [
          r.id,
          r.clauses.join(', '),
          r.severity,
          r.obligor,
          r.summary[language],
        ]);
        stdout.write(`${pack.title[language]} (${pack.id})\n\n${columns([header, ...rows])}\n`);
      }
      context.setExit(EXIT.ok);
    });
}
