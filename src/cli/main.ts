/**
 * The command line: commander, one module per command, and the translation of failures into
 * exit codes. src/cli/ is the only place that prints or exits.
 */
import { Command, CommanderError } from 'commander';
import { FileProblemsError, InputError } from '../errors.js';
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
import { EXIT, languageFromEnvironment, toolInfo, type CliContext } from './context.js';

function buildProgram(context: CliContext): Command {
  const program = new Command();
  program
    .name('clausier')
    .description(
      'Checks pré-incubation programme records against the DINSIC partnership agreement, clause by clause.',
    )
    .version(toolInfo.version)
    .showHelpAfterError()
    .exitOverride();
  registerCheck(program, context);
  registerRules(program, context);
  registerExplain(program, context);
  registerSchema(program, context);
  registerInit(program, context);
  registerLint(program, context);
  registerTest(program, context);
  registerDoc(program, context);
  registerReport(program, context);
  registerAgenda(program, context);
  registerLedger(program, context);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exit: number = EXIT.ok;
  const context: CliContext = {
    setExit: (code) => {
      exit = code;
    },
    language: languageFromEnvironment(process.env),
  };
  const program = buildProgram(context);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; anything else commander refuses is bad usage.
      return error.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    if (error instanceof FileProblemsError) {
      process.stderr.write(`clausier: ${error.subject} cannot be used:\n${error.message}\n`);
      return EXIT.input;
    }
    if (error instanceof InputError) {
      process.stderr.write(`clausier: ${error.describe()}\n`);
      return EXIT.input;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `clausier: internal error: ${message}\nThis is a bug in clausier, not a problem with your files; run with CLAUSIER_DEBUG=1 for details.\n`,
    );
    if (process.env.CLAUSIER_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return EXIT.internal;
  }
}
