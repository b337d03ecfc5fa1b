/**
 * The command line's own words in French and English: commander's headings and notes, the hint
 * under a usage error, and the French of every command's, option's and argument's description
 * (written in English where each command is registered, and translated here, in one table).
 */
import { type Language } from '../index.js';
import type { Argument, Command, HelpConfiguration, Option } from 'commander';

export const HELP_WORDS: Record<
  Language,
  { version: string; help: string; helpCommand: string; hint: (command: string) => string }
> = {
  fr: {
    version: 'afficher le numéro de version',
    help: 'afficher l’aide de la commande',
    helpCommand: 'afficher l’aide d’une commande',
    hint: (command) => `Voir « ${command} --help ».`,
  },
  en: {
    version: 'output the version number',
    help: 'display help for command',
    helpCommand: 'display help for command',
    hint: (command) => `Try '${command} --help'.`,
  },
};

const TITLES_FR: Record<string, string> = {
  'Usage:': 'Utilisation :',
  'Arguments:': 'Arguments :',
  'Options:': 'Options :',
  'Commands:': 'Commandes :',
  'Global Options:': 'Options globales :',
};

/** French notes after a description: choices and default value, as commander writes them. */
function notes(
  description: string,
  item: { argChoices?: string[]; defaultValue?: unknown; defaultValueDescription?: string },
  showDefault: boolean,
): string {
  const extra: string[] = [];
  if (item.argChoices) extra.push(`choix : ${item.argChoices.map((c) => `"${c}"`).join(', ')}`);
  if (item.defaultValue !== undefined && showDefault)
    extra.push(`par défaut : ${item.defaultValueDescription ?? JSON.stringify(item.defaultValue)}`);
  return extra.length > 0 ? `${description} (${extra.join(', ')})` : description;
}

/** commander's help, with its headings and notes in French (set before commands are added). */
export const FRENCH_HELP: HelpConfiguration = {
  styleTitle: (title: string) => TITLES_FR[title] ?? title,
  optionDescription: (option: Option) =>
    notes(
      option.description,
      option,
      option.required ||
        option.optional ||
        (option.isBoolean() && typeof option.defaultValue === 'boolean'),
    ),
  argumentDescription: (argument: Argument) => notes(argument.description, argument, true),
};

