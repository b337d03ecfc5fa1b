/**
 * `clausier doc`: the convention as a lawyer reads it, annotated with the rules that encode each
 * unit. Markdown (for pull requests) or HTML, on standard output or to `--output FILE`.
 */
import {
  annotateConvention,
  conventionHtml,
  conventionMarkdown,
  InputError,
  UsageError,
  type Language,
  loadRulePack,
  packCases,
} from '../index.js';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  deprecated,
  EXIT,
  languageOption,
  outputOption,
  packDirOf,
  type CliContext,
} from './context.js';
import { emit, writeAtomically } from './output.js';

interface DocOptions {
  format: 'markdown' | 'html';
  output?: string;
  /** Deprecated: a folder to write convention.md or convention.html in. */
  out?: string;
  rules?: string;
  lang?: Language;
}

const EXTENSIONS = { markdown: 'md', html: 'html' } as const;

function run(options: DocOptions, language: Language): void {
  const pack = loadRulePack(packDirOf(options.rules));
  const doc = annotateConvention(pack, packCases(pack));
  const content =
    options.format === 'html' ? conventionHtml(doc, language) : conventionMarkdown(doc, language);
  if (options.out === undefined) return emit(content, options.output);
  deprecated('--out', '--output', language);
  if (existsSync(options.out) && !statSync(options.out).isDirectory())
    throw new UsageError(`--out: ${options.out} is a file (expected a folder)`);
  // One level only: a missing parent is more likely a typo than a wish for a tree of folders.
  if (!existsSync(options.out)) {
    try {
      mkdirSync(options.out);
    } catch (error) {
      const code = (error as { code?: string }).code ?? String(error);
      throw new InputError(`--out: cannot create the folder ${options.out} (${code})`);
    }
  }
  writeAtomically(join(options.out, `convention.${EXTENSIONS[options.format]}`), content, '--out');
}

export function registerDoc(program: Command, context: CliContext): void {
  program
    .command('doc')
    .description(
      'the convention as a lawyer reads it: the signed text, unit by unit, with the rules that encode each one (or why none does), their parameters and their cases',
    )
    .addOption(
      new Option(
        '-f, --format <format>',
        'markdown for pull requests, html for reading and printing',
      )
        .choices(['markdown', 'html'])
        .default('markdown')
        // `md`, the first spelling, still works.
        .argParser((value: string) => {
          const format = value === 'md' ? 'markdown' : value;
          if (format !== 'markdown' && format !== 'html')
            throw new InvalidArgumentError('Allowed choices are markdown, html.');
          return format;
        }),
    )
    .addOption(outputOption('write the document to a file instead of standard output (-)'))
    .addOption(new Option('--out <dir>', 'deprecated: use --output').hideHelp())
    .option('--rules <dir>', 'a rule pack folder (default: the built-in dinsic-preincubation-2019)')
    .addOption(languageOption())
    .action((options: DocOptions) => {
      run(options, options.lang ?? context.language);
      context.setExit(EXIT.ok);
    });
}
