/** `clausier schema`: the JSON Schema of records (or of a rule pack's files), for editors and tools. */
import { Option, type Command } from 'commander';
import { SCHEMAS } from '../index.js';
import { EXIT, outputOption, type CliContext } from './context.js';
import { emit } from './output.js';

export function registerSchema(program: Command, context: CliContext): void {
  program
    .command('schema')
    .description('print the JSON Schema of programme records (or of a rule pack file)')
    .addOption(
      new Option('--of <kind>', 'which schema').choices(Object.keys(SCHEMAS)).default('record'),
    )
    .addOption(outputOption('write it to a file instead of standard output (-)'))
    .action((options: { of: string; output?: string }) => {
      emit(JSON.stringify(SCHEMAS[options.of], null, 2) + '\n', options.output);
      context.setExit(EXIT.ok);
    });
}
