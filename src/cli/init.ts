/**
 * `clausier init [FILE]`: a commented starter record, valid as written, for a new programme under
 * the built-in template. It never overwrites a file.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../base/errors.js';
import { packageRoot } from '../rules/pack/root.js';
import { EXIT, type CliContext } from './context.js';
import { emit } from './output.js';

/** The starter record; `schemaPath` is where the record's schema is, seen from the file. */
export function starterRecord(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}
# A programme record for clausier: fill in what has happened, as it happens.
# Check it with: npx clausier check <this file>
# Amounts are euros with at most two decimals (10000.00); dates are YYYY-MM-DD; weeks are
# ISO weeks (2025-W37); bank codes go in quotes so that their zeros are kept ("00064").

# The date the record describes the programme as of; obligations due later are pending.
asOf: 2025-09-01

convention:
  id: dinsic-ma-collectivite-2025         # any identifier of your choice
  template: dinsic-preincubation-2019     # the rule pack that judges the record
  signatures:                             # each party's dated signature (article 2)
    - party: collectivite
      signatory: Prénom Nom
      capacity: Directeur général des services
      date: 2025-09-01
    - party: dinsic
      signatory: Prénom Nom
      capacity: Directeur interministériel du numérique
      date: 2025-09-01
  copies: 2                               # "Fait, en double exemplaire"
  # communicatedToController: 2025-09-05  # sent to the budget controller (article 5)

parties:
  dinsic:
    name: Direction interministérielle du numérique
    account:                              # the CBCM account of article 4
      holder: SCBCM SERVICES PREMIER MINISTRE
      bank: "30001"
      branch: "00064"
      number: "00000092441"
      key: "40"
  collectivite:
    name: Ma collectivité
    # account: { holder: ..., bank: "…", branch: "…", number: "…", key: "…" }   # receives refunds

# Changes to the template's parameters, each made by a signed amendment (article 5).
terms: {}

# The five phases of article 1; add each when it starts.
phases:
  call:                                   # 1. appel à intrapreneurs
    start: 2025-09-08
    # end: 2025-10-03
    # supportedBy: dinsic

# seminar: { date: …, title: Séminaire de lancement }
# closedWeeks: [2025-W52, 2026-W01]

projects: []        # each with selection, intrapreneurs (release, leave, coaching), support...
payments: []        # the single payment of the contribution, within 30 days of signature
expenses: []        # what the DINSIC spends of it, with a purpose
refunds: []         # unused credits returned to the collectivité
amendments: []      # avenants, signed by both parties
`;
}

export function registerInit(program: Command, context: CliContext): void {
  program
    .command('init')
    .description('write a commented starter record (to FILE, or to standard output)')
    .argument('[file]', 'the record to create; never overwritten')
    .action((file: string | undefined) => {
      const schema = join(packageRoot(), 'schemas', 'programme.schema.json');
      const from = file === undefined ? process.cwd() : dirname(resolve(file));
      const schemaPath = relative(from, schema).split(sep).join('/');
      if (file !== undefined && existsSync(file))
        throw new InputError(`${file} exists already: clausier init never overwrites a file`);
      emit(starterRecord(schemaPath), file);
      context.setExit(EXIT.ok);
    });
}
