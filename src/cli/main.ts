/**
 * The command line: commander, one module per command, and the translation of failures into
 * exit codes. src/cli/ is the only place that prints or exits.
 */
import {
  FileProblemsError,
  inLanguage,
  InputError,
  UsageError,
  type Language,
  showControls,
  TOOL,
} from '../index.js';
import { Command, CommanderError } from 'commander';
import { registerAgenda } from './agenda.js';
import { registerCheck } from './check.js';
import { registerDoc } from './doc.js';
import { registerReport } from './report.js';
import { registerExplain } from './explain.js';
import { registerInit } from './init.js';
import { registerLedger } from './ledger.js';
import { registerLint } from './lint.js';
import { registerRules } from './rules.js';
import { registerSchema } from './schema.js';
import { registerTest } from './test.js';
import { EXIT, languageFromEnvironment, standardOutputDash, type CliContext } from './context.js';
import { describeInFrench, FRENCH_HELP, HELP_WORDS } from './help.js';
import { stderr, stdout } from './output.js';

/** The command a usage error was found in (`check`), or none for the program itself. */
const commandOf = new WeakMap<CommanderError, string>();

/** Each command, by the name it is run by, in the order the help lists them. */
const COMMANDS: Record<string, (program: Command, context: CliContext) => void> = {
  check: registerCheck,
  rules: registerRules,
  explain: registerExplain,
  schema: registerSchema,
  init: registerInit,
  lint: registerLint,
  test: registerTest,
  doc: registerDoc,
  report: registerReport,
  agenda: registerAgenda,
  ledger: registerLedger,
};

/**
 * The program, with every command; with `only`, the name of a command, that command alone: a run
 * of one command neither needs the others nor lists them (building them all cost a one-file
 * check some 2 ms). The program's help, `help`, and a name that is no command get them all.
 */
export function buildProgram(context: CliContext, only?: string): Command {
  const words = HELP_WORDS[context.language];
  const program = new Command();
  program
    .name('clausier')
    .description(
      'Checks pré-incubation programme records against the DINSIC partnership agreement, clause by clause.',
    )
    .version(TOOL.version, '-V, --version', words.version)
    .helpOption('-h, --help', words.help)
    .helpCommand('help [command]', words.helpCommand)
    // Usage errors are printed by main(), in one line and the language of the run; help and
    // version go where everything the CLI prints goes (output.ts).
    .configureOutput({
      outputError: () => {},
      writeOut: (text) => void stdout.write(text),
      writeErr: (text) => void stderr.write(text),
    });
  // Set before the commands are added, which take it from the program.
  if (context.language === 'fr') program.configureHelp(FRENCH_HELP);
  const commands =
    only !== undefined && Object.hasOwn(COMMANDS, only) ? [only] : Object.keys(COMMANDS);
  for (const name of commands) COMMANDS[name]!(program, context);
  for (const command of [program, ...program.commands]) {
    command.exitOverride((error) => {
      if (command !== program) commandOf.set(error, command.name());
      throw error;
    });
  }
  if (context.language === 'fr') describeInFrench(program);
  return program;
}

/**
 * The language of the run: `--lang` wherever it is on the command line, else the environment's
 * (LC_ALL, LC_MESSAGES, LANG). Read before commander parses, so that its own messages, the help
 * and usage errors, are in that language too.
 */
export function languageOf(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : '';
    if (value === 'fr' || value === 'en') return value;
  }
  return languageFromEnvironment(env);
}

/** A usage error in one line, as commander words it, without its `error: ` and line breaks. */
function usageMessage(error: CommanderError): string {
  return error.message
    .replace(/^error: /, '')
    .replace(/\n\(Did you mean (.*)\?\)$/s, ' (did you mean $1?)')
    .replace(/\s*\n\s*/g, ' ');
}

export async function main(argv: string[]): Promise<number> {
  let exit: number = EXIT.ok;
  const language = languageOf(argv, process.env);
  const context: CliContext = {
    setExit: (code) => {
      exit = code;
    },
    language,
  };
  const say = (message: string): string => inLanguage(message, language);
  /** A usage error, as every one is said: the command, the message, the hint to its help. */
  const usage = (command: string | undefined, message: string): number => {
    const name = command === undefined ? 'clausier' : `clausier ${command}`;
    const colon = language === 'fr' ? ' :' : ':';
    stderr.write(`${name}${colon} ${message}\n${HELP_WORDS[language].hint(name)}\n`);
    return EXIT.input;
  };
  const program = buildProgram(context, argv[0]);
  // The command being run, to name it in a usage error its action throws.
  let running: string | undefined;
  program.hook('preAction', (_program, action) => {
    running = action.name();
    standardOutputDash(action);
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; a command without its subcommand has had the help.
      if (error.exitCode === 0) return EXIT.ok;
      if (error.code === 'commander.help' || error.code === 'commander.helpDisplayed')
        return EXIT.input;
      return usage(commandOf.get(error), say(usageMessage(error)));
    }
    if (error instanceof FileProblemsError) {
      stderr.write(
        `${showControls(say(`clausier: ${error.subject} cannot be used:`))}\n` +
          error.problems
            .map((p) => `${showControls(`${p.file}:${p.line}:${p.column}: ${say(p.message)}`)}\n`)
            .join(''),
      );
      return EXIT.input;
    }
    if (error instanceof UsageError) {
      // A value commander parses (--max-size) fails before the action: the command is the first
      // argument that names one.
      running ??= argv.find((arg) => program.commands.some((c) => c.name() === arg));
      return usage(running, showControls(say(error.message)));
    }
    if (error instanceof InputError) {
      const where = [error.file, error.line, error.column].filter((p) => p !== undefined);
      const message = say(error.message);
      stderr.write(
        `clausier${language === 'fr' ? ' :' : ':'} ${showControls(`${where.length > 0 ? `${where.join(':')}: ` : ''}${message}`)}\n`,
      );
      return EXIT.input;
    }
    const message = error instanceof Error ? error.message : String(error);
    stderr.write(
      language === 'fr'
        ? `clausier : erreur interne : ${message}\nC’est un défaut de clausier, pas un problème de vos fichiers ; relancez avec CLAUSIER_DEBUG=1 pour le détail.\n`
        : `clausier: internal error: ${message}\nThis is a bug in clausier, not a problem with your files; run with CLAUSIER_DEBUG=1 for details.\n`,
    );
    if (process.env.CLAUSIER_DEBUG) stderr.write(`${(error as Error).stack ?? ''}\n`);
    return EXIT.internal;
  }
}