/** Every description of the commands, options and arguments, in French, by its English. */
export const DESCRIPTIONS_FR: Record<string, string> = {
  'Checks pré-incubation programme records against the DINSIC partnership agreement, clause by clause.':
    'Vérifie les dossiers des programmes de pré-incubation au regard de la convention de partenariat de la DINSIC, clause par clause.',
  'check programme records: files, folders (searched for *.yaml and *.yml), globs, or - for standard input':
    'vérifier des dossiers de programme : fichiers, répertoires (où sont cherchés les *.yaml et *.yml), motifs, ou - pour l’entrée standard',
  'output format; repeat it, or separate formats with commas, for several in one run':
    'format du rapport ; le répéter, ou séparer les formats par des virgules, pour en produire plusieurs en une fois',
  'write the report to a file (atomically) instead of standard output (-); with several formats, --output.<format> <file> for each':
    'écrire le rapport dans un fichier (de façon atomique) plutôt que sur la sortie standard (-) ; avec plusieurs formats, --output.<format> <fichier> pour chacun',
  "evaluate as of this date (YYYY-MM-DD), instead of the record's asOf or today":
    'juger à cette date (AAAA-MM-JJ), plutôt qu’à l’asOf du dossier ou aujourd’hui',
  'language of messages (default: from LANG)': 'langue des messages (par défaut : celle de LANG)',
  "a rule pack folder, instead of the built-in pack of the record's template":
    'un répertoire de jeu de règles, plutôt que le jeu intégré du modèle du dossier',
  "show how each finding was reached: the record's values (with their lines), the parameters, the derived facts and the comparison that decided it (a trace in JSON, related locations in SARIF)":
    'montrer comment chaque constat a été établi : les valeurs du dossier (avec leurs lignes), les paramètres, les faits dérivés et la comparaison qui a décidé (une trace en JSON, des emplacements liés en SARIF)',
  'show every finding, not only breaches and undetermined ones':
    'montrer tous les constats, pas seulement les manquements et les indéterminés',
  'what makes the exit code 1: error breaches, any breach (warning), or also undetermined or pending findings':
    'ce qui donne le code de sortie 1 : les manquements de gravité erreur, tout manquement (warning), ou aussi les constats indéterminés ou en attente',
  'refuse files larger than this (bytes, or e.g. 20M)':
    'refuser les fichiers plus grands (en octets, ou par exemple 20M)',
  'force colours': 'forcer les couleurs',
  'no colours': 'pas de couleurs',
  'show a progress bar on standard error (default: on a terminal, for many files)':
    'afficher une barre de progression sur la sortie d’erreur (par défaut : sur un terminal, pour de nombreux fichiers)',
  'never show a progress bar': 'ne jamais afficher de barre de progression',
  'check files in n worker threads (default: one per 1000 files, at most one per core)':
    'vérifier les fichiers dans n fils d’exécution (par défaut : un pour 1000 fichiers, au plus un par cœur)',
  "keep each record's report, keyed by its content, the rule packs and the version, and reuse it":
    'garder le rapport de chaque dossier, selon son contenu, les jeux de règles et la version, et le réutiliser',
  'where the cache is kept': 'où le cache est gardé',
  'a waiver file: deviations a finance controller accepts (repeatable)':
    'un fichier de dérogations : les écarts qu’un contrôleur financier accepte (répétable)',
  'write the text report to a file': 'écrire le rapport text dans un fichier',
  'write the json report to a file': 'écrire le rapport json dans un fichier',
  'write the sarif report to a file': 'écrire le rapport sarif dans un fichier',
  'write the junit report to a file': 'écrire le rapport junit dans un fichier',
  'write the github report to a file': 'écrire le rapport github dans un fichier',
  'write the markdown report to a file': 'écrire le rapport markdown dans un fichier',
  'record files, folders or globs; - reads standard input':
    'fichiers de dossier, répertoires ou motifs ; - lit l’entrée standard',
  'list the rules of a rule pack: id, clauses, severity, obligor, summary':
    'lister les règles d’un jeu de règles : identifiant, clauses, gravité, débiteur, résumé',
  'a rule pack folder (default: the built-in dinsic-preincubation-2019)':
    'un répertoire de jeu de règles (par défaut : le jeu intégré dinsic-preincubation-2019)',
  'output format': 'format de sortie',
  'explain a rule: its clauses, interpretation, parameters, conditions in words, and cases':
    'expliquer une règle : ses clauses, son interprétation, ses paramètres, ses conditions en mots et ses cas',
  'the rule, e.g. A4-CAP': 'la règle, par exemple A4-CAP',
  'print the JSON Schema of programme records (or of a rule pack file)':
    'afficher le schéma JSON des dossiers de programme (ou d’un fichier de jeu de règles)',
  'which schema': 'quel schéma',
  'write it to a file instead of standard output (-)':
    'l’écrire dans un fichier plutôt que sur la sortie standard (-)',
  'write a commented starter record (to FILE, or to standard output)':
    'écrire un dossier de départ commenté (dans FICHIER, ou sur la sortie standard)',
  'the record to create; never overwritten': 'le dossier à créer ; jamais écrasé',
  'check rule packs (default: the built-in ones) for their authors':
    'vérifier des jeux de règles (par défaut : les jeux intégrés) pour leurs auteurs',
  'rule pack folders': 'répertoires de jeux de règles',
  'what makes the exit code 1: errors only, or warnings too':
    'ce qui donne le code de sortie 1 : les erreurs seules, ou aussi les avertissements',
  "records to evaluate the rules over, instead of the pack's cases (files, folders or globs; repeatable)":
    'des dossiers sur lesquels évaluer les règles, au lieu des cas du jeu (fichiers, répertoires ou motifs ; répétable)',
  'how many generated records (seeded: the same every run) to evaluate the rules over too':
    'combien de dossiers générés (à graine fixe : les mêmes à chaque fois) sur lesquels évaluer aussi les règles',
  'run the cases of rule packs (default: the built-in ones) against their expected findings':
    'passer les cas des jeux de règles (par défaut : les jeux intégrés) et comparer aux constats attendus',
  'the convention as a lawyer reads it: the signed text, unit by unit, with the rules that encode each one (or why none does), their parameters and their cases':
    'la convention telle qu’un juriste la lit : le texte signé, unité par unité, avec les règles qui encodent chacune (ou pourquoi aucune ne le fait), leurs paramètres et leurs cas',
  'markdown for pull requests, html for reading and printing':
    'markdown pour les demandes de fusion, html pour lire et imprimer',
  'write the document to a file instead of standard output (-)':
    'écrire le document dans un fichier plutôt que sur la sortie standard (-)',
  'deprecated: use --output': 'ancienne orthographe : utilisez --output',
  "a programme's report for a finance controller, as one HTML file: the verdict, the money to the cent, the timeline, the weeks of pré-incubation and every finding with its clause; for many records, a portfolio page":
    'le rapport d’un programme pour un contrôleur financier, en un fichier HTML : le verdict, l’argent au centime, la chronologie, les semaines de pré-incubation et chaque constat avec sa clause ; pour de nombreux dossiers, une page de portefeuille',
  "the record file; or folders, globs or several files: the portfolio, with each record's report beside it":
    'le fichier du dossier ; ou des répertoires, des motifs ou plusieurs fichiers : le portefeuille, avec le rapport de chaque dossier à côté',
  'what falls due, across records: every obligation pending or overdue, sorted by date, with who owes it, the amount, the clause and the line of the record':
    'ce qui arrive à échéance, dans tous les dossiers : chaque obligation en attente ou en retard, par date, avec qui la doit, le montant, la clause et la ligne du dossier',
  'output format (ics: an iCalendar file for a calendar)':
    'format de sortie (ics : un fichier iCalendar pour un agenda)',
  'write the agenda to a file (atomically) instead of standard output (-)':
    'écrire l’échéancier dans un fichier (de façon atomique) plutôt que sur la sortie standard (-)',
  'evaluate every record as of this date (YYYY-MM-DD), instead of its asOf or today':
    'évaluer chaque dossier à cette date (AAAA-MM-JJ), au lieu de son asOf ou d’aujourd’hui',
  'list what falls due up to this date (YYYY-MM-DD); what is overdue or has no date yet is always listed':
    'lister ce qui arrive à échéance jusqu’à cette date (AAAA-MM-JJ) ; ce qui est en retard ou sans date est toujours listé',
  "records' money and findings as spreadsheets: every payment, expense and refund (counted or not, with its line) and every finding, as CSV or XLSX":
    'l’argent et les constats des dossiers en tableurs : chaque versement, dépense et restitution (comptés ou non, avec leur ligne) et chaque constat, en CSV ou XLSX',
  'csv (one table) or xlsx (a sheet per table)':
    'csv (un tableau) ou xlsx (une feuille par tableau)',
  'the table: money (the ledger) or findings; csv writes one (default money), xlsx both unless one is named':
    'le tableau : money (les mouvements) ou findings (les constats) ; csv en écrit un (par défaut money), xlsx les deux sauf si l’un est nommé',
  'write to this file (atomically), or to standard output (-); xlsx needs a file':
    'écrire dans ce fichier (de façon atomique), ou sur la sortie standard (-) ; xlsx demande un fichier',
  'write the report to a file instead of standard output (-)':
    'écrire le rapport dans un fichier plutôt que sur la sortie standard (-)',
  'the record file': 'le fichier du dossier',
};

/** Puts every description of a program in French; one without French stays English. */
export function describeInFrench(program: Command): void {
  for (const command of [program, ...program.commands]) {
    const description = DESCRIPTIONS_FR[command.description()];
    if (description !== undefined) command.description(description);
    for (const option of command.options) {
      const french = DESCRIPTIONS_FR[option.description];
      if (french !== undefined) option.description = french;
    }
    for (const argument of command.registeredArguments) {
      const french = DESCRIPTIONS_FR[argument.description];
      if (french !== undefined) argument.description = french;
    }
  }
}

/** Every description of a program, as written: for the test that each one has its French. */
export function descriptionsOf(program: Command): string[] {
  return [program, ...program.commands].flatMap((command) => [
    command.description(),
    ...command.options.map((o) => o.description),
    ...command.registeredArguments.map((a) => a.description),
  ]);
}
