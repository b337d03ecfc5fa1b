/**
 * `clausier doc`: the convention as a lawyer reads it, annotated with the rules that encode each
 * unit. Markdown (for pull requests) on standard output by default; `--out DIR` writes
 * `convention.md` or `convention.html` there.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { packCases } from '../cases.js';
import { InputError } from '../errors.js';
import { loadRulePack } from '../rules/pack.js';
import type { Language } from '../rules/template.js';
import { annotateConvention, conventionHtml, conventionMarkdown } from '../views/index.js';
import { documentLanguage, EXIT, packDirOf, type CliContext } from './context.js';
import { writeAtomically } from './output.js';

interface DocOptions {
  format: 'md' | 'html';
  out?: string;
  rules?: string;
  lang?: Language;
}

function run(options: DocOptions): string | undefined {
  const pack = loadRulePack(packDirOf(options.rules));
  // The convention's text is French: the document is in French unless English is asked for.
  const language = options.lang ?? 'fr';
  const doc = annotateConvention(pack, packCases(pack));
  const content =
    options.format === 'html' ? conventionHtml(doc, language) : conventionMarkdown(doc, language);
  if (options.out === undefined) return content;
  if (existsSync(options.out) && !statSync(options.out).isDirectory())
    throw new InputError(`--out: ${options.out} is a file (expected a folder)`);
  // One level only: a missing parent is more likely a typo than a wish for a tree of folders.
  if (!existsSync(options.out)) {
    try {
      mkdirSync(options.out);
    } catch (error) {
      const code = (error as { code?: string }).code ?? String(error);
      throw new InputError(`--out: cannot create the folder ${options.out} (${code})`);
    }
  }
  writeAtomically(join(options.out, `convention.${options.format}`), content, '--out');
  return undefined;
}

export function registerDoc(program: Command, context: CliContext): void {
  program
    .command('doc')
    .description(
      'the convention as a lawyer reads it: the signed text, unit by unit, with the rules that encode each one (or why none does), their parameters and their cases',
    )
    .addOption(
      new Option('-f, --format <format>', 'md for pull requests, html for reading and printing')
        .choices(['md', 'html'])
        .default('md'),
    )
    .option(
      '-o, --out <dir>',
      'write convention.md or convention.html in this folder instead of standard output',
    )
    .option('--rules <dir>', 'a rule pack folder (default: the built-in dinsic-preincubation-2019)')
    .addOption(documentLanguage())
    .action((options: DocOptions) => {
      const content = run(options);
      if (content !== undefined) process.stdout.write(content);
      context.setExit(EXIT.ok);
    });
}
